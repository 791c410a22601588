"""The default language's title and slug of a page written in another language."""

from ankasam.core.languages import default_language, field_in, localized_field

# Wagtail and wagtail-modeltranslation need a page's title and slug in the default language.
NAME_FIELDS = ("title", "slug")


def fill_default_language_names(page) -> list[str]:
    """Give a page written in another language its default-language title and slug from that language.

    A piece written only in Turkish still needs `title_en` and `slug_en` (Wagtail's tree and
    modeltranslation's validation read them). They are filled from the original language; the
    body decides existence (`translation_required_fields`), so the page stays Turkish-only. Returns
    the columns filled.
    """
    original = getattr(page, "original_language", None) or default_language()
    if original == default_language():
        return []
    filled = []
    for name in NAME_FIELDS:
        column = localized_field(name, default_language())
        value = field_in(page, name, original, "")
        if not getattr(page, column, "") and value:
            setattr(page, column, value)
            filled.append(column)
    return filled
