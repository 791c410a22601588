from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from ..kept_parts import bylines_html, cards_html

register = template.Library()


@register.simple_tag(takes_context=True)
def card_items(context, articles, heading_level=2, show_summary=False, show_authors=False):
    """A list item per article holding its card (articles/includes/card.html), kept until the next publish."""
    cards = cards_html(
        articles,
        context["request"],
        heading_level=heading_level,
        show_summary=show_summary,
        show_authors=show_authors,
    )
    # An empty card is an article unpublished between reading the list's ids and its rows.
    return format_html_join("", "\n        <li>{}</li>", ((mark_safe(card),) for card in cards if card))


@register.simple_tag
def with_bylines(articles) -> list:
    """(article, its authors and date rendered) for each article, kept until the next publish."""
    articles = list(articles)
    return list(zip(articles, (mark_safe(byline) for byline in bylines_html(articles)), strict=True))
