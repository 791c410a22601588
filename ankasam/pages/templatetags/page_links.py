from django import template

from ankasam.core.languages import current_language

from ..navigation import footer_pages

register = template.Library()


@register.simple_tag
def footer_links():
    return footer_pages(current_language())
