"""Rendered parts of lists that change only when something is published, kept until then.

Each article's card and each search result's authors and date are kept one by one under the
publication generation (`core.published`), so that every list an article appears in (any page of
any combination of filters, an author's page, a search) shares them and any publishing event
starts them again. A preview is never kept or served from what was kept: it shows a draft. The
article page keeps its own parts whole in its template (`kept_until_published`).
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from ankasam.core.languages import current_language
from ankasam.core.published import is_preview, many_cached_until_published

from .queries import ArticleIds, byline_authors

CARD_TEMPLATE = "articles/includes/card.html"
BYLINE_TEMPLATE = "articles/includes/card_meta.html"


def cards_html(articles, request, *, heading_level=2, show_summary=False, show_authors=False) -> list[str]:
    """Each article's card, rendered: those kept since the last publish read in one go.

    The cards' bylines need the authors, read here only for the cards not kept (the lists leave
    them out of their query for that reason).
    """
    options = {"heading_level": heading_level, "show_summary": show_summary, "show_authors": show_authors}
    # The host too: a card's address is relative to the site the request is for.
    variant = f"{current_language()}:{request.get_host()}:{heading_level}:{show_summary:d}{show_authors:d}"
    return rendered_for_each(
        CARD_TEMPLATE,
        articles,
        {"request": request, **options},
        name=f"card:{variant}",
        with_authors=show_authors,
        request=request,
    )


def bylines_html(articles) -> list[str]:
    """Each article's authors and date as a search result shows them (no address in them)."""
    return rendered_for_each(
        BYLINE_TEMPLATE,
        articles,
        {"show_authors": True},
        name=f"byline:{current_language()}",
        with_authors=True,
    )


def rendered_for_each(template, articles, context, *, name, with_authors, request=None) -> list[str]:
    """`template` rendered for each article, kept per article under `name` until the next publish.

    `with_authors` reads the bylines' authors of the articles not kept; a preview `request` is
    rendered afresh, neither kept nor read from what was kept.
    """
    ids, rows = ids_and_rows(articles)

    def render(indexes):
        chosen = rows([ids[index] for index in indexes])
        if with_authors:
            prefetch_related_objects([article for article in chosen if article is not None], byline_authors())
        return [
            "" if article is None else render_to_string(template, {**context, "article": article})
            for article in chosen
        ]

    if request is not None and is_preview(request):
        return render(range(len(ids)))
    return many_cached_until_published([f"{name}:{pk}" for pk in ids], render)


def ids_and_rows(articles):
    """The articles' ids, and a function giving the rows of some of them (None: gone since).

    `articles` is rows, or a paginator's page of `queries.ArticleIds`, whose rows are read only
    when asked.
    """
    source = getattr(articles, "object_list", articles)
    if isinstance(source, ArticleIds):
        return list(source), source.rows
    source = list(source)
    by_id = {article.pk: article for article in source}
    return [article.pk for article in source], lambda ids: [by_id[pk] for pk in ids]
