"""The article's sub-addresses (`reader_actions`): its PDF and its citation downloads.

Routing has already refused a hidden article and ArticlePage.serve one that does not exist in
the address's language; these views only answer.
"""

import logging

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from . import pdf
from .citation import bibtex, cited_work, reading_citations, ris
from .presentation import article_authors

logger = logging.getLogger(__name__)


def file_response(content, content_type: str, filename: str, *, as_attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def work_of(article, request):
    return cited_work(article, article_authors(article), article.get_full_url(request))


def serve_pdf(request, article):
    problem = pdf.pdf_problem()
    if problem:
        logger.error("PDF of page %s refused: %s", article.pk, problem)
        message = gettext("The PDF cannot be made at the moment. The article can still be read online.")
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    return file_response(
        pdf.article_pdf(article, request), "application/pdf", f"{article.slug}.pdf", as_attachment=False
    )


def serve_bibtex(request, article):
    return file_response(
        bibtex(work_of(article, request)),
        "application/x-bibtex; charset=utf-8",
        f"{article.slug}.bib",
        as_attachment=True,
    )


def serve_ris(request, article):
    return file_response(
        ris(work_of(article, request)),
        "application/x-research-info-systems; charset=utf-8",
        f"{article.slug}.ris",
        as_attachment=True,
    )


# Keys are the one-segment addresses under an article: /en/analyses/<slug>/pdf/.
READER_ACTIONS = {"pdf": serve_pdf, "cite-bibtex": serve_bibtex, "cite-ris": serve_ris}


def action_url(article, action: str, request=None) -> str:
    """The address of one of the article's actions in the active language."""
    return f"{article.get_url(request)}{action}/"


def reader_tools_context(article, request, authors) -> dict:
    """The article page's "Cite this" section and PDF link; `authors` in byline order."""
    return {
        "citations": reading_citations(cited_work(article, authors, article.get_full_url(request))),
        "bibtex_url": action_url(article, "cite-bibtex", request),
        "ris_url": action_url(article, "cite-ris", request),
        # Without WeasyPrint's libraries the link is left out; the address itself answers 503.
        "pdf_url": action_url(article, "pdf", request) if pdf.pdf_available() else None,
    }
