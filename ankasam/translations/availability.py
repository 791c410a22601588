"""Whether a version of a page is written in a language: the rule `states.language_states` applies
to one page, and `existing_in` to many in SQL (listings, the sitemap).

A page type lists the fields that must be written in a language for the page to exist in it
(`translation_required_fields`; an article needs its title and body). Pages that list none
(the home page, section indexes, people) exist in every site language, their texts falling back
to the default language where a translator has not written them yet.
"""

from django.db.models import Q

from ankasam.core.languages import field_in, localized_field, site_language_codes


def required_fields(page_or_model) -> tuple[str, ...]:
    return tuple(getattr(page_or_model, "translation_required_fields", ()))


def is_filled(value) -> bool:
    """A text with something in it, or a stream with at least one block."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    return len(value) > 0


def exists_in(page, language: str) -> bool:
    return all(is_filled(field_in(page, name, language)) for name in required_fields(page))


def languages_of(page) -> list[str]:
    """The site languages the page can be read in, in the site's order."""
    return [language for language in site_language_codes() if exists_in(page, language)]


def existing_in(model, language: str) -> Q:
    """`exists_in` as a query filter: the same fields, empty meaning NULL, "" or an empty stream."""
    condition = Q()
    for name in required_fields(model):
        column = localized_field(name, language)
        empty_value = [] if model._meta.get_field(column).get_internal_type() == "JSONField" else ""
        condition &= Q(**{f"{column}__isnull": False}) & ~Q(**{column: empty_value})
    return condition
