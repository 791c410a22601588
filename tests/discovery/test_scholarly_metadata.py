"""What Google Scholar, Zotero and library tools read in an article's head."""

from html.parser import HTMLParser

import pytest
from django.utils.translation import get_language_info, override

from ankasam.articles import pdf

from ..articles.factories import ArticlePageFactory, written_in
from ..articles.test_citation import bibtex_fields
from ..people.factories import PersonPageFactory

pytestmark = pytest.mark.django_db

ORCID = "0000-0002-1825-0097"


class HeadMeta(HTMLParser):
    """The head's <meta name content> pairs in document order, as Zotero's Embedded Metadata reads them."""

    def __init__(self):
        super().__init__()
        self.pairs = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.in_head and tag == "meta" and "name" in attrs:
            self.pairs.append((attrs["name"], attrs.get("content", "")))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def head_meta(response) -> list[tuple[str, str]]:
    parser = HeadMeta()
    parser.feed(response.content.decode())
    return parser.pairs


def values(pairs, name) -> list[str]:
    return [content for key, content in pairs if key == name]


@pytest.fixture
def pdfs_available(monkeypatch):
    monkeypatch.setattr(pdf, "pdf_problem", lambda: None)


@pytest.fixture
def cited_article(article_index, people_index, pdfs_available):
    first = PersonPageFactory(
        parent=people_index,
        title_en="Dr. Elif Aydın",
        slug_en="elif-aydin",
        links=[("link", {"label": "ORCID", "url": f"https://orcid.org/{ORCID}"})],
    )
    second = PersonPageFactory(parent=people_index, title_en="Mehmet Ali Korkmaz", slug_en="korkmaz")
    return ArticlePageFactory(
        parent=article_index,
        translations=written_in("Pipelines", "en", "tr"),
        authors=[second, first],
    )


@pytest.mark.parametrize("language", ["en", "tr"])
def test_the_head_reads_as_the_bibtex_download_does(client, cited_article, language):
    with override(language):
        page = client.get(cited_article.get_url())
    assert page.status_code == 200
    assert values(head_meta(page), "citation_title") == [f"Pipelines {language}"]
    tags = head_meta(page)
    download = client.get(f"{page.request['PATH_INFO']}cite-bibtex/")
    _type, _key, bibtex = bibtex_fields(download.content.decode())

    assert values(tags, "citation_title") == [bibtex["title"].strip("{}")]
    assert " and ".join(values(tags, "citation_author")) == bibtex["author"]
    assert values(tags, "citation_author") == ["Korkmaz, Mehmet Ali", "Aydın, Elif"]
    assert values(tags, "citation_publication_date") == [bibtex["date"].replace("-", "/")]
    assert get_language_info(values(tags, "citation_language")[0])["name"].lower() == bibtex["langid"]
    assert values(tags, "citation_abstract_html_url") == [bibtex["url"]]
    assert values(tags, "citation_pdf_url") == [f"{bibtex['url']}pdf/"]
    assert client.get(values(tags, "citation_pdf_url")[0].removeprefix("http://localhost")).status_code in (
        200,
        503,  # not rendered yet: the reader waits for the background render
    )


def test_an_orcid_follows_its_author_in_the_head_and_is_in_the_json_ld(client, cited_article):
    response = client.get(cited_article.get_url())
    tags = head_meta(response)
    authors = ("citation_author", "citation_author_orcid")
    order = [(name, content) for name, content in tags if name in authors]

    assert order == [
        ("citation_author", "Korkmaz, Mehmet Ali"),
        ("citation_author", "Aydın, Elif"),
        ("citation_author_orcid", ORCID),
    ]
    assert f'"sameAs": ["https://orcid.org/{ORCID}"]' in response.content.decode()


def test_dublin_core_names_the_same_work(client, cited_article):
    tags = head_meta(client.get(cited_article.get_url()))

    assert values(tags, "DC.title") == values(tags, "citation_title")
    assert values(tags, "DC.creator") == values(tags, "citation_author")
    assert values(tags, "DC.date") == [cited_article.publication_date.isoformat()]
    assert values(tags, "DC.language") == ["en"]
    assert values(tags, "DC.identifier") == values(tags, "citation_abstract_html_url")


def test_without_pdfs_no_pdf_address_is_promised(client, cited_article, monkeypatch):
    monkeypatch.setattr(pdf, "pdf_problem", lambda: "WeasyPrint is not installed")

    tags = head_meta(client.get(cited_article.get_url()))

    assert values(tags, "citation_pdf_url") == []
    assert values(tags, "citation_title") == ["Pipelines en"]


def test_pages_that_are_not_articles_carry_no_citation_tags(client, cited_article, people_index):
    tags = head_meta(client.get(people_index.get_url()))

    assert not [name for name, _content in tags if name.startswith(("citation_", "DC."))]
