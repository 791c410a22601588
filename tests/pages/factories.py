import factory

from ankasam.articles.content import heading, paragraph
from ankasam.pages.models import StandardPage

from ..core.factories import ChildPageFactory


def page_body(text: str) -> list:
    return [heading(f"{text}: heading"), paragraph(f"<p>{text}: body.</p>")]


class StandardPageFactory(ChildPageFactory):
    """A standard page written in English (add `title_tr`, `body_tr`... for more languages)."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    body = factory.LazyAttribute(lambda page: page_body(page.title))
    show_in_footer = False

    class Meta:
        model = StandardPage
