"""The import command end to end on a small Polylang export of our own."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import Topic
from ankasam.translations.availability import exists_in
from ankasam.wordpress.models import ImportedPost
from ankasam.wordpress.wxr import Item, read_export

from .rendering import assert_notes_linked_both_ways
from .reports import in_language, post_redirects

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "import-polylang.xml"


def run(*args) -> str:
    out = StringIO()
    call_command("import_wordpress", *args, stdout=out)
    return out.getvalue()


def table_sizes():
    from django.apps import apps

    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture
def site(article_index, people_index):
    return article_index


def test_a_translation_group_becomes_one_page_with_each_language(client, site):
    report = run(str(EXPORT))

    river = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    assert ImportedPost.objects.filter(page=river).count() == 3
    assert (river.title_en, river.title_tr, river.title_ru) == (
        "Sharing the Aras",
        "Aras'ı paylaşmak",
        "Делить Аракс",
    )
    assert river.live and river.publication_date.isoformat() == "2024-05-02"
    assert [link.person.title for link in river.article_authors.all()] == ["Selin Demir"]
    assert [topic.slug for topic in river.topics.all()] == ["water"]
    assert (in_language(report, "en")["created"], in_language(report, "tr")["created"]) == (2, 1)
    assert "Pages by language and status (1 pages in the file)" in report  # About us: a standard page

    english = client.get("/en/analyses/sharing-the-aras/").content.decode()
    assert 'href="#fn-1"' in english and 'href="#fn-2"' in english
    assert "سازمان آب منطقه‌ای, <em>گزارش سالانه</em> (۱۴۰۲), ص. ۷." in english
    assert "a.g.e., s. 5." in client.get("/tr/analizler/arasi-paylasmak/").content.decode()


def test_a_draft_stays_a_draft_without_a_redirect(client, site):
    run(str(EXPORT))

    draft = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=104).page_id)
    assert not draft.live and draft.title_en == "An unfinished draft"
    assert not Redirect.objects.filter(old_path__contains="104").exists()


def test_old_addresses_redirect_permanently_to_the_right_language(client, site):
    run(str(EXPORT))

    response = client.get("/tr/2024/05/arasi-paylasmak/")

    # The three posts' old addresses and the About page's.
    assert post_redirects().filter(is_permanent=True).count() == 4
    assert response.status_code == 301
    assert response["Location"].endswith("/tr/analizler/arasi-paylasmak/")


def test_a_second_run_creates_nothing(site):
    run(str(EXPORT))
    before = table_sizes()

    report = run(str(EXPORT))

    after = table_sizes()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    # Nothing changed in the export: no new revision, no log entry, nothing at all.
    assert changed == {}
    assert "page: 0 created, 0 updated, 4 unchanged" in report
    assert PersonPage.objects.annotate(n=Count("pk")).count() == 1


def test_a_dry_run_writes_nothing(site):
    before = table_sizes()

    report = run(str(EXPORT), "--dry-run")

    assert table_sizes() == before
    assert report.startswith("Dry run") and "page: 2 created" in report


@pytest.mark.parametrize(
    ("export", "reason"),
    [
        ("wxr-billion-laughs.xml", "entit"),
        ("wxr-external-entity.xml", "entit|DTD|external"),
    ],
)
def test_an_unsafe_export_is_refused_with_a_clear_error_and_nothing_is_written(site, export, reason):
    before = table_sizes()

    with pytest.raises(CommandError, match=rf"The export cannot be read, nothing was imported: .*({reason})"):
        run(str(FIXTURES / export))

    assert table_sizes() == before


def test_a_failure_halfway_rolls_everything_back(site, monkeypatch):
    from ankasam.wordpress import importer

    real = importer.write_post

    def fail_on_the_russian_post(item, *args):
        if item.post_id == 103:
            raise ValueError("broken body")
        return real(item, *args)

    monkeypatch.setattr(importer, "write_post", fail_on_the_russian_post)
    before = table_sizes()

    with pytest.raises(CommandError, match="post 103: broken body"):
        run(str(EXPORT))

    assert table_sizes() == before


SAMPLE = Path("ankasam/wordpress/sample")
SAMPLE_ARGS = (
    str(SAMPLE / "polylang-sample.xml"),
    "--uploads",
    str(SAMPLE / "uploads"),
    "--author-bios",
    str(SAMPLE / "author-bios.json"),
    "--taxonomy-mapping",
    str(SAMPLE / "taxonomy-mapping.toml"),
)


def test_the_sample_imports_whole_with_its_turkish_only_piece_read_only_in_turkish(client, site):
    report = run(*SAMPLE_ARGS)

    turkish = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=104).page_id)
    assert turkish.original_language == "tr" and turkish.live
    assert [record.language for record in ImportedPost.objects.filter(page=turkish)] == ["tr"]
    with override("tr"):
        assert client.get(turkish.get_url()).status_code == 200
    with override("en"):
        assert client.get(turkish.get_url()).status_code == 404
    assert in_language(report, "tr")["created"] == 3 and "failed" not in report


def test_publication_and_modification_dates_are_wordpress_s(site):
    run(*SAMPLE_ARGS)

    posts = {
        item.post_id: item for item in read_export(SAMPLE / "polylang-sample.xml") if isinstance(item, Item)
    }
    corridors = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    group = [posts[101], posts[102], posts[103]]
    assert corridors.publication_date == posts[101].post_date.date()
    assert corridors.first_published_at == min(post.post_date_gmt for post in group)
    assert corridors.last_published_at == max(post.modified_gmt for post in group)
    assert corridors.last_published_at > corridors.first_published_at


def test_every_live_sample_piece_reads_in_each_of_its_languages_with_notes_and_bios(client, site):
    run(*SAMPLE_ARGS)

    records = ImportedPost.objects.filter(page__live=True, page__articlepage__isnull=False).select_related(
        "page"
    )
    readable = [record for record in records if exists_in(record.page.specific, record.language)]
    # Live pages hold 7 posts; the Russian 109 is scheduled, so 6 can be read today.
    assert (len(records), sorted(record.post_id for record in readable)) == (
        7,
        [101, 102, 103, 104, 105, 106],
    )
    for record in readable:
        page = record.page.specific
        with override(record.language):
            html = client.get(page.get_url()).content.decode()
        assert f'<html lang="{record.language}"' in html
        notes = {101: 3, 102: 3, 103: 3, 104: 4, 105: 2, 106: 0}[record.post_id]
        assert html.count('<li id="fn-') == notes, record.post_id
        assert_notes_linked_both_ways(html, notes)
        assert 'class="author-bio' in html, record.post_id


def test_a_future_translation_of_a_published_post_waits_for_its_date(client, site):
    report = run(*SAMPLE_ARGS)

    page = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=109).page_id)
    assert page.live and exists_in(page, "en") and not exists_in(page, "ru")
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at.date().isoformat() == "2030-01-15"
    assert exists_in(scheduled.as_object(), "ru")
    with override("ru"):
        assert client.get(page.get_url()).status_code == 404
    assert not Redirect.objects.filter(old_path__contains="109").exists()
    assert "post 109: future: its ru text goes live on its date" in report


def test_polylang_gives_terms_and_image_captions_their_names_in_each_language(site):
    run(*SAMPLE_ARGS)

    corridors = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    policy = Topic.objects.get(slug="regional-policy")
    assert (policy.name_en, policy.name_tr, policy.name_ru) == (
        "Regional Policy",
        "Bölgesel Politika",
        "Региональная политика",
    )
    assert list(corridors.topics.all()) == [policy]
    assert not Topic.objects.filter(slug__in=["bolgesel-politika", "regionalnaya-politika"]).exists()
    caucasus = corridors.regions.get()
    # The mapping names the English category; its Polylang translations follow it.
    assert (caucasus.slug, caucasus.name_tr, caucasus.name_ru) == ("caucasus", "Kafkasya", "Кавказ")
    hero = corridors.hero_image
    assert hero.caption_en == "The Caspian Sea and the five states on its shore."
    assert hero.caption_ru == "Каспийское море и пять прибрежных государств."
    assert hero.description_ru.startswith("Схематичная карта")


def test_bios_come_from_the_sidecar_and_from_polylang_user_meta(client, site):
    run(*SAMPLE_ARGS)

    selin = PersonPage.objects.get(title_en="Selin Karaağaç")
    assert selin.title_ru == "Селин Караагач"
    assert selin.bio_tr.startswith("<p>Selin Karaağaç, Hazar")
    # Russian is not in the sidecar's "bio": it comes from Polylang's description_ru user meta.
    assert (
        selin.bio_ru
        == "<p>Селин Караагач изучает газовые и железнодорожные маршруты через Каспий и Южный Кавказ.</p>"
    )
    assert selin.role_ru == "Старший научный сотрудник, энергетика и транзит"


UPLOADS = FIXTURES / "uploads"


def test_images_come_from_the_uploads_folder_with_their_caption_and_alt_text(site):
    report = run(str(EXPORT), "--uploads", str(UPLOADS))

    river = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    assert river.hero_image.caption_en == "The Aras basin and its dams."
    assert river.hero_image.description_en == "Map of the Aras basin"
    images = [block.value for block in river.body_en if block.block_type == "image"]
    assert [(value["image"], value["caption"]) for value in images] == [
        (river.hero_image, "Dams along the Aras.")
    ]
    assert "post 302: image file '2024/05/lost-chart.png' is not under" in report
    assert "image: 1 created" in report


def test_without_the_uploads_folder_the_report_says_images_were_left_out(site):
    report = run(str(EXPORT))

    assert "2 image(s) not imported: give the uploads folder with --uploads" in report
    assert ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id).hero_image is None


def test_a_dry_run_leaves_no_image_files_behind(site, settings):
    run(str(EXPORT), "--uploads", str(UPLOADS), "--dry-run")

    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [path for path in media.rglob("*") if path.is_file()]


def test_links_between_imported_posts_become_page_links(client, site):
    report = run(str(EXPORT))

    river = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    draft = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=104).page_id)
    stored = river.body_ru.raw_data[0]["value"]
    assert f'id="{river.pk}"' in stored and f'id="{draft.pk}"' in stored
    assert (
        'href="https://elsewhere.example.com/2024/05/sharing-the-aras/"' in stored
    )  # another site: untouched
    with override("ru"):
        russian_address = river.get_url()
    html = client.get(russian_address).content.decode()
    assert f'<a href="{russian_address}">английскую версию</a>' in html  # the page, in the reader's language
    assert "links between posts: 0 created, 1 updated" in report


def test_in_a_mixed_group_each_language_goes_live_only_when_its_post_did(client, site, tmp_path):
    # English published, Turkish a draft, Russian scheduled: the Turkish text must not ride
    # along when the Russian goes live.
    text = EXPORT.read_text()
    text = text.replace(
        "<wp:post_id>102</wp:post_id><wp:post_date><![CDATA[2024-05-03 10:00:00]]></wp:post_date>"
        "<wp:post_date_gmt><![CDATA[2024-05-03 07:00:00]]></wp:post_date_gmt>"
        "<wp:post_name><![CDATA[arasi-paylasmak]]></wp:post_name><wp:status><![CDATA[publish]]>",
        "<wp:post_id>102</wp:post_id><wp:post_date><![CDATA[2024-05-03 10:00:00]]></wp:post_date>"
        "<wp:post_date_gmt><![CDATA[2024-05-03 07:00:00]]></wp:post_date_gmt>"
        "<wp:post_name><![CDATA[arasi-paylasmak]]></wp:post_name><wp:status><![CDATA[draft]]>",
    )
    text = text.replace(
        "<wp:post_id>103</wp:post_id><wp:post_date><![CDATA[2024-05-03 10:00:00]]></wp:post_date>"
        "<wp:post_date_gmt><![CDATA[2024-05-03 07:00:00]]></wp:post_date_gmt>"
        "<wp:post_name><![CDATA[delit-araks]]></wp:post_name><wp:status><![CDATA[publish]]>",
        "<wp:post_id>103</wp:post_id><wp:post_date><![CDATA[2031-05-03 10:00:00]]></wp:post_date>"
        "<wp:post_date_gmt><![CDATA[2031-05-03 07:00:00]]></wp:post_date_gmt>"
        "<wp:post_name><![CDATA[delit-araks]]></wp:post_name><wp:status><![CDATA[future]]>",
    )
    assert text.count("[draft]]") == 2 and "[future]]" in text
    export = tmp_path / "mixed.xml"
    export.write_text(text)

    report = run(str(export))

    river = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    assert river.live and [code for code in ("en", "tr", "ru") if exists_in(river, code)] == ["en"]
    scheduled = river.revisions.get(approved_go_live_at__isnull=False).as_object()
    assert [code for code in ("en", "tr", "ru") if exists_in(scheduled, code)] == ["en", "ru"]
    latest = river.get_latest_revision_as_object()
    assert [code for code in ("en", "tr", "ru") if exists_in(latest, code)] == ["en", "tr", "ru"]
    assert "post 102: draft: its tr text stays in a draft" in report
    assert "post 103: future: its ru text goes live on its date" in report
    assert set(post_redirects().values_list("old_path", flat=True)) == {"/2024/05/sharing-the-aras", "/about"}


def test_a_published_translation_goes_live_while_its_original_stays_a_draft(client, site, tmp_path):
    text = EXPORT.read_text().replace(
        "<wp:post_name><![CDATA[sharing-the-aras]]></wp:post_name><wp:status><![CDATA[publish]]>",
        "<wp:post_name><![CDATA[sharing-the-aras]]></wp:post_name><wp:status><![CDATA[draft]]>",
    )
    export = tmp_path / "draft-original.xml"
    export.write_text(text)

    run(str(export))

    river = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=101).page_id)
    assert river.original_language == "en" and river.live
    assert [code for code in ("en", "tr", "ru") if exists_in(river, code)] == ["tr", "ru"]
    with override("en"):
        assert client.get(river.get_url()).status_code == 404
    with override("tr"):
        assert client.get(river.get_url()).status_code == 200
    latest = river.get_latest_revision_as_object()
    assert exists_in(latest, "en")
