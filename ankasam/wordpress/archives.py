"""Redirects from WordPress's archive addresses to what shows the same pieces here.

WordPress lists pieces at /category/<slug>/, /tag/<slug>/, /author/<name>/, /2024/ and /2024/05/;
search engines and other sites link to them. Each becomes a permanent redirect like a post's old
address (`publishing.redirect_path`):

- a category to the hub of what it became (topic, region or article type), in its language
  (Polylang's translated categories also at /<lang>/category/<slug>/); a category sent to tags,
  to that tag's page; a skipped one, to the article index;
- a tag to its tag page (/en/tags/<slug>/; Polylang's tags in another language also from
  /<lang>/tag/<slug>/, to the page in that language); a tag no imported piece carries, which
  became no tag here, to the article index;
- an author to their person page;
- a year or month with published posts to the article index filtered by that year (the listings
  filter by year, not month).

WordPress's default bases are `category`, `tag` and `author`; a site that changed the first two
in *Settings > Permalinks* (or the third with a plugin) names its own with `--category-base`,
`--tag-base` and `--author-base` (`ArchiveBases`). An author's archive is at their "nicename",
which the export does not hold: WordPress makes it from the login (`author_nicename`).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import override

from ankasam.core.languages import default_language
from ankasam.taxonomy.tags import tag_named

from .publishing import PUBLISHED, redirect_path
from .scan import post_type_of

HUB_KINDS = {"topic": "topics", "region": "regions", "article_type": "types"}
# What a base may be: one or more path segments of letters, digits and URL-safe marks.
BASE = re.compile(r"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")


class BadArchiveBase(ValueError):
    pass


@dataclass(frozen=True)
class ArchiveBases:
    """The first path segments of WordPress's archives, as set in Settings > Permalinks."""

    category: str = "category"
    tag: str = "tag"
    author: str = "author"

    @classmethod
    def given(cls, **bases: str | None) -> "ArchiveBases":
        """The bases given (None or empty: WordPress's default), each checked."""
        chosen = {}
        for name, base in bases.items():
            if not base:
                continue
            base = base.strip().strip("/")
            if not BASE.match(base):
                raise BadArchiveBase(
                    f"--{name}-base: {base!r} is not a path (e.g. 'topics' or 'blog/topics')"
                )
            chosen[name] = base
        return cls(**chosen)


def author_nicename(login: str) -> str:
    """The author's archive slug as WordPress makes it from the login (sanitize_title, 50 characters):
    accents dropped, lower case, '.' to '-', other marks removed, spaces to '-'."""
    text = unicodedata.normalize("NFKD", login)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"&.+?;", "", text).replace(".", "-")
    text = re.sub(r"[^a-z0-9 _-]", "", text)
    text = re.sub(r"-+", "-", re.sub(r"\s+", "-", text)).strip("-")
    return text[:50]


def redirect_archives(
    index,
    written: dict,
    topics: dict,
    people: dict,
    article_index,
    report,
    bases: ArchiveBases = ArchiveBases(),
):
    """Every archive of the export redirected: categories, tags, authors, years and months."""
    redirect_categories(index, topics, article_index, report, bases)
    with override(default_language()):
        listing = article_index.get_url()
    for term in index.terms:
        if term.taxonomy == "post_tag" and term.slug:
            language = index.term_languages.get(term.term_id, (default_language(), ""))[0]
            with override(language):
                url = tag_page(term.name) or article_index.get_url()
            for path in language_paths(f"/{bases.tag}/{term.slug}/", language):
                redirect_path(path, url, report, "archive redirect")
    for login, person in people.items():
        with override(default_language()):
            target = person.get_url()
        # The nicename WordPress made; slugify's spelling too, which this import used before.
        for name in dict.fromkeys([author_nicename(login), slugify(login)]):
            if name:
                redirect_path(f"/{bases.author}/{name}/", target, report, "archive redirect")
    for path, year in date_archives(index, written):
        redirect_path(path, f"{listing}?year={year}", report, "archive redirect")


def redirect_categories(index, topics: dict, article_index, report, bases: ArchiveBases):
    by_slug = {term.slug: term for term in index.terms if term.taxonomy == "category"}
    for term in by_slug.values():
        language = index.term_languages.get(term.term_id, (default_language(), ""))[0]
        target = topics.get(term.slug)
        with override(language):
            if target is not None and target.kind in HUB_KINDS and target.term is not None:
                url = reverse("hub", kwargs={"kind": HUB_KINDS[target.kind], "slug": target.term.slug})
            elif target is not None and target.kind == "tag":
                url = tag_page(target.name) or article_index.get_url()
            else:
                url = article_index.get_url()
        for path in category_paths(term, by_slug, language, bases.category):
            redirect_path(path, url, report, "archive redirect")


def category_paths(term, by_slug: dict, language: str, base: str = "category") -> list[str]:
    """/category/<slug>/, and /category/<parent>/<slug>/ for a child, as WordPress writes them."""
    chain, seen = [term.slug], {term.slug}
    parent = by_slug.get(term.parent)
    while parent is not None and parent.slug not in seen:
        chain.insert(0, parent.slug)
        seen.add(parent.slug)
        parent = by_slug.get(parent.parent)
    paths = list(dict.fromkeys([f"/{base}/{'/'.join(chain)}/", f"/{base}/{term.slug}/"]))
    return [path for each in paths for path in language_paths(each, language)]


def language_paths(path: str, language: str) -> list[str]:
    """The archive's path, and Polylang's with the language prefix for a term in another language."""
    return [path] if language == default_language() else [path, f"/{language}{path}"]


def tag_page(name: str) -> str | None:
    """The address of the tag with this name, in the active language; None if no tag has it."""
    tag = tag_named(name) if name else None
    return reverse("hub", kwargs={"kind": "tags", "slug": tag.slug}) if tag else None


def date_archives(index, written: dict) -> list[tuple[str, int]]:
    """(path, year) for each year and month in which a post of the export is listed."""
    dates = {
        post.post_date_gmt
        for post_id, post in written.items()
        if post.status == PUBLISHED
        and not post.password  # behind a password, it is in no listing: its year may be empty
        and post.post_date_gmt
        and post_type_of(index, post_id) == "post"
    }
    years = sorted({date.year for date in dates})
    months = sorted({(date.year, date.month) for date in dates})
    return [(f"/{year}/", year) for year in years] + [
        (f"/{year}/{month:02d}/", year) for year, month in months
    ]
