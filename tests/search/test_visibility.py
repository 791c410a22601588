"""Search shows only what readers of the language may see: never another language, never a hidden piece."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticlePage
from ankasam.core.languages import field_in, site_language_codes
from ankasam.search.querying import search_articles

from .conftest import search_address, text
from .test_search_page import result_titles

pytestmark = pytest.mark.django_db


def titles(query, language) -> list[str]:
    return [field_in(article, "title", language) for article in search_articles(query, language)[:100]]


def test_an_article_only_in_english_is_not_found_in_the_other_languages(client, write):
    write(en=text("Pipeline politics", "The Zangezur pipeline."))

    assert result_titles(client.get("/en/search/", {"q": "zangezur"})) == ["Pipeline politics"]
    for language in [code for code in site_language_codes() if code != "en"]:
        response = client.get(search_address(language), {"q": "zangezur"})
        assert result_titles(response) == []
        assert "Pipeline politics" not in response.content.decode()


def test_a_query_meets_only_the_text_of_its_language(write):
    write(en=text("Economy", "The economy of the Caspian."), tr=text("Ekonomi", "Hazar ekonomisi."))

    assert titles("economy", "tr") == []
    assert titles("hazar", "en") == []
    assert titles("hazar", "tr") == ["Ekonomi"]
    assert titles("caspian", "en") == ["Economy"]


def test_results_link_to_the_article_in_the_readers_language(client, write):
    write(en=text("Gas", "Gas flows."), tr=text("Gaz akışı", "Gaz akıyor."))

    html = client.get("/tr/ara/", {"q": "gaz"}).content.decode()

    assert '<a href="/tr/analizler/gaz-akisi/">Gaz akışı</a>' in html


HIDDEN_WORD = "Quoxwell"


@pytest.fixture
def hidden(write, article_index):
    """One piece in each hidden state, each holding HIDDEN_WORD in every site language."""

    def piece(state, live=True, **fields):
        languages = {code: text(f"{state} {code}", f"{HIDDEN_WORD}.") for code in site_language_codes()}
        return write(live=live, **languages, **fields)

    pieces = {
        "draft": piece("draft", live=False),
        "scheduled": piece("scheduled", live=False),
        "expired": piece("expired"),
        "private": piece("private"),
        "unpublished": piece("unpublished"),
    }
    scheduled = pieces["scheduled"]
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    # Expired without the timer having run: its entries are still in the table.
    ArticlePage.objects.filter(pk=pieces["expired"].pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    PageViewRestriction.objects.create(
        page=pieces["private"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    ArticlePage.objects.get(pk=pieces["unpublished"].pk).unpublish()
    published = write(en=text("Published en", "Nothing to hide."), tr=text("Published tr", "Gizli değil."))
    # A draft change to a published piece stays in its revision.
    published.title_en = f"{HIDDEN_WORD} pending"
    published.save_revision()
    return pieces


@pytest.mark.parametrize("language", site_language_codes())
def test_hidden_pieces_are_never_found(client, hidden, language):
    response = client.get(search_address(language), {"q": HIDDEN_WORD.lower()})

    assert result_titles(response) == []
    html = response.content.decode()
    for state in hidden:
        assert f"{state} {language}" not in html
    assert "pending" not in html


def test_an_expired_piece_is_hidden_even_while_its_entries_remain(hidden):
    from ankasam.search.models import SearchEntry

    assert SearchEntry.objects.filter(page=hidden["expired"]).count() == len(site_language_codes())
    assert titles(HIDDEN_WORD, "en") == []


def test_an_entry_the_article_no_longer_backs_is_not_shown(client, write):
    """Text changed behind the index's back (a script, not a publish) is caught when results are shown."""
    article = write(en=text("Gas", "Gas flows."), tr=text("Gaz akışı", "Gaz akıyor."))
    ArticlePage.objects.filter(pk=article.pk).update(body_tr=[])

    response = client.get("/tr/ara/", {"q": "gaz"})

    assert result_titles(response) == []
    assert "Gaz akışı" not in response.content.decode()


def test_more_lagging_entries_than_the_margin_still_count_only_what_readers_see(write, monkeypatch):
    from ankasam.search import querying

    # The newest matches first (SQLite) or ranked alike (PostgreSQL): three expired pieces whose
    # entries remain, ahead of one readers may see; the first two matches and a margin of one
    # hold none it may show, so the count is asked again with the check inside the query.
    monkeypatch.setattr(querying, "COUNT_LIMIT", 1)
    monkeypatch.setattr(querying, "LAGGING_ENTRIES_MARGIN", 1)
    write(en=text("Visible", "Corridor."), publication_date=datetime.date(2025, 1, 1))
    for n in (1, 2, 3):
        lagging = write(en=text(f"Lagging {n}", "Corridor."), publication_date=datetime.date(2026, 1, n))
        ArticlePage.objects.filter(pk=lagging.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )

    results = search_articles("corridor", "en")

    assert results.count() == 1
    assert not results.more_than_counted
    assert [field_in(article, "title", "en") for article in results[0:1]] == ["Visible"]


def test_an_article_unpublished_after_a_search_is_not_found_by_the_next(
    write, published_values_cached, django_capture_on_commit_callbacks
):
    article = write(en=text("Corridor", "The middle corridor."))
    assert titles("corridor", "en") == ["Corridor"]

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()

    assert titles("corridor", "en") == []


@pytest.mark.parametrize("language", ["en", "fa"])
def test_hidden_pieces_are_never_found_with_what_readers_may_see_kept(
    client, published_values_cached, hidden, language
):
    client.get(search_address(language), {"q": "nothing"})

    response = client.get(search_address(language), {"q": HIDDEN_WORD.lower()})

    assert result_titles(response) == []
