"""The article's sub-addresses (its `@path` routes): its PDF and its citation downloads.

Routing has already refused a hidden article and TranslatedPageMixin.serve one that does not
exist in the address's language; these views only answer.
"""

import logging

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from ankasam.core.bidi import isolate_other_direction
from ankasam.core.languages import current_language, language_profile

from . import pdf
from .citation import bibtex, cited_work, reading_citations, ris
from .presentation import article_authors
from .tasks import queue_missing_pdfs

logger = logging.getLogger(__name__)


def file_response(content, content_type: str, filename: str, *, as_attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def work_of(article, request):
    return cited_work(article, article_authors(article), article.get_full_url(request))


def unavailable(message: str) -> HttpResponse:
    response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    patch_cache_control(response, no_store=True)
    return response


def serve_pdf(request, article):
    """The stored PDF; if the worker has not made it yet, a short wait, then "try again"."""
    problem = pdf.pdf_problem()
    if problem:
        logger.error("PDF of page %s refused: %s", article.pk, problem)
        return unavailable(
            gettext("The PDF cannot be made at the moment. The article can still be read online.")
        )
    name = pdf.pdf_storage_name(article, current_language())
    content = pdf.read_stored_pdf(name)
    if content is None:
        queue_missing_pdfs(article)
        # With the immediate backend the task above has already stored it: no wait.
        content = pdf.read_stored_pdf(name) or pdf.wait_for_stored_pdf(name, pdf.WAIT_SECONDS)
    if content is None:
        response = unavailable(gettext("The PDF is being prepared. Please try again in a moment."))
        response["Retry-After"] = str(pdf.RETRY_AFTER_SECONDS)
        return response
    return file_response(content, "application/pdf", f"{article.slug}.pdf", as_attachment=False)


# The two citation files a reference manager imports: how each is written, its type and extension.
CITATION_FILES = {
    "bibtex": (bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8", "ris"),
}


def serve_citation_file(request, article, kind: str):
    write, content_type, extension = CITATION_FILES[kind]
    return file_response(
        write(work_of(article, request)), content_type, f"{article.slug}.{extension}", as_attachment=True
    )


def action_url(article, action: str, request=None) -> str:
    """The address of one of the article's routes (`pdf`, `cite-bibtex`, ...) in the active language."""
    return f"{article.get_url(request)}{article.reverse_subpage(action)}"


READER_TOOLS = ("citations", "bibtex_url", "ris_url", "pdf_url")


def reader_tools_context(article, request, authors) -> dict:
    """The article page's "Cite this" section and PDF link; `authors` in byline order."""
    direction = language_profile(current_language()).direction
    citations = reading_citations(cited_work(article, authors, article.get_full_url(request)))
    return {
        # In a right-to-left page the address and Latin names are isolated runs, read left to right.
        "citations": [(key, name, isolate_other_direction(html, direction)) for key, name, html in citations],
        "bibtex_url": action_url(article, "cite-bibtex", request),
        "ris_url": action_url(article, "cite-ris", request),
        # Without WeasyPrint's libraries the link is left out; the address itself answers 503.
        "pdf_url": action_url(article, "pdf", request) if pdf.pdf_available() else None,
    }
