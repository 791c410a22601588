import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from ankasam.core.languages import current_language
from ankasam.core.published import cached_until_published, is_preview

register = template.Library()

# JSON inside <script> must not be able to close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def is_within(page, section) -> bool:
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)


@register.simple_tag
def page_numbers(page_obj) -> list:
    """The numbers a pagination bar shows: first, last and the current one's neighbours; None for a gap."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]


class KeptUntilPublishedNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        request = context.get("request")
        if request is None or is_preview(request):
            return self.nodelist.render(context)
        parts = ":".join(str(part.resolve(context)) for part in self.parts)
        # The scheme and host too: addresses in the fragment are made for the site as requested.
        name = f"fragment:{parts}:{current_language()}:{request.scheme}:{request.get_host()}"
        return mark_safe(cached_until_published(name, lambda: self.nodelist.render(context)))


@register.tag
def kept_until_published(parser, token):
    """{% kept_until_published "name" value ... %}...{% endkept_until_published %}: the enclosed
    part rendered once per name, values, language and host until the next publishing event
    (core/published.py). Only for what those determine: nothing that depends on the reader, the
    query string or the time of day. A preview renders it afresh and keeps nothing."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not parts:
        raise template.TemplateSyntaxError("kept_until_published needs a name")
    nodelist = parser.parse(("endkept_until_published",))
    parser.delete_first_token()
    return KeptUntilPublishedNode(nodelist, parts)
