"""Languages of the site: names, profiles (direction, OpenGraph locale...), per-language field names."""

import re

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from ankasam.settings.language_list import LanguageProfile, default_profile

# The characters of each script the site ships a font of its own for (static/fonts); the other
# scripts of the site's languages are in DejaVu. The stylesheets' `unicode-range` for Vazirmatn
# lists the same blocks (tests/core/test_language_profiles.py holds them to it).
SCRIPT_BLOCKS = {
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
}
SCRIPT_CHARACTERS = {
    script: re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in blocks) + "]")
    for script, blocks in SCRIPT_BLOCKS.items()
}
# Scripts the shipped fonts cover: DejaVu the first three, Vazirmatn Arabic.
SCRIPTS_WITH_FONTS = {"latin", "cyrillic", "greek", "arabic"}

NO_DEFAULT = object()


def site_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def current_language() -> str:
    language = get_language() or default_language()
    return language if language in site_language_codes() else default_language()


def is_site_language(code: str) -> bool:
    return code in site_language_codes()


def localized_field(field_name: str, language: str) -> str:
    return build_localized_fieldname(field_name, language)


def field_in(obj, field_name: str, language: str, default=NO_DEFAULT):
    """A translated field's value in exactly this language, never another's.

    Like `getattr`: without a `default`, an object lacking the field is an error. Not named
    `localized`: Wagtail's `Page.localized` is a property that rich-text page links read, and a
    page method of that name broke every link to an article.
    """
    column = localized_field(field_name, language)
    return getattr(obj, column) if default is NO_DEFAULT else getattr(obj, column, default)


def native_name(code: str) -> str:
    """The language's name in that language (Türkçe, Русский), as a reader looks for it."""
    return get_language_info(code)["name_local"]


def language_profile(code: str) -> LanguageProfile:
    """The language's table in languages.toml; the documented defaults for a language without one."""
    return settings.LANGUAGE_PROFILES.get(code) or default_profile(code)


def text_direction(code: str) -> str:
    return language_profile(code).direction


def honorifics() -> frozenset[str]:
    """The honorifics of every profile: a name in one language may carry another's ("Doç." in English)."""
    return frozenset().union(*(profile.honorifics for profile in settings.LANGUAGE_PROFILES.values()))


def written_in(script: str, text: str) -> bool:
    """Whether the text holds a character of the script (one of SCRIPT_CHARACTERS)."""
    return bool(SCRIPT_CHARACTERS[script].search(text))
