"""The status report tells the six states of a piece in a language apart, and how complete each is."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils.form_data import rich_text, streamfield

from ankasam.articles.content import write_article_translation
from ankasam.articles.models import ArticlePage
from ankasam.translations.models import TranslationStatus
from ankasam.translations.states import language_states

from ..articles.factories import create_article, text_with_notes
from .admin_forms import edit, latest_text
from .test_status import new_english_body

pytestmark = pytest.mark.django_db


def stored(article, language):
    row = TranslationStatus.objects.get(page=article, language=language)
    return row.state, row.completeness


def russian(standfirst=""):
    blocks, notes = text_with_notes(2, prefix="Русский")
    return {"title": "Газ и Каспий", "blocks": blocks, "notes": notes, "standfirst": standfirst}


def save_russian_draft(article, go_live_at=None):
    # The page's row: the fixture's piece has no pending draft, and the row knows it is live.
    draft = ArticlePage.objects.get(pk=article.pk)
    write_article_translation(draft, "ru", **russian(draft.standfirst_en))
    draft.go_live_at = go_live_at
    return draft.save_revision()


def test_a_language_never_written_is_missing(article):
    assert stored(article, "ru") == ("missing", 0)


def test_a_translation_only_in_a_draft_is_a_draft(article):
    save_russian_draft(article)

    assert stored(article, "ru")[0] == "draft"


def test_a_submitted_but_unpublished_translation_is_in_review(client, article, translator):
    translator.translation_languages = ["ru"]
    translator.save()
    changes = {
        "title_ru": "Газ и Каспий",
        "slug_ru": "gaz-i-kaspij",
        "body_ru": streamfield([("paragraph", rich_text("<p>Русский текст.[^1]</p>"))]),
        "footnotes_ru": streamfield([("footnote", {"label": "1", "text": rich_text("<p>Источник.</p>")})]),
        "action-submit": "Submit",
    }

    response = edit(client, article, **changes)

    assert response.status_code == 302
    assert latest_text(article).workflow_in_progress
    assert stored(article, "ru")[0] == "in_review"
    # Readers do not have it yet, which the text's "up to date" alone did not say.
    assert not language_states(ArticlePage.objects.get(pk=article.pk))["ru"].published
    assert TranslationStatus.objects.get(page=article, language="ru").status == "up_to_date"


def test_changes_requested_take_a_translation_back_to_draft(article, admin_user):
    save_russian_draft(article)
    workflow = Workflow.objects.get(name="Editorial review")
    state = workflow.start(article, admin_user)
    assert stored(article, "ru")[0] == "in_review"

    state.cancel(user=admin_user)

    assert stored(article, "ru")[0] == "draft"


def test_a_translation_approved_to_go_live_later_is_scheduled(article):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    revision = save_russian_draft(article, go_live_at=tomorrow)

    revision.publish()

    assert revision.approved_go_live_at == tomorrow
    assert stored(article, "ru")[0] == "scheduled"
    assert stored(article, "tr")[0] == "published"


def test_a_published_translation_matching_its_original_is_published_and_up_to_date(article):
    assert stored(article, "tr") == ("published", 100)
    assert stored(article, "en") == ("published", 100)


def test_a_published_translation_whose_original_changed_is_published_and_outdated(
    client, article, admin_user
):
    client.force_login(admin_user)

    edit(client, article, body_en=new_english_body(), **{"action-publish": "action-publish"})

    assert stored(article, "tr")[0] == "published_outdated"
    assert stored(article, "en")[0] == "published"


def test_completeness_counts_the_fields_the_original_has(article_index):
    english_blocks, english_notes = text_with_notes(2)
    english = {"title": "Gas", "blocks": english_blocks, "notes": english_notes, "standfirst": "Summary."}
    article = create_article(article_index, translations={"en": english, "ru": russian(standfirst="")})

    written = ["title", "slug", "standfirst", "body", "footnotes"]
    russian_written = [name for name in written if name != "standfirst"]
    assert stored(article, "ru") == ("published", round(100 * len(russian_written) / len(written)))


def test_the_report_filters_by_state_and_completeness(client, article, article_index, admin_user):
    save_russian_draft(article)
    english_only = create_article(article_index)
    client.force_login(admin_user)

    drafts = client.get("/admin/reports/translations/?state=draft").context["object_list"]
    incomplete = client.get("/admin/reports/translations/?completeness_below=100").context["object_list"]

    assert [(row.page_id, row.language) for row in drafts] == [(article.pk, "ru")]
    assert sorted((row.page_id, row.language) for row in incomplete) == sorted(
        [(article.pk, "fa"), (english_only.pk, "fa"), (english_only.pk, "ru"), (english_only.pk, "tr")]
    )
