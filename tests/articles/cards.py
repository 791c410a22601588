"""What a list of article cards shows, read from the page as a reader gets it."""

import html
import re

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]*">(.*?)</a>', re.S)


def listed_titles(response) -> list[str]:
    """The titles of the cards on the page, in order."""
    return [html.unescape(title) for title in CARD_TITLE.findall(response.content.decode())]
