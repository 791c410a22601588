"""Keeping markup that arrives from code (demo content, imports) as safe as the editor's."""

from django.utils.safestring import SafeString, mark_safe
from wagtail.whitelist import (
    DEFAULT_ELEMENT_RULES,
    Whitelister,
    allow_without_attributes,
    attribute_rule,
    check_url,
)


def _check_link_type(value):
    return value if value in {"page", "document"} else None


def _keep_internal_id(value):
    return value if str(value).isdigit() else None


def _keep_list_start(value):
    return value if str(value).isdigit() else None


class StoredRichTextWhitelister(Whitelister):
    """Rich text as Wagtail stores it: internal links keep `linktype` and `id`. It also holds the
    marks and blocks of the body's features (`blocks.PARAGRAPH_FEATURES`) that Wagtail's default
    rules lack, and a numbered list's `start`, so an imported list that continues an earlier one
    keeps its numbers."""

    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "a": attribute_rule({"href": check_url, "linktype": _check_link_type, "id": _keep_internal_id}),
        "ol": attribute_rule({"start": _keep_list_start}),
        "s": allow_without_attributes,
        "ins": allow_without_attributes,
        "code": allow_without_attributes,
        "blockquote": allow_without_attributes,
    }


class NoteWhitelister(Whitelister):
    """A rendered footnote: inline markup and links only; anything else is unwrapped to text."""

    element_rules = {
        name: rule
        for name, rule in DEFAULT_ELEMENT_RULES.items()
        if name in {"[document]", "a", "b", "strong", "i", "em", "br", "p", "sup", "sub"}
    }


def clean_stored_rich_text(html: str) -> str:
    return StoredRichTextWhitelister().clean(html)


def clean_note_html(html: str) -> SafeString:
    return mark_safe(NoteWhitelister().clean(html))
