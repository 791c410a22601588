"""The import command on a WPML export of our own, with and without its sidecar files."""

import re
from html import unescape
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Topic
from ankasam.wordpress.footnotes import extract_footnotes
from ankasam.wordpress.models import ImportedPost
from ankasam.wordpress.wxr import read_export

from .rendering import assert_notes_linked_both_ways
from .reports import in_language, post_table

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "import-wpml.xml"
WPML = FIXTURES / "import-wpml-translations.csv"
BIOS = FIXTURES / "import-wpml-author-bios.json"


def run(*args) -> str:
    out = StringIO()
    call_command("import_wordpress", str(EXPORT), *args, stdout=out)
    return out.getvalue()


def page_of(post_id: int) -> ArticlePage:
    return ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=post_id).page_id)


def read(client, page, language: str) -> str:
    with override(language):
        response = client.get(page.get_url())
    assert response.status_code == 200, (language, response.status_code)
    return response.content.decode()


@pytest.fixture
def site(article_index, people_index):
    return article_index


def test_with_the_sidecar_each_group_is_one_page_in_its_languages(client, site):
    report = run("--wpml-translations", str(WPML))

    grain = page_of(501)
    assert sorted(ImportedPost.objects.filter(page=grain).values_list("language", flat=True)) == [
        "en",
        "ru",
        "tr",
    ]
    assert grain.title_tr and grain.title_ru and grain.title_en != grain.title_tr
    assert in_language(report, "en") == {"created": 4, "updated": 0, "unchanged": 0, "skipped": 0}
    assert post_table(report)["de", "publish"]["skipped"] == 1
    assert "post 505: written in 'de', which the site does not publish in; not imported" in report
    assert "Export WPML's icl_translations" not in report

    turkish_only = page_of(506)
    assert turkish_only.original_language == "tr"
    read(client, turkish_only, "tr")
    with override("en"):
        assert client.get(turkish_only.get_url()).status_code == 404


def test_each_footnote_format_is_numbered_and_linked_both_ways_in_each_language(client, site):
    run("--wpml-translations", str(WPML))

    grain = page_of(501)
    assert_notes_linked_both_ways(read(client, grain, "en"), 2)  # WordPress core footnotes
    assert_notes_linked_both_ways(read(client, grain, "tr"), 2)  # [ref]...[/ref]
    russian = read(client, grain, "ru")  # <sup>n</sup> and an <ol> under "Примечания"
    assert_notes_linked_both_ways(russian, 2)
    assert "Там же, с. 14." in russian
    assert_notes_linked_both_ways(read(client, page_of(504), "en"), 2)  # ((...))
    assert_notes_linked_both_ways(read(client, page_of(506), "tr"), 1)  # [footnote]...[/footnote]
    assert_notes_linked_both_ways(read(client, page_of(510), "en"), 8)  # hand-typed [1]..[8]


def test_eight_hand_typed_persian_sources_arrive_exactly_as_written(client, site):
    run("--wpml-translations", str(WPML))

    source = next(item for item in read_export(EXPORT) if getattr(item, "post_id", None) == 510)
    notes = extract_footnotes(source.content, None).notes
    stored = [block.value["text"].source for block in page_of(510).footnotes_en]
    assert len(notes) == len(stored) == 8
    persian = [note for note in notes if re.search("[\u0600-\u06ff]", note.html)]
    assert len(persian) >= 5
    html = read(client, page_of(510), "en")
    # Served, the runs written right to left are isolated in <bdi> (core/bidi.py); inside, the
    # letters are the export's.
    served = re.sub(r"</?bdi[^>]*>", "", html)
    for note, kept in zip(notes, stored, strict=True):
        # The same bytes as in the export (zero-width non-joiners included), stored and served.
        assert kept.encode() == note.html.encode() and note.html in source.content
        assert note.html in served
    assert [unescape(n.html) for n in notes if n.html.startswith("Ibid.")] == ["Ibid., p. 19.", "Ibid."]


def test_without_the_sidecar_languages_come_from_the_addresses_and_the_report_says_groups_are_lost(
    client, site
):
    report = run()

    assert "Export WPML's icl_translations table to rebuild the groups" in report
    assert "languages read from the posts' addresses" in report
    assert ImportedPost.objects.filter(page=page_of(501)).count() == 1
    turkish = page_of(502)
    assert turkish.original_language == "tr"
    read(client, turkish, "tr")
    assert "post 505: written in 'de'" in report


def test_drafts_private_and_future_posts_are_never_live(site):
    run("--wpml-translations", str(WPML))

    draft, private, future = page_of(507), page_of(508), page_of(509)
    assert not draft.live and not private.live and not future.live
    assert future.go_live_at is not None and future.go_live_at.year == 2031
    assert not Redirect.objects.filter(redirect_page__in=[draft, private, future]).exists()
    assert not Redirect.objects.filter(old_path__contains="508").exists()


def test_old_addresses_answer_301_to_the_page_in_their_language(client, site):
    run("--wpml-translations", str(WPML))

    grain = page_of(501)
    for old, language in (
        ("/2024/06/grain-by-sea/", "en"),
        ("/tr/2024/06/denizden-tahil/", "tr"),
        ("/ru/2024/06/zerno-morem/", "ru"),
    ):
        response = client.get(old)
        with override(language):
            assert (response.status_code, response["Location"]) == (301, grain.get_url())


def test_co_authors_and_bios_in_two_languages_reach_the_article(client, site):
    report = run("--wpml-translations", str(WPML), "--author-bios", str(BIOS))

    grain = page_of(501)
    byline = [link.person.title_en for link in grain.article_authors.all()]
    assert byline == ["Nino Beridze", "Lale Yıldırım"]
    nino = PersonPage.objects.get(title_en="Nino Beridze")
    assert nino.role_en and nino.role_tr and nino.role_en != nino.role_tr
    assert nino.bio_en and nino.bio_tr and nino.bio_en != nino.bio_tr
    lale = PersonPage.objects.get(title_en="Lale Yıldırım")
    assert "maritime economist" in lale.bio_en
    assert "person: 3 created" in report
    assert nino.bio_tr.split(">")[1][:20] in read(client, grain, "tr")
    assert nino.bio_en.split(">")[1][:20] in read(client, grain, "en")


def test_a_second_run_creates_nothing_and_reports_the_posts_unchanged(site):
    args = ("--wpml-translations", str(WPML), "--author-bios", str(BIOS))
    run(*args)
    counts = (ArticlePage.objects.count(), PersonPage.objects.count(), Topic.objects.count())
    redirects = Redirect.objects.count()

    report = run(*args)

    assert (ArticlePage.objects.count(), PersonPage.objects.count(), Topic.objects.count()) == counts
    assert Redirect.objects.count() == redirects
    assert in_language(report, "en") == {"created": 0, "updated": 0, "unchanged": 4, "skipped": 0}
    assert "person: 0 created, 0 updated, 3 unchanged" in report


def test_a_mapping_file_sends_categories_to_regions_and_article_types(site, tmp_path):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[categories]\nblack-sea = "region"\ninterview = "article_type"\n')

    report = run("--wpml-translations", str(WPML), "--taxonomy-mapping", str(mapping))

    assert [region.slug for region in page_of(504).regions.all()] == ["black-sea"]
    assert page_of(507).article_type == ArticleType.objects.get(slug="interview")
    assert not Topic.objects.filter(slug__in=["black-sea", "interview"]).exists()
    assert Region.objects.get(slug="black-sea").name_en == "Black Sea"
    assert "region: 1 created" in report
