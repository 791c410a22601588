"""Pages under one parent may not share a slug in any language, checked without loading siblings."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from ankasam.articles.models import ArticleIndexPage
from ankasam.core.languages import localized_field, site_language_codes
from ankasam.core.slugs import create_localized_slug_indexes, sibling_slug_errors

from ..articles.factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db


def slugged(**slugs) -> dict:
    """`translations` for create_article: the piece in each language given, with that slug."""
    blocks, notes = text_with_notes(1)
    return {
        language: {"title": f"{slug} {language}", "slug": slug, "blocks": blocks, "notes": notes}
        for language, slug in slugs.items()
    }


def slug_errors(parent, **slugs) -> dict:
    with pytest.raises(ValidationError) as refused:
        create_article(parent, translations=slugged(**slugs))
    return refused.value.message_dict


def test_renaming_a_page_to_a_siblings_slug_is_refused(article_index):
    create_article(article_index, translations=slugged(en="corridors"))
    article = create_article(article_index, translations=slugged(en="gas-routes"))

    article.slug_en = "corridors"
    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert refused.value.message_dict["slug_en"] == [
        "Another page at this level already uses this slug in this language."
    ]


def test_a_clash_in_one_translation_is_reported_on_that_language_only(article_index):
    create_article(article_index, translations=slugged(en="grain-routes", tr="koridorlar"))

    errors = slug_errors(article_index, en="energy-routes", tr="koridorlar")

    assert "slug_tr" in errors
    assert "slug_en" not in errors
    assert "slug_ru" not in errors


def test_a_sibling_without_a_translated_slug_is_reached_by_its_default_slug(article_index):
    # At /tr/analizler/corridors/ a reader reaches the English-only piece, so the Turkish slug
    # of another piece may not be "corridors".
    create_article(article_index, translations=slugged(en="corridors"))

    errors = slug_errors(article_index, en="gas-routes", tr="corridors")

    assert "slug_tr" in errors
    assert "slug_en" not in errors


def test_a_slug_a_sibling_no_longer_answers_to_in_the_language_is_free(article_index):
    create_article(article_index, translations=slugged(en="corridors", tr="koridorlar"))

    article = create_article(article_index, translations=slugged(en="gas-routes", tr="corridors"))

    assert article.slug_tr == "corridors"


def test_pages_under_different_parents_may_share_a_slug(home_page, article_index):
    other_index = ArticleIndexPage(title_en="Briefs", slug_en="briefs")
    home_page.add_child(instance=other_index)
    create_article(article_index, translations=slugged(en="corridors", tr="koridorlar"))

    article = create_article(other_index, translations=slugged(en="corridors", tr="koridorlar"))

    assert article.live


def cost_of_cleaning(page) -> tuple[int, int]:
    """Queries run and page objects loaded by a full clean of the page."""
    page.refresh_from_db()
    loaded = []

    def count_pages(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance)

    post_init.connect(count_pages)
    try:
        with CaptureQueriesContext(connection) as queries:
            page.full_clean()
    finally:
        post_init.disconnect(count_pages)
    return len(queries), len(loaded)


def test_checking_slugs_costs_the_same_however_many_siblings_a_page_has(article_index):
    article = create_article(article_index, translations=slugged(en="corridors", tr="koridorlar"))
    with_no_siblings = cost_of_cleaning(article)

    for number in range(5):
        create_article(article_index, translations=slugged(en=f"piece-{number}"))

    assert cost_of_cleaning(article) == with_no_siblings


def test_checking_slugs_is_one_query_for_every_language(article_index):
    article = create_article(
        article_index, translations=slugged(en="corridors", tr="koridorlar", ru="koridory")
    )
    create_article(article_index, translations=slugged(en="gas-routes", tr="gaz-yollari"))

    with CaptureQueriesContext(connection) as queries:
        assert sibling_slug_errors(article) == {}
    article.slug_ru = "gas-routes"  # the English-only-in-Russian sibling answers to it in Russian
    with CaptureQueriesContext(connection) as clash:
        errors = sibling_slug_errors(article)

    assert len(site_language_codes()) > 1
    assert (len(queries), len(clash)) == (1, 1)
    assert list(errors) == ["slug_ru"]


def indexed_columns() -> set[tuple[str, ...]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    return {tuple(constraint["columns"]) for constraint in constraints.values() if constraint["index"]}


def test_migrate_indexes_every_languages_slug_column():
    indexed = indexed_columns()

    assert {(localized_field("slug", code),) for code in site_language_codes()} <= indexed


def test_indexing_the_slugs_again_creates_nothing():
    before = indexed_columns()

    assert create_localized_slug_indexes() == []
    assert indexed_columns() == before
