"""Secondary texts (bios, roles, taxonomy names, captions) shown with their own language.

Such texts may lack a translation while the page around them exists; the one that exists is
shown, marked with its language so that screen readers and hyphenation treat it right. A bio
written only in Turkish is shown on the English and Russian pages, marked `lang="tr"`: a reader
is better served by a text in another language than by a bare name.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html

from ankasam.core.languages import (
    current_language,
    default_language,
    field_in,
    site_language_codes,
    text_direction,
)

from .availability import is_filled


@dataclass(frozen=True)
class LocalizedText:
    value: object
    language: str

    def __str__(self):
        return str(self.value) if self.value is not None else ""

    def __bool__(self):
        return is_filled(self.value)

    @property
    def is_foreign(self) -> bool:
        return self.language != current_language()

    def lang_attributes(self):
        """` lang="en" dir="ltr"` when the text is not in the page's language, else nothing."""
        if not self.is_foreign:
            return ""
        return format_html(' lang="{}" dir="{}"', self.language, text_direction(self.language))


def fallback_order(obj, language: str) -> list[str]:
    """The reader's language, the default, the object's own original language, then any other.

    Articles and people know their original language (a person's is the one their bio and role
    are first written in); terms go from the default straight to the site's other languages, in
    the order readers see them.
    """
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get("default", (default_language(),))
    original = getattr(obj, "original_language", None)
    return list(
        dict.fromkeys([language, *fallbacks, *([original] if original else []), *site_language_codes()])
    )


def text_in_language(obj, field_name: str, language: str | None = None) -> LocalizedText:
    """The field in the reader's language, else in the first language of `fallback_order` that has it."""
    language = language or current_language()
    for code in fallback_order(obj, language):
        value = field_in(obj, field_name, code, None)
        if is_filled(value):
            return LocalizedText(value, code)
    return LocalizedText("", language)
