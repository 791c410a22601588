"""Whether each translation of a page still matches its original.

A page remembers, per translation, a fingerprint of the translation's own text and of the original's
text at the moment the translation was last changed. When the original's text no longer matches that
fingerprint the translation is outdated. The record is part of the page's content, so it travels
with drafts, revisions and approvals: what a reviewer approves carries its own status.
"""

import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from ankasam.core.languages import field_in, site_language_codes

from .availability import exists_in, is_filled
from .comparison import comparable


class Status(models.TextChoices):
    ORIGINAL = "original", _("Original")
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")
    MISSING = "missing", _("Missing")


class State(models.TextChoices):
    """Where a piece stands in a language, as the status report lists it."""

    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published, up to date")
    PUBLISHED_OUTDATED = "published_outdated", _("Published, outdated")


# Kept by Wagtail from the slugs, not written by anyone.
NOT_WRITTEN_FIELDS = frozenset({"url_path"})


def written_fields(page) -> list[str]:
    """The page's fields that have a copy per language and someone writes (title, body, ...)."""
    try:
        options = translator.get_options_for_model(type(page))
    except NotRegistered:
        return []
    return [name for name in options.all_fields if name not in NOT_WRITTEN_FIELDS]


def completeness(page, language: str) -> int:
    """Of the fields the original language has filled, the percentage filled in `language`."""
    original = getattr(page, "original_language", None) or site_language_codes()[0]
    expected = [name for name in written_fields(page) if is_filled(field_in(page, name, original))]
    if not expected:
        return 100
    done = sum(1 for name in expected if is_filled(field_in(page, name, language)))
    return round(100 * done / len(expected))


def text_fingerprint(page, language: str) -> str:
    """A hash of the page's tracked fields in one language."""
    texts = {name: comparable(field_in(page, name, language)) for name in page.translation_source_fields}
    encoded = json.dumps(texts, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def refresh_translation_record(page) -> None:
    """Note, for each translation whose text changed, which version of the original it was made from."""
    original = page.original_language
    original_fingerprint = text_fingerprint(page, original)
    record = {}
    for language in site_language_codes():
        if language == original or not exists_in(page, language):
            continue
        fingerprint = text_fingerprint(page, language)
        previous = (page.translation_record or {}).get(language, {})
        if previous.get("text") == fingerprint:
            record[language] = previous
        else:
            record[language] = {"text": fingerprint, "source": original_fingerprint}
    page.translation_record = record


def translation_status(page, language: str, original_fingerprint: str | None = None) -> str:
    if not exists_in(page, language):
        return Status.MISSING
    if language == page.original_language:
        return Status.ORIGINAL
    made_from = (page.translation_record or {}).get(language, {}).get("source")
    current = original_fingerprint or text_fingerprint(page, page.original_language)
    return Status.UP_TO_DATE if made_from == current else Status.OUTDATED


def translation_statuses(page) -> dict[str, str]:
    original_fingerprint = text_fingerprint(page, page.original_language)
    return {code: translation_status(page, code, original_fingerprint) for code in site_language_codes()}
