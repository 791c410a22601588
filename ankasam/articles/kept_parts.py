"""The parts of an article page that change only when something is published, kept until then.

The body with its numbered notes is what the live revision holds; the similar posts are what is
published around the article. Rendering the first (blocks, note numbering, bidi isolation) and
querying and rendering the second (the visibility rule over every language's columns, then the
cards) were a third of an uncached article request. Both are kept under the publication
generation (`core.published`), so any publishing event starts them again, the body also per live
revision. Cards are kept one by one, so that every list an article appears in (any page of any
combination of filters, an author's page) shares them. A preview is never kept or served from
what was kept: it shows a draft.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from ankasam.core.languages import current_language
from ankasam.core.published import cached_until_published, is_preview, many_cached_until_published

from .presentation import render_body_with_footnotes
from .queries import byline_authors, similar_articles

CARD_TEMPLATE = "articles/includes/card.html"
BYLINE_TEMPLATE = "articles/includes/card_meta.html"


def body_and_notes(article, request, context):
    """(body HTML, notes) in the reader's language, as `render_body_with_footnotes` gives them."""
    if is_preview(request):
        return render_body_with_footnotes(article, context)
    # The host too: links in the text to other pages are relative to the request's site.
    key = f"article-body:{article.pk}:{article.live_revision_id}:{current_language()}:{request.get_host()}"
    return cached_until_published(key, lambda: render_body_with_footnotes(article, context))


def similar_posts_html(article, request, topic_ids: list[int], region_ids: list[int]) -> str:
    """The "Similar posts" section, rendered; empty when there are none."""

    def render() -> str:
        articles = similar_articles(article, topic_ids, region_ids)
        if not articles:
            return ""
        context = {"similar_articles": articles, "request": request}
        return render_to_string("articles/includes/similar_posts.html", context)

    if is_preview(request):
        return render()
    # The host too: the cards' addresses are relative to the site the request is for.
    key = f"similar-posts:{article.pk}:{current_language()}:{request.get_host()}"
    return cached_until_published(key, render)


def cards_html(articles, request, *, heading_level=2, show_summary=False, show_authors=False) -> list[str]:
    """Each article's card, rendered: those kept since the last publish read in one go.

    The cards' bylines need the authors, read here only for the cards not kept (the lists leave
    them out of their query for that reason).
    """
    options = {"heading_level": heading_level, "show_summary": show_summary, "show_authors": show_authors}
    # The host too: a card's address is relative to the site the request is for.
    variant = f"{current_language()}:{request.get_host()}:{heading_level}:{show_summary:d}{show_authors:d}"
    return rendered_for_each(
        CARD_TEMPLATE, articles, {"request": request, **options}, f"card:{variant}", show_authors, request
    )


def bylines_html(articles) -> list[str]:
    """Each article's authors and date as a search result shows them (no address in them)."""
    return rendered_for_each(
        BYLINE_TEMPLATE, articles, {"show_authors": True}, f"byline:{current_language()}", True, None
    )


def rendered_for_each(template, articles, context, name, with_authors, request) -> list[str]:
    """`template` rendered for each article, kept per article under `name` until the next publish."""
    articles = list(articles)

    def render(indexes):
        chosen = [articles[index] for index in indexes]
        if with_authors:
            prefetch_related_objects(chosen, byline_authors())
        return [render_to_string(template, {**context, "article": article}) for article in chosen]

    if request is not None and is_preview(request):
        return render(range(len(articles)))
    return many_cached_until_published([f"{name}:{article.pk}" for article in articles], render)
