"""What the article template needs, gathered in a fixed number of queries."""

from ankasam.core.languages import current_language, field_in, text_direction
from ankasam.core.visibility import has_expired

from .footnotes import number_footnotes, set_note_directions


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


def article_context(article, request, context):
    # Imported here: both build on this module's helpers (the PDF module behind the reader tools
    # renders with them, the kept parts keep what they render).
    from .kept_parts import body_and_notes, similar_posts_html
    from .reader_actions import reader_tools_context

    body_html, footnotes = body_and_notes(article, request, context)
    authors = article_authors(article)
    topics = list(article.topics.all())
    regions = list(article.regions.all())
    return {
        "body_html": body_html,
        "footnotes": footnotes,
        "authors": authors,
        "authors_with_pages": [person for person in authors if person.shown_to_readers],
        "topics": topics,
        "regions": regions,
        "tags": list(article.tags.all()),
        "similar_posts": similar_posts_html(
            article, request, [t.pk for t in topics], [r.pk for r in regions]
        ),
        **reader_tools_context(article, request, authors),
    }
