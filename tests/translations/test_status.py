"""Outdated translations: detected from what each translation was made from, through drafts and publishing."""

import csv
import io

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import rich_text, streamfield

from ankasam.translations.models import TranslationStatus

from ..articles.factories import create_article
from .admin_forms import edit, latest_text

pytestmark = pytest.mark.django_db


# The `article` fixture is written in English and Turkish: missing in the other languages.
NEW_ARTICLE_STATUSES = {"en": "original", "tr": "up_to_date", "ru": "missing", "fa": "missing"}


def report_statuses(article):
    return dict(TranslationStatus.objects.filter(page=article).values_list("language", "status"))


def new_english_body(text="The pipeline decision was postponed again.[^1] And again.[^2]"):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


def test_a_new_article_records_its_translations_as_up_to_date(article):
    assert article.translation_statuses() == NEW_ARTICLE_STATUSES
    assert report_statuses(article) == NEW_ARTICLE_STATUSES


def test_editing_the_original_marks_translations_outdated_until_they_are_saved_again(
    client, article, admin_user, translator
):
    client.force_login(admin_user)
    assert edit(client, article, body_en=new_english_body()).status_code == 302

    assert latest_text(article).translation_statuses()["tr"] == "outdated"
    assert report_statuses(article)["tr"] == "outdated"
    # The draft is not published: readers' version is still consistent.
    article.refresh_from_db()
    assert article.translation_statuses()["tr"] == "up_to_date"

    client.force_login(translator)
    draft = latest_text(article)
    assert edit(client, draft, title_tr="Gaz ve Hazar: erteleme").status_code == 302

    assert latest_text(article).translation_statuses()["tr"] == "up_to_date"
    assert report_statuses(article)["tr"] == "up_to_date"


def test_the_status_survives_publishing_a_reviewed_revision(client, article, admin_user):
    client.force_login(admin_user)
    edit(client, article, body_en=new_english_body())

    latest_text(article).get_latest_revision().publish()

    article.refresh_from_db()
    assert article.translation_statuses()["tr"] == "outdated"
    assert report_statuses(article)["tr"] == "outdated"


def test_the_edit_view_shows_each_languages_status(client, article, admin_user):
    client.force_login(admin_user)
    edit(client, article, body_en=new_english_body())

    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert 'translation-status__item--outdated"' in html
    assert 'translation-status__item--original"' in html
    assert 'translation-status__item--missing"' in html


def test_renumbering_the_admin_blocks_is_not_a_change_of_text(client, article, admin_user):
    client.force_login(admin_user)

    edit(client, article)

    assert latest_text(article).translation_statuses()["tr"] == "up_to_date"


def test_the_report_counts_filters_and_exports(client, article, article_index, admin_user):
    create_article(article_index)  # English only
    client.force_login(admin_user)
    edit(client, article, body_en=new_english_body())

    page = client.get("/admin/reports/translations/")
    assert page.status_code == 200
    summary = page.context["summary"]
    # Per state: missing, draft, in review, scheduled, published up to date, published outdated.
    assert [(row["code"], row["counts"]) for row in summary] == [
        ("en", [0, 0, 0, 0, 2, 0]),
        ("tr", [1, 0, 0, 0, 0, 1]),
        ("ru", [2, 0, 0, 0, 0, 0]),
        ("fa", [2, 0, 0, 0, 0, 0]),
    ]

    outdated = client.get("/admin/reports/translations/?language=tr&status=outdated")
    assert [row.page_id for row in outdated.context["object_list"]] == [article.pk]
    published_outdated = client.get("/admin/reports/translations/?state=published_outdated")
    assert [(row.page_id, row.language) for row in published_outdated.context["object_list"]] == [
        (article.pk, "tr")
    ]

    export = client.get("/admin/reports/translations/?state=missing&export=csv")
    text = b"".join(export.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((row["Language"], row["State"], row["Text"], row["Complete (%)"]) for row in rows) == [
        ("fa", "missing", "missing", "0"),
        ("fa", "missing", "missing", "0"),
        ("ru", "missing", "missing", "0"),
        ("ru", "missing", "missing", "0"),
        ("tr", "missing", "missing", "0"),
    ]


def test_translations_from_before_tracking_get_a_baseline_then_are_tracked(client, article, admin_user):
    type(article).objects.filter(pk=article.pk).update(translation_record={})
    revision = article.latest_revision
    revision.content["translation_record"] = {}
    revision.save(update_fields=["content"])
    TranslationStatus.objects.filter(page=article).delete()

    call_command("migrate", "--noinput", verbosity=0)

    assert report_statuses(article) == NEW_ARTICLE_STATUSES
    client.force_login(admin_user)
    edit(client, latest_text(article), body_en=new_english_body())
    assert report_statuses(article)["tr"] == "outdated"


def test_migrate_lists_a_language_the_report_lacks_and_leaves_complete_pages_alone(article, article_index):
    complete = create_article(article_index)
    checked = TranslationStatus.objects.get(page=complete, language="en").updated_at
    TranslationStatus.objects.filter(page=article, language="ru").delete()

    call_command("migrate", "--noinput", verbosity=0)

    assert report_statuses(article) == NEW_ARTICLE_STATUSES
    assert TranslationStatus.objects.get(page=complete, language="en").updated_at == checked


def test_the_edit_view_tells_a_translation_in_a_draft_from_a_published_one(client, article, admin_user):
    client.force_login(admin_user)
    # Russian is added in a draft: the live page still has none.
    response = edit(
        client, article, title_ru="Газ и Каспий", body_ru=new_english_body("Решение снова отложено.")
    )
    assert response.status_code == 302

    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    items = {
        language: html.split(f'<span lang="{language}">', 1)[1].split("</li>", 1)[0]
        for language in ("en", "tr", "ru")
    }
    assert "Published, up to date (original)" in items["en"]
    assert "Published, up to date, 100% translated" in items["tr"]
    assert "Draft, " in items["ru"] and "% translated" in items["ru"]
    assert "translation-status__item--draft " in html
