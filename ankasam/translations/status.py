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

from ankasam.core.languages import field_in, site_language_codes

from .availability import exists_in
from .comparison import comparable


class Status(models.TextChoices):
    ORIGINAL = "original", _("Original")
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")
    MISSING = "missing", _("Missing")


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
