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
from ankasam.wordpress.models import ImportedPost

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
    assert (
        "pieces in en: 2" in report
        and "pieces in tr: 1" in report
        and "skipped 1 item(s) of type 'page'" in report
    )

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

    assert Redirect.objects.filter(is_permanent=True).count() == 3
    assert response.status_code == 301
    assert response["Location"].endswith("/tr/analizler/arasi-paylasmak/")


def test_a_second_run_creates_nothing(site):
    run(str(EXPORT))
    before = table_sizes()

    report = run(str(EXPORT))

    after = table_sizes()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    # Publishing again writes a new revision and its log entries; nothing else is added.
    assert set(changed) <= {"wagtailcore.Revision", "wagtailcore.PageLogEntry"}
    assert "page: 0 created" in report
    assert PersonPage.objects.annotate(n=Count("pk")).count() == 1


def test_a_dry_run_writes_nothing(site):
    before = table_sizes()

    report = run(str(EXPORT), "--dry-run")

    assert table_sizes() == before
    assert report.startswith("Dry run") and "page: 2 created" in report


def test_an_unsafe_export_is_refused_and_nothing_is_written(site, tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>'
    )
    before = table_sizes()

    with pytest.raises(CommandError, match="cannot be read"):
        run(str(bomb))

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


def test_the_sample_imports_whole_with_its_turkish_only_piece_read_only_in_turkish(client, site):
    report = run("ankasam/wordpress/sample/polylang-sample.xml")

    turkish = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=104).page_id)
    assert turkish.original_language == "tr" and turkish.live
    assert [record.language for record in ImportedPost.objects.filter(page=turkish)] == ["tr"]
    with override("tr"):
        assert client.get(turkish.get_url()).status_code == 200
    with override("en"):
        assert client.get(turkish.get_url()).status_code == 404
    assert "pieces in tr: 3" in report and "failed" not in report


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
