"""The OAI-PMH endpoint read as a harvester reads it: every response parsed as XML."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.conf import settings as settings_module
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from ..articles.factories import ArticlePageFactory, written_in
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
BASE_URL = "http://testserver/oai/"


def harvest(client, method="get", **arguments):
    response = getattr(client, method)("/oai/", arguments)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.openarchives.org/OAI/2.0/}OAI-PMH"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", root.findtext("oai:responseDate", namespaces=NS))
    assert root.find("oai:request", NS).text == BASE_URL
    return root


def error_code(root) -> str | None:
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")


def identifiers(element) -> list[str]:
    return [node.text for node in element.iterfind(".//oai:header/oai:identifier", NS)]


@pytest.fixture
def archive(article_index, people_index):
    energy = TopicFactory(slug="energy", name_en="Energy", name_tr="Enerji")
    author = PersonPageFactory(parent=people_index, title_en="Dr. Elif Aydın", slug_en="elif-aydin")
    both = ArticlePageFactory(
        parent=article_index,
        translations=written_in("Pipelines", "en", "tr"),
        authors=[author],
        topics=[energy],
    )
    english = ArticlePageFactory(parent=article_index, title="Grain corridor")
    return {"both": both, "english": english, "energy": energy}


@pytest.fixture
def hidden(article_index):
    draft = ArticlePageFactory(parent=article_index, title="Draft piece", live=False)
    private = ArticlePageFactory(parent=article_index, title="Private piece")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    expired = ArticlePageFactory(parent=article_index, title="Expired piece")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    return [draft, private, expired]


def test_identify_describes_the_repository(client, archive):
    root = harvest(client, verb="Identify")

    identify = root.find("oai:Identify", NS)
    assert root.find("oai:request", NS).get("verb") == "Identify"
    assert identify.findtext("oai:baseURL", namespaces=NS) == BASE_URL
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:repositoryName", namespaces=NS)
    assert "@" in identify.findtext("oai:adminEmail", namespaces=NS)
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "no"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", identify.findtext("oai:earliestDatestamp", namespaces=NS)
    )


def test_list_metadata_formats_offers_oai_dc_for_the_repository_and_a_record(client, archive):
    whole = harvest(client, verb="ListMetadataFormats")
    one = harvest(
        client, verb="ListMetadataFormats", identifier=f"oai:testserver:article/{archive['both'].pk}/tr"
    )

    for root in (whole, one):
        assert [n.text for n in root.iterfind(".//oai:metadataPrefix", NS)] == ["oai_dc"]
        assert root.findtext(".//oai:metadataNamespace", namespaces=NS) == NS["oai_dc"]
    assert one.find("oai:request", NS).get("identifier") == f"oai:testserver:article/{archive['both'].pk}/tr"


def test_list_sets_names_languages_and_topics(client, archive):
    root = harvest(client, verb="ListSets")

    specs = {
        s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
        for s in root.iterfind(".//oai:set", NS)
    }
    assert {"language", "language:en", "language:tr", "language:ru", "topic", "topic:energy"} <= set(specs)


def test_list_records_gives_one_oai_dc_record_per_language_version(client, archive, hidden):
    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")

    both, english = archive["both"].pk, archive["english"].pk
    assert sorted(identifiers(root)) == sorted(
        [
            f"oai:testserver:article/{both}/en",
            f"oai:testserver:article/{both}/tr",
            f"oai:testserver:article/{english}/en",
        ]
    )
    turkish = next(
        r
        for r in root.iterfind(".//oai:record", NS)
        if r.findtext(".//oai:identifier", namespaces=NS).endswith(f"{both}/tr")
    )
    assert [s.text for s in turkish.iterfind("oai:header/oai:setSpec", NS)] == ["language:tr", "topic:energy"]
    dc = turkish.find("oai:metadata/oai_dc:dc", NS)
    assert dc.findtext("dc:title", namespaces=NS) == "Pipelines tr"
    assert [c.text for c in dc.iterfind("dc:creator", NS)] == ["Aydın, Elif"]
    assert dc.findtext("dc:subject", namespaces=NS) == "Enerji"
    assert dc.findtext("dc:language", namespaces=NS) == "tr"
    assert dc.findtext("dc:identifier", namespaces=NS).endswith(
        archive["both"].url_path_tr.split("/")[-2] + "/"
    )
    assert "/tr/" in dc.findtext("dc:identifier", namespaces=NS)
    with override("en"):
        english_version = archive["both"].get_full_url()
    assert [r.text for r in dc.iterfind("dc:relation", NS)] == [english_version]
    assert dc.findtext("dc:date", namespaces=NS) == archive["both"].publication_date.isoformat()
    assert b"piece" not in ElementTree.tostring(root)


def test_list_identifiers_and_sets_select_records(client, archive):
    turkish = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="language:tr")
    energy = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="topic:energy")

    both = archive["both"].pk
    assert identifiers(turkish) == [f"oai:testserver:article/{both}/tr"]
    assert sorted(identifiers(energy)) == [
        f"oai:testserver:article/{both}/en",
        f"oai:testserver:article/{both}/tr",
    ]
    assert turkish.find("oai:ListIdentifiers/oai:header/oai:datestamp", NS) is not None
    assert turkish.find(".//oai:metadata", NS) is None


def test_get_record_and_its_errors(client, archive, hidden):
    pk = archive["both"].pk
    record = harvest(
        client, verb="GetRecord", metadataPrefix="oai_dc", identifier=f"oai:testserver:article/{pk}/en"
    )
    assert record.findtext(".//dc:title", namespaces=NS) == "Pipelines en"
    assert record.find("oai:request", NS).attrib == {
        "verb": "GetRecord",
        "metadataPrefix": "oai_dc",
        "identifier": f"oai:testserver:article/{pk}/en",
    }

    missing = [
        f"oai:testserver:article/{pk}/ru",
        f"oai:testserver:article/{hidden[1].pk}/en",
        "oai:elsewhere:article/1/en",
        "nonsense",
    ]
    for identifier in missing:
        root = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
        assert error_code(root) == "idDoesNotExist", identifier
    wrong_format = harvest(
        client, verb="GetRecord", metadataPrefix="marc21", identifier=f"oai:testserver:article/{pk}/en"
    )
    assert error_code(wrong_format) == "cannotDisseminateFormat"


@pytest.mark.parametrize(
    "arguments, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-13-01"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2026-01-01",
                "until": "2026-01-02T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-01", "until": "2026-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "topic:unknown"}, "noRecordsMatch"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "2000-01-01"}, "noRecordsMatch"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:article/999999/en"}, "idDoesNotExist"),
    ],
)
def test_errors_carry_the_codes_the_specification_names(client, archive, arguments, code):
    root = harvest(client, **arguments)

    assert error_code(root) == code
    request = root.find("oai:request", NS)
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}
    else:
        assert request.get("verb") == arguments["verb"]


def test_a_repeated_argument_is_a_bad_argument(client, archive):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")

    assert error_code(ElementTree.fromstring(response.content)) == "badArgument"


def test_harvesters_may_post(client, archive):
    root = harvest(client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert len(identifiers(root)) == 3


def test_a_long_list_comes_in_pages_joined_by_resumption_tokens(client, article_index, settings):
    settings.OAI_PAGE_SIZE = 2
    for n in range(3):
        ArticlePageFactory(parent=article_index, translations=written_in(f"Piece{n}", "en", "tr"))

    seen, cursors, arguments = [], [], {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    while True:
        root = harvest(client, **arguments)
        seen += identifiers(root)
        token = root.find("oai:ListRecords/oai:resumptionToken", NS)
        if token is None:
            break
        assert token.get("completeListSize") == "6"
        cursors.append(token.get("cursor"))
        if not token.text:
            break
        arguments = {"verb": "ListRecords", "resumptionToken": token.text}
        assert (
            harvest(client, verb="ListIdentifiers", resumptionToken=token.text)
            .find("oai:error", NS)
            .get("code")
            == "badResumptionToken"
        )

    assert cursors == ["0", "2", "4"]
    assert len(seen) == len(set(seen)) == 6


def test_records_published_during_a_harvest_wait_for_the_next_one(client, article_index, settings):
    settings.OAI_PAGE_SIZE = 1
    ArticlePageFactory(parent=article_index, title="First")
    ArticlePageFactory(parent=article_index, title="Second")
    first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text

    ArticlePageFactory(parent=article_index, title="Third")
    second = harvest(client, verb="ListIdentifiers", resumptionToken=token)

    last = second.find(".//oai:resumptionToken", NS)
    assert len(identifiers(second)) == 1
    assert (last.text, last.get("completeListSize")) == (None, "2")


def test_a_page_of_records_costs_the_same_queries_however_many_it_holds(client, article_index, people_index):
    def queries_for_list_records():
        with CaptureQueriesContext(connection) as queries:
            harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
        return len(queries)

    topic = TopicFactory(slug="energy")
    author = PersonPageFactory(parent=people_index)
    ArticlePageFactory(
        parent=article_index, translations=written_in("One", "en", "tr"), authors=[author], topics=[topic]
    )
    harvest(client, verb="ListRecords", metadataPrefix="oai_dc")  # the sites and root paths, then cached
    one = queries_for_list_records()
    for n in range(4):
        ArticlePageFactory(
            parent=article_index,
            translations=written_in(f"More{n}", "en", "tr"),
            authors=[author],
            topics=[topic],
        )

    assert queries_for_list_records() == one


def test_the_examples_in_the_docs_are_valid_requests(client, archive):
    docs = (settings_module.BASE_DIR / "docs" / "oai-pmh.md").read_text()
    examples = re.findall(r"curl '(http://127\.0\.0\.1:8000/oai/\?[^']+)'", docs)

    assert len(examples) >= 5
    for example in examples:
        root = ElementTree.fromstring(client.get(example.removeprefix("http://127.0.0.1:8000")).content)
        assert error_code(root) in (None, "idDoesNotExist", "noRecordsMatch"), example
        assert root.find("oai:request", NS).get("verb"), example


def test_the_protocol_namespace_is_the_default_whatever_other_libraries_registered(client, archive):
    # Willow (Wagtail's images) maps the empty prefix to SVG when it is imported.
    ElementTree.register_namespace("", "http://www.w3.org/2000/svg")
    ElementTree.register_namespace("oai_dc", "http://example.org/not-oai-dc")

    text = client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}).content.decode()

    assert text.startswith(
        "<?xml version='1.0' encoding='utf-8'?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\""
    )
    assert "<oai_dc:dc " in text and "<dc:title>" in text
    assert "ns0:" not in text and "ns1:" not in text
