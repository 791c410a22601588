"""The search page: results in the reader's language, excerpts, counts, filters and pagination."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import text

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<h2 class="search-result__title"><a href="[^"]+">([^<]+)</a>', html)


def test_finds_an_article_by_a_word_of_its_body_with_count_excerpt_type_date_and_author(
    client, write, taxonomy
):
    write(
        en=text("Caspian pipelines", "Kazakh crude reaches the Black Sea by the CPC line.", "In short."),
        article_type=taxonomy["analysis"],
    )
    write(en=text("Dams", "Water diplomacy on the Amu Darya."))

    response = client.get("/en/search/", {"q": "crude"})

    assert result_titles(response) == ["Caspian pipelines"]
    html = response.content.decode()
    assert "1 result for “crude”" in html
    assert "<mark>crude</mark>" in html
    assert '<p class="card__type">Analysis</p>' in html
    assert "Leyla Demir" in html
    assert '<time datetime="' in html
    assert '<meta name="robots" content="noindex">' in html


def test_every_word_must_match(client, write):
    write(en=text("Gas and oil", "Gas flows west; oil flows east."))
    write(en=text("Gas only", "Gas flows west."))

    assert result_titles(client.get("/en/search/", {"q": "gas oil"})) == ["Gas and oil"]
    assert set(result_titles(client.get("/en/search/", {"q": "GAS"}))) == {"Gas and oil", "Gas only"}


def test_a_word_excluded_with_a_minus_is_not_found(client, write):
    write(en=text("Gas and oil", "Gas flows west; oil flows east."))
    write(en=text("Gas only", "Gas flows west."))

    assert result_titles(client.get("/en/search/", {"q": "gas -oil"})) == ["Gas only"]


def test_footnotes_authors_topics_and_tags_are_searchable(client, write, taxonomy):
    article = write(
        en=text(
            "Transit", "Trucks wait at the border.", note="Ministry of Transport, Zebulon yearbook, 2024."
        ),
        topics=[taxonomy["energy"]],
    )
    article.tags.add("corridors")
    article.save_revision().publish()

    for word in ("zebulon", "leyla", "demir", "energy", "corridors"):
        assert result_titles(client.get("/en/search/", {"q": word})) == ["Transit"], word
    # The Turkish name of the topic is in the Turkish entry, not the English one.
    assert result_titles(client.get("/en/search/", {"q": "enerji"})) == []


def test_the_title_is_searchable_and_the_excerpt_starts_with_the_standfirst(client, write):
    write(en=text("Qosh Tepa canal", "Water is scarce.", "Afghanistan digs a canal."))

    html = client.get("/en/search/", {"q": "qosh"}).content.decode()

    assert "Qosh Tepa canal" in html
    assert re.search(r'<p class="search-result__excerpt">\s*Afghanistan digs a canal', html)


def test_an_empty_query_asks_for_words_and_runs_no_search(client, write, django_assert_max_num_queries):
    write(en=text("Gas", "Gas."))
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "\x00"}):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Type one or more words" in html
        assert "search-results" not in html
        assert not any("search_searchentry" in q["sql"] for q in queries.captured_queries)


def test_nothing_found_says_so_with_suggestions(client, write):
    write(en=text("Gas", "Gas flows."))

    response = client.get("/en/search/", {"q": "uranium"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was found for “uranium”." in html
    assert "Check the spelling" in html


def test_results_are_paginated_and_the_query_is_kept_in_page_links(client, write, settings):
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        write(en=text(f"Gas piece {n}", "Gas flows."))

    first = client.get("/en/search/", {"q": "gas"})
    third = client.get("/en/search/", {"q": "gas", "page": "3"})

    assert len(result_titles(first)) == 2
    assert "5 results for “gas”" in first.content.decode()
    assert 'href="?q=gas&amp;page=2"' in first.content.decode()
    assert len(result_titles(third)) == 1


def test_counting_stops_at_the_limit_and_says_so(client, write, settings, monkeypatch):
    from ankasam.search import querying

    monkeypatch.setattr(querying, "COUNT_LIMIT", 3)
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        write(en=text(f"Gas piece {n}", "Gas flows."))

    first = client.get("/en/search/", {"q": "gas"})

    assert "More than 3 results for “gas”" in first.content.decode()
    assert len(result_titles(client.get("/en/search/", {"q": "gas", "page": "2"}))) == 1
    assert result_titles(client.get("/en/search/", {"q": "gas", "page": "3"})) == ["Gas piece 2"]


NEAREST_PAGE = [("999999", 3), ("3", 3), ("abc", 1), ("0", 3), ("-1", 3), ("", 1)]


@pytest.mark.parametrize(("page", "shown"), NEAREST_PAGE)
def test_a_page_that_does_not_exist_shows_the_nearest_one(client, write, settings, page, shown):
    settings.ARTICLES_PER_PAGE = 1
    for n in range(3):
        write(en=text(f"Gas {n}", "Gas flows."))

    response = client.get("/en/search/", {"q": "gas", "page": page})

    assert response.status_code == 200
    assert response.context["results"].number == shown


def test_filters_narrow_the_results_and_a_wrong_value_is_404(client, write, taxonomy):
    write(en=text("Gas and energy", "Gas flows."), topics=[taxonomy["energy"]])
    write(en=text("Gas and water", "Gas flows."), topics=[taxonomy["water"]])

    response = client.get("/en/search/", {"q": "gas", "topic": "energy"})

    assert result_titles(response) == ["Gas and energy"]
    html = response.content.decode()
    assert '<input type="hidden" name="q" value="gas">' in html
    assert client.get("/en/search/", {"q": "gas", "topic": "no-such-topic"}).status_code == 404
    assert client.get("/en/search/", {"q": "gas", "topic": "\x00"}).status_code == 404


def test_empty_filter_choices_are_dropped_from_the_address(client, write):
    response = client.get("/en/search/", {"q": "gas", "topic": "", "year": ""})

    assert response.status_code == 302
    assert response["Location"] == "/en/search/?q=gas"


def test_the_language_switcher_searches_the_same_words_in_each_language(client, write):
    html = client.get("/en/search/", {"q": "gas"}).content.decode()

    assert 'href="http://testserver/tr/ara/?q=gas" hreflang="tr"' in html
    assert 'href="http://testserver/ru/poisk/?q=gas" hreflang="ru"' in html


def test_every_page_has_a_labelled_search_form_in_its_header(client, home_page):
    html = client.get("/tr/").content.decode()

    form = re.search(
        r'<form class="site-search" role="search" aria-label="([^"]+)" method="get" '
        r'action="([^"]+)">(.*?)</form>',
        html,
        re.S,
    )
    assert form and form.group(2) == "/tr/ara/"
    assert form.group(1) == "Site içi arama"
    assert '<label class="site-search__label" for="site-search-query">Analizlerde ara</label>' in form.group(
        3
    )
    assert 'id="site-search-query" name="q" maxlength="200" placeholder="Analizlerde ara…"' in form.group(3)


def test_the_search_page_s_two_search_landmarks_have_different_names(client, home_page):
    html = client.get("/en/search/?q=gas").content.decode()

    names = re.findall(r'role="search" aria-label="([^"]+)"', html)
    assert len(names) == 2 and len(set(names)) == 2


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL ranks first (test_postgresql)")
def test_without_postgresql_results_are_newest_first(client, write):
    import datetime

    write(en=text("Older gas", "Gas."), publication_date=datetime.date(2025, 1, 1))
    write(en=text("Newer gas", "Gas."), publication_date=datetime.date(2026, 1, 1))

    assert result_titles(client.get("/en/search/", {"q": "gas"})) == ["Newer gas", "Older gas"]
