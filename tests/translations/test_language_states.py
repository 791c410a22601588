"""`language_states`: in which languages readers can read a piece, which are drafts, and their status."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction, Workflow

from ankasam.articles.content import write_article_translation
from ankasam.articles.models import ArticlePage
from ankasam.translations.states import language_states, latest_version, published_languages

from ..articles.factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db


def text(title):
    blocks, notes = text_with_notes(1, prefix=title)
    return {"title": title, "blocks": blocks, "notes": notes}


def summary(states) -> dict[str, tuple]:
    return {
        code: (state.written, state.published, state.draft_only, state.in_review, state.status)
        for code, state in states.items()
    }


@pytest.fixture
def in_english_and_turkish(article_index):
    return create_article(article_index, translations={"en": text("Water"), "tr": text("Su")})


def with_russian_draft(article):
    draft = latest_version(article)
    write_article_translation(draft, "ru", **text("Вода"))
    draft.save_revision()
    return ArticlePage.objects.get(pk=article.pk)


def test_a_published_piece_is_published_in_the_languages_it_is_written_in(in_english_and_turkish):
    states = language_states(in_english_and_turkish)

    assert summary(states) == {
        "en": (True, True, False, False, "original"),
        "tr": (True, True, False, False, "up_to_date"),
        "ru": (False, False, False, False, "missing"),
        "fa": (False, False, False, False, "missing"),
    }
    assert states["en"].record == {} and states["ru"].record == {}
    assert set(states["tr"].record) == {"text", "source"}
    assert published_languages(in_english_and_turkish) == ["en", "tr"]


def test_a_translation_written_only_in_a_draft_is_not_published(in_english_and_turkish):
    live = with_russian_draft(in_english_and_turkish)

    readers = language_states(live)
    with_draft = language_states(live, latest_version(live))

    assert not readers["ru"].written and not readers["ru"].draft_only
    assert summary(with_draft)["ru"] == (False, False, True, False, "up_to_date")
    assert summary(with_draft)["tr"] == (True, True, False, False, "up_to_date")
    assert published_languages(live) == ["en", "tr"]


def test_a_draft_in_a_workflow_is_in_review(in_english_and_turkish, admin_user):
    live = with_russian_draft(in_english_and_turkish)
    Workflow.objects.get(name="Editorial review").start(live, admin_user)

    states = language_states(live, latest_version(live))

    assert states["ru"].in_review and states["ru"].draft_only
    assert not states["tr"].in_review and states["tr"].published


def test_a_piece_never_published_is_a_draft_in_each_language_it_is_written_in(article_index):
    draft = create_article(article_index, translations={"en": text("Draft")}, live=False)

    assert summary(language_states(draft)) == {
        "en": (True, False, True, False, "original"),
        "tr": (False, False, False, False, "missing"),
        "ru": (False, False, False, False, "missing"),
        "fa": (False, False, False, False, "missing"),
    }


def test_an_expired_or_private_piece_is_written_but_published_in_no_language(article_index):
    expired, private = (
        create_article(article_index, translations={"en": text(title), "tr": text(title)})
        for title in ("Expired", "Private")
    )
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    for piece in (expired, private):
        states = language_states(piece)
        assert [code for code, state in states.items() if state.written] == ["en", "tr"]
        assert published_languages(piece) == []
        assert states["en"].draft_only


def test_pages_that_require_no_fields_are_written_in_every_language(article_index):
    states = language_states(article_index)

    assert all(state.written and state.published for state in states.values())
    assert {state.status for state in states.values()} == {None}
