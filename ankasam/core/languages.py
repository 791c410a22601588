"""Languages of the site: names, text direction and per-language field names."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname


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


def native_name(code: str) -> str:
    """The language's name in that language (Türkçe, Русский), as a reader looks for it."""
    return get_language_info(code)["name_local"]


def text_direction(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"
