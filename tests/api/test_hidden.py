"""What readers may not see never comes through the API: no filter, search, endpoint or language.

Each hidden piece has a word of its own in its title and text in every language; every listing,
filter, search and detail address of the API is fetched in every language and searched for them.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticlePage

from ..articles.factories import create_article, text_with_notes
from ..people.factories import PersonPageFactory
from .conftest import LANGUAGES, get_json

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ("draft", "scheduled", "expired", "private", "pendingedit")
# What must never show: the hidden pieces' words, the pending edit's draft title, the unpublished
# author's bio and role. The piece with a pending edit is itself published.
NEVER_SHOWN = ("draft", "scheduled", "expired", "private", "pendingedit-draft", "bio", "role")


def word(state: str, language: str) -> str:
    return f"Zq{state}{language}word"


def in_every_language(state: str) -> dict:
    result = {}
    for language in LANGUAGES:
        blocks, notes = text_with_notes(1, prefix=f"Gas {word(state, language)}")
        result[language] = {"title": f"Gas {word(state, language)}", "blocks": blocks, "notes": notes}
    return result


@pytest.fixture
def world(article, taxonomy, authors, people_index):
    author = authors[0]
    # A second author whose page is unpublished: their bio must not come through.
    unpublished = PersonPageFactory(
        parent=people_index,
        title_en="Cem Draft",
        slug_en="cem-draft",
        bio_en=f"<p>{word('bio', 'en')}</p>",
        role_en=word("role", "en"),
    )
    unpublished.unpublish()

    def write(state, live, **fields):
        return create_article(
            article.get_parent().specific,
            translations=in_every_language(state),
            authors=[author, unpublished],
            topics=[taxonomy["topic"]],
            regions=[taxonomy["region"]],
            article_type=taxonomy["type"],
            live=live,
            **fields,
        )

    hidden = {state: write(state, live=state not in ("draft", "scheduled")) for state in HIDDEN_STATES}
    hidden["scheduled"].go_live_at = timezone.now() + datetime.timedelta(days=3)
    hidden["scheduled"].save_revision().publish()
    ArticlePage.objects.filter(pk=hidden["expired"].pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    PageViewRestriction.objects.create(
        page=hidden["private"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    pending = ArticlePage.objects.get(pk=hidden["pendingedit"].pk)
    for language in LANGUAGES:
        setattr(pending, f"title_{language}", f"Gas {word('pendingedit-draft', language)}")
    pending.save_revision()
    # Published, in English only: it must not be listed in Turkish or Russian.
    english_only = create_article(
        article.get_parent().specific,
        translations={"en": in_every_language("englishonly")["en"]},
        authors=[author, unpublished],
        topics=[taxonomy["topic"]],
        regions=[taxonomy["region"]],
        article_type=taxonomy["type"],
    )
    return {"hidden": hidden, "english_only": english_only, "author": author}


def listing_addresses(language: str) -> list[str]:
    base = f"/api/v2/articles/?lang={language}"
    author = {"en": "ayla-demir", "tr": "ayla-demir-tr", "ru": "ayla-demir"}[language]
    return [
        base,
        f"{base}&topic=energy",
        f"{base}&region=caucasus",
        f"{base}&type=analysis",
        f"{base}&author={author}",
        f"{base}&year=2026",
        f"{base}&topic=energy&region=caucasus&type=analysis&author={author}&year=2026",
        f"{base}&order=title",
        f"{base}&order=-last_published_at",
        f"{base}&search=Gas",
        f"{base}&search=Gas&topic=energy&author={author}",
        f"/api/v2/pages/?lang={language}",
        f"/api/v2/pages/?lang={language}&type=articles.ArticlePage&fields=*",
        f"/api/v2/pages/?lang={language}&type=people.PersonPage",
    ]


def leaked_words(text: str, states) -> list[str]:
    return [word(s, code) for s in states for code in LANGUAGES if word(s, code).lower() in text.lower()]


def test_no_hidden_piece_or_unpublished_bio_comes_through_any_listing(client, world):
    for language in LANGUAGES:
        for path in listing_addresses(language):
            text = client.get(path).content.decode()
            assert get_json(client, path)["meta"]["total_count"] >= 1, path
            assert leaked_words(text, NEVER_SHOWN) == [], path


def test_a_piece_not_written_in_a_language_is_listed_only_in_its_own(client, world):
    english_only = world["english_only"]
    for language in LANGUAGES:
        found = [
            path
            for path in listing_addresses(language)
            if word("englishonly", "en").lower() in client.get(path).content.decode().lower()
        ]
        if language == "en":
            assert len(found) >= 10, found
        else:
            assert found == [], (language, found)
            for endpoint in ("articles", "pages"):
                get_json(client, f"/api/v2/{endpoint}/{english_only.pk}/?lang={language}", status=404)


def test_hidden_pieces_details_are_404_in_every_language_and_endpoint(client, world):
    for state, page in world["hidden"].items():
        if state == "pendingedit":
            continue
        for language in LANGUAGES:
            for endpoint in ("articles", "pages"):
                path = f"/api/v2/{endpoint}/{page.pk}/?lang={language}"
                response = client.get(path)
                assert response.status_code == 404, (state, path)
                assert leaked_words(response.content.decode(), [state]) == []


def test_a_published_piece_with_a_pending_draft_shows_its_published_text(client, world):
    pending = world["hidden"]["pendingedit"]
    for language in LANGUAGES:
        data = get_json(client, f"/api/v2/articles/{pending.pk}/?lang={language}")
        assert data["title"] == f"Gas {word('pendingedit', language)}"


def test_the_pages_find_view_refuses_hidden_pieces(client, world):
    draft = world["hidden"]["draft"]
    response = client.get(f"/api/v2/pages/find/?id={draft.pk}")
    assert response.status_code == 404
