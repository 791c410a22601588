from django import template

from ankasam.core.languages import current_language

from ..chrome import site_chrome
from ..navigation import footer_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_links(context):
    request = context.get("request")
    if request is None:  # a template rendered outside a request
        return footer_pages(current_language())
    return site_chrome(request).footer_pages
