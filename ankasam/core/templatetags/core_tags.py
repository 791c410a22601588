import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import override

from ankasam.core.languages import native_name, site_language_codes, text_direction

register = template.Library()

# JSON inside <script> must not be able to close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """Each site language with the address of this page in it, else of that language's home."""
    request = context.get("request")
    # Outside a page (the 404 view) the template passes "" for the missing variable.
    has_page = hasattr(page, "get_url")
    versions = []
    for code in site_language_codes():
        with override(code):
            url = (page.get_url(request) if has_page else None) or f"/{code}/"
        versions.append({"code": code, "name": native_name(code), "url": url, "dir": text_direction(code)})
    return versions


@register.filter
def is_within(page, section) -> bool:
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)
