"""What the article template needs, gathered in a fixed number of queries."""

from django.template.loader import render_to_string

from ankasam.core.languages import current_language, field_in, text_direction
from ankasam.core.visibility import has_expired

from .footnotes import number_footnotes, set_note_directions
from .queries import similar_articles


def render_body_with_footnotes(article, context):
    """The body in the reader's language as HTML with numbered references, and its notes.

    The page is only served in languages it exists in, so nothing here falls back to another.
    """
    language = current_language()
    body = field_in(article, "body", language)
    notes = [
        (block.value["label"], str(block.value["text"]))
        for block in field_in(article, "footnotes", language) or []
    ]
    body_html = body.render_as_block(context=context) if body else ""
    body_html, footnotes = number_footnotes(str(body_html), notes)
    return body_html, set_note_directions(footnotes, text_direction(language))


def article_authors(article):
    """The article's authors in order, each marked with whether readers may open their page.

    An author whose page is unpublished is named (the editor approved the byline) but neither
    linked nor introduced: their bio is still a draft.
    """
    authors = [
        link.person
        for link in article.article_authors.select_related("person", "person__photo").order_by("sort_order")
    ]
    for person in authors:
        person.shown_to_readers = person.live and not has_expired(person)
    return authors


class Computed:
    """A value computed when a template first reads it, then remembered.

    The article template keeps most of what it renders until the next publish
    (`kept_until_published`); a request served from what was kept reads none of these.
    """

    def __init__(self, compute):
        self.compute, self.value, self.done = compute, None, False

    def __call__(self):
        if not self.done:
            self.value, self.done = self.compute(), True
        return self.value


def similar_posts_html(article, request, topic_ids: list[int], region_ids: list[int]) -> str:
    """The "Similar posts" section, rendered; empty when there are none."""
    articles = similar_articles(article, topic_ids, region_ids)
    if not articles:
        return ""
    context = {"similar_articles": articles, "request": request}
    return render_to_string("articles/includes/similar_posts.html", context)


def article_context(article, request, context):
    # Imported here: the PDF module behind the reader tools renders with this module's helpers.
    from .reader_actions import READER_TOOLS, reader_tools_context

    body = Computed(lambda: render_body_with_footnotes(article, context))
    authors = Computed(lambda: article_authors(article))
    topics = Computed(lambda: list(article.topics.all()))
    regions = Computed(lambda: list(article.regions.all()))
    tools = Computed(lambda: reader_tools_context(article, request, authors()))
    return {
        "body_html": Computed(lambda: body()[0]),
        "footnotes": Computed(lambda: body()[1]),
        "authors": authors,
        "authors_with_pages": Computed(lambda: [person for person in authors() if person.shown_to_readers]),
        "topics": topics,
        "regions": regions,
        "tags": Computed(lambda: list(article.tags.all())),
        "similar_posts": Computed(
            lambda: similar_posts_html(article, request, [t.pk for t in topics()], [r.pk for r in regions()])
        ),
        **{name: Computed(lambda name=name: tools()[name]) for name in READER_TOOLS},
    }
