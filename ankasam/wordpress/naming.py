"""A post's title and slug when WordPress's own cannot be used as they are.

WordPress allows untitled posts and lets two posts share a `post_name` (or a draft have none),
where a page needs a title and a slug no sibling answers to. Both are made up here the same way
on every run, so a second import finds the same slugs and titles instead of new ones.
"""

from urllib.parse import unquote

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.models import Page

from ankasam.articles.content import ascii_slug
from ankasam.core.languages import localized_field, site_language_codes
from ankasam.core.text import html_to_text

TITLE_WORDS = 8
TITLE_LENGTH = 255  # Wagtail's title column


def title_of(item, language: str, blocks) -> tuple[str, str | None]:
    """(title, why it was made up or None): WordPress's title, else the first words, else the date."""
    title = item.title.strip()
    if title:
        if len(title) > TITLE_LENGTH:
            return title[: TITLE_LENGTH - 1] + "…", f"title longer than {TITLE_LENGTH} characters; shortened"
        return title, None
    words = first_words(blocks)
    if words:
        return words, f"untitled; titled by its first words, '{words}'"
    if item.post_date:
        with override(language):
            dated = date_format(item.post_date, "DATE_FORMAT")
        return dated, f"untitled and empty; titled by its date, '{dated}'"
    return str(item.post_id), f"untitled, empty and undated; titled '{item.post_id}'"


def first_words(blocks) -> str:
    """The first words of the first block with text, at most TITLE_WORDS of them."""
    for block_type, value in blocks:
        if block_type not in ("paragraph", "heading", "quote"):
            continue
        source = value.get("quote", "") if isinstance(value, dict) else getattr(value, "source", value)
        words = html_to_text(source).split()
        if words:
            text = " ".join(words[:TITLE_WORDS])
            return (text + "…" if len(words) > TITLE_WORDS else text)[:TITLE_LENGTH]
    return ""


def wanted_slug(item, title: str) -> str:
    """WordPress's slug (percent-decoded and transliterated), else one from the title, else the id."""
    return ascii_slug(unquote(item.post_name)) or ascii_slug(title) or f"post-{item.post_id}"


def free_slug(parent, slug: str, page_pk: int | None) -> str:
    """The slug, or the slug with -2, -3 ... when another page under the parent answers to it.

    A sibling's slug counts in every language: a page without a slug in a language is reached by
    its default-language one, so a clash in any column is a clash somewhere. The page itself is
    left out, so a second run gives a post the slug it got the first time.
    """
    candidate, number = slug, 2
    while slug_taken(parent, candidate, page_pk):
        suffix = f"-{number}"
        candidate, number = slug[: 255 - len(suffix)] + suffix, number + 1
    return candidate


def slug_taken(parent, slug: str, page_pk: int | None) -> bool:
    columns = ["slug", *(localized_field("slug", code) for code in site_language_codes())]
    query = Q()
    for column in dict.fromkeys(columns):
        query |= Q(**{column: slug})
    siblings = Page.objects.child_of(parent).filter(query)
    if page_pk is not None:
        siblings = siblings.exclude(pk=page_pk)
    return siblings.exists()
