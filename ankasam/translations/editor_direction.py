"""Each language's fields in the page editor written in that language's direction.

Draftail (Draft.js) gives every paragraph the direction of its first strong letter, as `dir="auto"`
does: an English note that begins with a quoted Persian title turns right to left, and its Latin
source and date are scrambled while the editor types. The site renders a note in the direction of
its page's language, with the other direction's runs isolated (core/bidi.py); these rules make the
editor show the same base direction, so what the editor types reads as the reader will see it.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control

from ankasam.core.languages import localized_field, site_language_codes, text_direction

ALIGNMENT = {"ltr": "left", "rtl": "right"}


def direction_rules_for_language_fields(codes: list[str] | None = None) -> str:
    """CSS for the editor: fields named `<field>_<code>` keep the direction of language `code`."""
    rules = []
    for code in codes or site_language_codes():
        direction = text_direction(code)
        # Wagtail marks each field's wrapper with its form field's name (data-contentpath).
        field = f'[data-contentpath$="{localized_field("", code)}"]'
        rules.append(
            f"{field} .public-DraftStyleDefault-block,"
            f" {field} input[type=text], {field} textarea"
            f" {{ direction: {direction}; text-align: {ALIGNMENT[direction]}; }}"
        )
    return "\n".join(rules)


# The languages change only with a deploy; an hour keeps it out of every admin page's requests.
@cache_control(private=True, max_age=3600)
def language_directions_css(request):
    return HttpResponse(direction_rules_for_language_fields(), content_type="text/css; charset=utf-8")
