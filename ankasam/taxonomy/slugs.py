"""Terms by the slug of the reader's language, with the same fallback as pages (core/routing.py):
a term without a slug in the language answers to its default-language slug."""

from django.db.models import Q

from ankasam.core.languages import current_language, default_language, field_in, localized_field


def has_slug_per_language(model) -> bool:
    return any(field.name == localized_field("slug", default_language()) for field in model._meta.fields)


def term_slug_in(term, language: str) -> str:
    """The slug a reader of the language finds the term by: its own, else the default language's."""
    if not has_slug_per_language(type(term)):
        return term.slug
    return field_in(term, "slug", language, None) or field_in(term, "slug", default_language())


def find_term(queryset, slug: str, language: str | None = None):
    """The term whose slug in the language is `slug`, else whose default-language slug is; or None.

    The default-language slug is accepted even from a term with a slug of its own in the language,
    so an address written before the translation still finds it (the hub then redirects).
    """
    if "\x00" in slug:
        return None  # no slug holds NUL, and PostgreSQL refuses it in a query
    if not has_slug_per_language(queryset.model):
        return queryset.filter(slug=slug).first()
    language = language or current_language()
    fields = dict.fromkeys([localized_field("slug", language), localized_field("slug", default_language())])
    for field in fields:
        term = queryset.filter(**{field: slug}).first()
        if term is not None:
            return term
    return None


def reached_by(slug: str, language: str) -> Q:
    """Terms whose address in the language takes `slug`: their own slug, or else the default one."""
    own = localized_field("slug", language)
    untranslated = Q(**{f"{own}__isnull": True}) & Q(**{localized_field("slug", default_language()): slug})
    return Q(**{own: slug}) | untranslated
