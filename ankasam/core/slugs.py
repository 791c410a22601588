"""Sibling pages may not share a slug in any language.

wagtail-modeltranslation checks this on every page clean by loading all the page's siblings and
comparing their slugs in Python, once per language. Under an article index with thousands of
pieces that is thousands of rows on each save (and each publish of a revision), which made saving
slower the larger the site grew and a large WordPress import quadratic. This asks the database
instead, one query for every language, with the same fallback rule as routing: a sibling without a
slug in the language is reached by its default-language slug.
"""

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext
from wagtail.models import Page

from .languages import default_language, field_in, localized_field, site_language_codes
from .routing import localized_slug_q


def slug_in_language(page, language: str) -> str:
    """The slug a reader of the language reaches the page by."""
    return field_in(page, "slug", language, None) or field_in(page, "slug", default_language(), "")


def sibling_slug_errors(page) -> dict[str, str]:
    """Per-language slug fields whose slug a sibling already answers to, with the message."""
    # The tree's root, or a page not yet placed in the tree, has no siblings (treebeard's own rule
    # in `get_parent`, without the query).
    if len(page.path or "") <= page.steplen:
        return {}
    wanted = {language: slug_in_language(page, language) for language in site_language_codes()}
    wanted = {language: slug for language, slug in wanted.items() if slug}
    if not wanted:
        return {}
    # One query for every language: a page is cleaned at least twice per save (the clean
    # wagtail-modeltranslation patches onto each page class runs once per class in the chain).
    matches = Q()
    for language, slug in wanted.items():
        matches |= localized_slug_q(slug, language)
    columns = [localized_field("slug", language) for language in site_language_codes()]
    siblings = page.get_siblings(inclusive=False).filter(matches).values(*columns)
    taken = {
        language for row in siblings for language in wanted if answers_to(row, language, wanted[language])
    }
    message = gettext("Another page at this level already uses this slug in this language.")
    return {localized_field("slug", language): message for language in wanted if language in taken}


def answers_to(row: dict, language: str, slug: str) -> bool:
    """Whether a sibling's slugs (`row`) reach it by `slug` in the language (`localized_slug_q`)."""
    own = row[localized_field("slug", language)]
    return own == slug if own else row[localized_field("slug", default_language())] == slug


def create_localized_slug_indexes() -> list[str]:
    """Index each language's slug column; returns the indexes it created.

    wagtail-modeltranslation adds `slug_xx` to Wagtail's page table outside migrations and
    without an index, so routing a reader's request and the sibling check above each read every
    child of the parent. Wagtail indexes its own `slug` for the same reason.
    """
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
        indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
        created = []
        for language in site_language_codes():
            column = localized_field("slug", language)
            if (column,) in indexed:
                continue
            name = f"{table}_{column}_idx"
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {connection.ops.quote_name(name)} "
                f"ON {connection.ops.quote_name(table)} ({connection.ops.quote_name(column)})"
            )
            created.append(name)
    return created
