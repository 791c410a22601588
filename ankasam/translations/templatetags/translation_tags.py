from django import template

from ankasam.core.languages import current_language
from ankasam.core.text import first_sentence, html_to_text

from ..alternates import page_versions, switcher_targets, x_default
from ..secondary import LocalizedText, text_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context, page):
    """The page's versions in the languages it exists in, for hreflang links and "also available in"."""
    return page_versions(page, context.get("request")) if hasattr(page, "get_url") else []


@register.filter
def default_version(versions):
    return x_default(versions)


@register.filter
def other_than_current(versions):
    return [version for version in versions if version.code != current_language()]


@register.simple_tag(takes_context=True)
def language_switcher_targets(context, page, translation_of=None):
    """`translation_of` is the page behind a "not in this language" 404; a missing variable is "".

    A view that is not a page (a topic hub) puts its own addresses in `alternates`.
    """
    target = next((p for p in (page, translation_of) if hasattr(p, "get_url")), None)
    if target is None and context.get("alternates"):
        return context["alternates"]
    return switcher_targets(target, context.get("request"))


@register.filter
def translated(obj, field_name):
    """`{% with bio=person|translated:"bio" %}<div{{ bio|lang_attrs }}>{{ bio.value|richtext }}</div>`."""
    return text_in_language(obj, field_name) if obj else LocalizedText("", current_language())


@register.filter
def lang_attrs(text):
    return text.lang_attributes() if isinstance(text, LocalizedText) else ""


@register.filter
def opening_sentence(text):
    """The first sentence of a rich or plain text, still marked with the text's language."""
    if not isinstance(text, LocalizedText):
        return first_sentence(html_to_text(str(text or "")))
    return LocalizedText(first_sentence(html_to_text(str(text.value or ""))), text.language)
