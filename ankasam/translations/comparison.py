"""Comparing field values by what a reader would see, ignoring the admin's bookkeeping."""

import re

# The rich-text editor adds a random key to every paragraph it saves, and block ids change when a
# block is re-added: neither is a change of text.
BLOCK_KEY_ATTRIBUTE = re.compile(r'\sdata-block-key="[^"]*"')


def _normalised(value):
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list | tuple):
        return [_normalised(item) for item in value]
    if isinstance(value, str):
        return BLOCK_KEY_ATTRIBUTE.sub("", value).strip()
    return value


def comparable(value):
    """A plain, normalised form of a field value (text, rich text or stream)."""
    if value is None:
        return ""
    if hasattr(value, "get_prep_value"):
        value = value.get_prep_value()
    elif hasattr(value, "source"):
        value = value.source
    return _normalised(value)
