"""Whether a post would be written differently from the last run: its fingerprint.

The fingerprint is a hash of what the import would write for the post (title, slug, body,
notes, image, terms, people, tags, status and dates), stored with its origin record. A second
run that computes the same one leaves the page alone: no save, no revision, no new publish. A
post changed in WordPress, an image now found in `--uploads`, a new mapping or a new version of
the converter gives another fingerprint, and the post is written again.
"""

import dataclasses
import hashlib
import json
from datetime import date, datetime


def fingerprint(*parts) -> str:
    text = json.dumps(parts, default=plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def plain(value):
    """A stable stand-in for what JSON cannot hold: never a repr with a memory address."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "source"):  # RichText
        return value.source
    if hasattr(value, "_meta") and hasattr(value, "pk"):  # a model instance
        return f"{value._meta.label}:{value.pk}"
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return f"{type(value).__name__}:{value}"
