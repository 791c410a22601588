"""Which of the institute's own pages the footer links to, in the reader's language."""

from ankasam.core.visibility import visible_to_readers
from ankasam.translations.availability import existing_in

from .models import StandardPage


def footer_pages(language: str) -> list[StandardPage]:
    """Pages the editors put in the footer that readers can open in `language`, in tree order."""
    pages = StandardPage.objects.filter(show_in_footer=True).filter(existing_in(StandardPage, language))
    return list(visible_to_readers(pages).order_by("path"))
