"""SEO titles and descriptions from Yoast and Rank Math, made into the page's SEO fields.

Both plugins keep a post's own title and description in its postmeta, often as a template:
Yoast's `%%title%% %%sep%% %%sitename%%`, Rank Math's `%title% %sep% %sitename%`. The variables
this site can fill are filled; a value with any other (`%%primary_category%%`, `%customfield%`)
is left out and reported, since half a template is worse than the page's own title.

The site writes its own name after every page title (`templates/base.html`), so a title's
trailing "separator, site name" is dropped, and a title that comes out as the page's own title
is not stored: the page's title already is the SEO title then.
"""

import re

from django.conf import settings

TITLE_KEYS = ("_yoast_wpseo_title", "rank_math_title")
DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc", "rank_math_description")
TITLE_LENGTH = 255  # Wagtail's seo_title column

# Yoast writes %%name%%, Rank Math %name%; names are lower-case words with underscores.
VARIABLE = re.compile(r"%%([a-z_]+)%%|%([a-z_]+)%")
SITE_NAME_AT_END = re.compile(r"\s*(?:%%sep%%|%sep%)\s*(?:%%sitename%%|%sitename%)\s*$")
SEPARATOR = "-"  # both plugins' default; the real one is a site option, not in the export


def seo_texts(item, title: str, report) -> dict[str, str]:
    """{"seo_title": ..., "search_description": ...}: what the post's SEO plugin gives, expanded."""
    texts = {}
    for field, keys in (("seo_title", TITLE_KEYS), ("search_description", DESCRIPTION_KEYS)):
        raw = next((value for key in keys if (value := first_meta(item, key))), "")
        if field == "seo_title":
            raw = SITE_NAME_AT_END.sub("", raw)
        if not raw:
            continue
        value, unknown = expand(raw, title, item.excerpt)
        if unknown:
            names = ", ".join(sorted(unknown))
            what = field.replace("_", " ")
            report.warn(
                item.post_id,
                f"SEO {what} '{raw}' uses variables this site cannot fill ({names}); left out",
                "SEO text with unknown variables: left out",
            )
            continue
        if field == "seo_title":
            value = "" if value == title else value[:TITLE_LENGTH]
        if value:
            texts[field] = value
    return texts


def first_meta(item, key: str) -> str:
    return (item.postmeta.get(key) or [""])[0].strip()


def expand(template: str, title: str, excerpt: str) -> tuple[str, set[str]]:
    """The template with its variables filled, and the names of those that could not be."""
    known = {
        "title": title,
        "sitename": settings.WAGTAIL_SITE_NAME,
        "sep": SEPARATOR,
        "page": "",  # "Page 2 of 3" on a paginated post: a page here is never split
        "excerpt": excerpt.strip(),
        "excerpt_only": excerpt.strip(),
    }
    unknown = set()

    def fill(match):
        name = match.group(1) or match.group(2)
        if name not in known:
            unknown.add(name)
            return match.group(0)
        return known[name]

    text = VARIABLE.sub(fill, template)
    return " ".join(text.split()), unknown
