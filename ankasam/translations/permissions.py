"""Translators: who may change which language's fields."""

from functools import cache

from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from ankasam.core.languages import native_name, site_language_codes
from ankasam.core.roles import EDITORS, TRANSLATORS

from .comparison import comparable


def editable_languages(user) -> set[str] | None:
    """The languages a user may change, or None when not restricted to any.

    Members of the Translators group are restricted to the languages assigned to them on their
    user account; superusers and editors never are.
    """
    if user is None or user.is_superuser:
        return None
    groups = set(user.groups.values_list("name", flat=True))
    # Editors review every language's text: a translator who is also an editor is not restricted.
    if TRANSLATORS not in groups or EDITORS in groups:
        return None
    return set(user.translation_languages or [])


def names_of_languages(codes) -> str:
    """The languages' own names, in the site's order of languages: "Türkçe, Русский"."""
    names = [native_name(code) for code in site_language_codes() if code in codes]
    return ", ".join(names) or _("none")


@cache
def field_languages(model) -> dict[str, str]:
    """Each translated form field of the model (`title_tr`, `body_ru`, ...) with its language."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {field.name: field.language for fields in options.all_fields.values() for field in fields}


def changed_fields_outside(model, initial: dict, submitted: dict, allowed: set[str]) -> list[str]:
    """Translated fields of languages not in `allowed` whose submitted text differs from the saved one."""
    languages = field_languages(model)
    return [
        name
        for name, value in submitted.items()
        if name in languages
        and languages[name] not in allowed
        and comparable(initial.get(name)) != comparable(value)
    ]
