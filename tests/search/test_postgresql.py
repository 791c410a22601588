"""Stemming per language, ranking and the GIN index: PostgreSQL only (CI runs the suite on both)."""

import datetime

import pytest
from django.db import connection

from ankasam.core.languages import field_in
from ankasam.search.querying import search_articles

from .conftest import on_postgresql, text
from .test_search_page import result_titles

pytestmark = [pytest.mark.django_db, on_postgresql]


def titles(query, language) -> list[str]:
    return [field_in(article, "title", language) for article in search_articles(query, language)[:100]]


def test_russian_finds_other_inflected_forms(write):
    write(en=text("Oil", "Growth slowed."), ru=text("Нефть", "Рост экономики замедлился."))
    write(en=text("Gas", "On gas."), ru=text("Газ", "О российской экономике и газе."))

    assert sorted(titles("экономика", "ru")) == ["Газ", "Нефть"]
    assert titles("экономику", "ru") != []
    assert titles("газа", "ru") == ["Газ"]


def test_turkish_finds_other_inflected_forms_including_the_bare_stem(write):
    write(en=text("Growth", "Growth."), tr=text("Büyüme", "Gelişmekte olan ekonomiler hızla büyüyor."))
    write(en=text("Inflation", "Prices."), tr=text("Enflasyon", "Türkiye ekonomisinin sorunları."))

    assert sorted(titles("ekonomisinin", "tr")) == ["Büyüme", "Enflasyon"]
    # PostgreSQL's Turkish stemmer turns the bare word into `ekono`; the prefix query still finds both.
    assert sorted(titles("ekonomi", "tr")) == ["Büyüme", "Enflasyon"]
    assert titles("ekonomiler", "tr") != []


def test_english_is_stemmed_as_english(write):
    write(en=text("Economies", "Caspian economies are growing."))

    assert titles("economy", "en") == ["Economies"]
    assert titles("growth", "en") == []
    assert titles("grow", "en") == ["Economies"]


def test_turkish_text_is_not_stemmed_as_english(write):
    write(en=text("Growing", "Caspian economies are growing."), tr=text("Büyüme", "Ekonomiler büyüyor."))

    # "ekonomiler" means nothing to the English stemmer; only the Turkish entry answers, in Turkish.
    assert titles("ekonomiler", "en") == []
    assert titles("ekonomiler", "tr") == ["Büyüme"]


def test_the_excerpt_marks_the_inflected_forms_found(client, write):
    write(en=text("Gas", "On gas."), ru=text("Газ", "О российской экономике и газе."))

    html = client.get("/ru/poisk/", {"q": "экономика"}).content.decode()

    assert result_titles(client.get("/ru/poisk/", {"q": "экономика"})) == ["Газ"]
    assert "<mark>экономике</mark>" in html


def test_the_excerpt_marks_only_the_words_of_the_querys_stems(client, write):
    # "газа" (of gas) is stemmed to "газ"; matching widens it to words beginning with it, which
    # finds "газеты" (newspapers) too, but only the forms of "газ" are marked.
    write(en=text("Gas", "Gas."), ru=text("Газ", "Газеты пишут о поставках газа и о газе."))

    html = client.get("/ru/poisk/", {"q": "газа"}).content.decode()

    assert "<mark>газа</mark>" in html
    assert "<mark>газе</mark>" in html
    assert "<mark>Газеты</mark>" not in html


def test_the_excerpt_marks_turkish_inflections_of_the_bare_word(client, write):
    write(en=text("Inflation", "Prices."), tr=text("Enflasyon", "Türkiye ekonomisinin sorunları."))

    html = client.get("/tr/ara/", {"q": "ekonomi"}).content.decode()

    assert "<mark>ekonomisinin</mark>" in html


def test_a_title_match_ranks_above_a_body_match_whatever_the_date(write):
    write(en=text("Ports", "Caspian ports and pipelines."), publication_date=datetime.date(2026, 3, 1))
    write(en=text("Pipelines", "Ports."), publication_date=datetime.date(2025, 1, 1))

    assert titles("pipelines", "en") == ["Pipelines", "Ports"]


def test_equal_matches_are_newest_first(write):
    write(en=text("Older", "Gas."), publication_date=datetime.date(2025, 1, 1))
    write(en=text("Newer", "Gas."), publication_date=datetime.date(2026, 1, 1))

    assert titles("gas", "en") == ["Newer", "Older"]


def test_the_gin_index_exists_and_answers_a_vector_match(write):
    from ankasam.search.models import SearchEntry
    from ankasam.search.querying import text_search

    write(en=text("Gas", "Gas flows."))
    matches = SearchEntry.objects.filter(search_vector=text_search("gas", "en").match).values("page_id")
    sql, params = matches.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'")
        (definition,) = cursor.fetchone()
        # A table this small is read whole; without that choice the planner must use the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "USING gin (search_vector)" in definition
    assert "search_entry_vector_gin" in plan
