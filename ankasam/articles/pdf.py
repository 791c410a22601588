"""An article version as a PDF, made with WeasyPrint and kept until the article changes.

Rendering never touches the network: the stylesheet, the shipped fonts (static/fonts) and the
images are read from files, and any other address is refused. The PDF is stored under `pdf/` in
the default storage, named by page, language and live revision, so a new revision (or a new
layout version) makes a new PDF and the old ones are removed; the name also holds a keyed hash,
so that a PDF of a piece later withdrawn cannot be found by guessing its address in media.

PDFs are made by a background task when the article is published (`tasks.render_article_pdfs`);
a reader's request reads the stored file, and only queues the task if the file is missing.
"""

import functools
import logging
import math
import mimetypes
import re
from pathlib import Path
from time import sleep as pause
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac

from ankasam.core.languages import current_language, native_name, text_direction
from ankasam.identity.models import SiteIdentity

from .citation import chicago, cited_work
from .presentation import article_authors, render_body_with_footnotes

logger = logging.getLogger(__name__)

PDF_DIRECTORY = "pdf"
# Raise when the template or the stylesheet changes: every stored PDF is then made again.
PDF_LAYOUT_VERSION = 2
STYLESHEET = "css/pdf.css"
# A reader whose PDF is still being made waits this long at most, looking every POLL_SECONDS,
# then is told to come back after RETRY_AFTER_SECONDS (reader_actions.serve_pdf).
WAIT_SECONDS = 2
POLL_SECONDS = 0.25
RETRY_AFTER_SECONDS = 10


@functools.cache
def pdf_problem() -> str | None:
    """Why PDFs cannot be made here (WeasyPrint or its system libraries missing), or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        logger.warning("PDF downloads are off: WeasyPrint cannot be loaded (%s)", error)
        return f"WeasyPrint cannot be loaded: {error}"
    return None


def pdf_available() -> bool:
    return pdf_problem() is None


# Files the renderer may read


def allowed_directories() -> list[Path]:
    static_dirs = [Path(d[1] if isinstance(d, tuple) else d) for d in settings.STATICFILES_DIRS]
    return [Path(settings.MEDIA_ROOT).resolve(), *(d.resolve() for d in static_dirs)]


def is_inside(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


def local_file_for(url: str) -> Path | None:
    """The file a `file:` URL may be read from, or None.

    Site-relative addresses in the body (`/media/images/...`, `/static/...`) arrive as
    `file:///media/...` because the document's base URL is `file:///`; they are mapped onto
    MEDIA_ROOT and the static files. Any other file must lie inside those directories.
    """
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    candidates = [Path(path)]
    if path.startswith(settings.MEDIA_URL):
        candidates.append(Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL))
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if found:
            candidates.append(Path(found))
    for candidate in candidates:
        resolved = candidate.resolve()
        if resolved.is_file() and any(is_inside(resolved, d) for d in allowed_directories()):
            return resolved
    return None


def local_url_fetcher():
    """A WeasyPrint URL fetcher that reads `data:` URLs and the files above, and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_file_for(url)
            if path is None:
                # WeasyPrint logs the refusal and leaves the resource out; rendering goes on.
                raise ValueError(f"the PDF renderer reads only local files and data: URLs, not {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    return LocalFilesOnly()


def stylesheet_path() -> Path:
    return Path(finders.find(STYLESHEET))


# The document


def pdf_context(article) -> dict:
    language = current_language()
    body_html, footnotes = render_body_with_footnotes(article, {"page": article})
    authors = article_authors(article)
    url = article.get_full_url()
    return {
        "page": article,
        "language": language,
        "direction": text_direction(language),
        "language_name": native_name(language),
        "site_name": settings.WAGTAIL_SITE_NAME,
        # The editors' logo (Settings → Site identity) on the title page; the site's mark without.
        "logo": SiteIdentity.load().logo,
        "body_html": body_html,
        # Each note states its direction (WeasyPrint ignores `dir="auto"` anyway; core/bidi.py).
        "endnotes": footnotes,
        "authors": authors,
        "authors_with_pages": [person for person in authors if person.shown_to_readers],
        "citation": chicago(cited_work(article, authors, url)),
        "url": url,
    }


def render_article_pdf(article) -> bytes:
    """The article in the active language as PDF bytes (no request: a worker renders it)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string("articles/pdf/article.html", pdf_context(article))
    fetcher = local_url_fetcher()
    fonts = FontConfiguration()
    stylesheet = CSS(filename=str(stylesheet_path()), url_fetcher=fetcher, font_config=fonts)
    # Base "file:///": site-relative image addresses become file URLs the fetcher maps to media.
    document = HTML(string=html, base_url="file:///", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)


# The stored copies


def pdf_storage_name(article, language: str) -> str:
    revision = article.live_revision_id or 0
    secret = salted_hmac("ankasam.articles.pdf", f"{article.pk}:{language}:{revision}").hexdigest()[:16]
    return f"{PDF_DIRECTORY}/{article.pk}/{language}-r{revision}-v{PDF_LAYOUT_VERSION}-{secret}.pdf"


STORED_NAME = re.compile(r"(?P<language>[^/]+?)-r\d+-v\d+-[0-9a-f]{16}\.pdf")


def stored_language(name: str) -> str | None:
    """The language of a stored copy, or None for a name this module did not choose."""
    found = STORED_NAME.fullmatch(name.rsplit("/", 1)[-1])
    return found["language"] if found else None


def stored_pdf_names(page_id: int) -> list[str]:
    directory = f"{PDF_DIRECTORY}/{page_id}"
    if not default_storage.exists(directory):
        return []
    return [f"{directory}/{name}" for name in default_storage.listdir(directory)[1]]


def read_stored_pdf(name: str) -> bytes | None:
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def store_article_pdf(article, language: str) -> bool:
    """Render and store the live version in `language` unless stored; True if it rendered.

    The language's copies of older revisions (or layouts) are removed once the new one is stored.
    """
    name = pdf_storage_name(article, language)
    if default_storage.exists(name):
        return False
    with translation.override(language):
        pdf = render_article_pdf(article)
    # Two renders at once (a reader's request and the publish's) both finish; the first one stored wins.
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(pdf))
    for old_name in stored_pdf_names(article.pk):
        if old_name != name and stored_language(old_name) == language:
            default_storage.delete(old_name)
    return True


def wait_for_stored_pdf(name: str, seconds: float) -> bytes | None:
    """The stored PDF, looking again every POLL_SECONDS for at most `seconds`; None if still missing."""
    for _look in range(math.ceil(seconds / POLL_SECONDS)):
        pause(POLL_SECONDS)
        pdf = read_stored_pdf(name)
        if pdf is not None:
            return pdf
    return None


def forget_pdfs_in_other_languages(article, languages) -> None:
    """Remove the copies in languages the piece is no longer written in (and any stray name)."""
    for name in stored_pdf_names(article.pk):
        if stored_language(name) not in languages:
            default_storage.delete(name)


def delete_stored_pdfs(page_id: int) -> None:
    for name in stored_pdf_names(page_id):
        default_storage.delete(name)


def forget_article_pdfs(sender, instance, **kwargs):
    """Remove a withdrawn or deleted article's stored PDFs (see ArticlesConfig.ready)."""
    delete_stored_pdfs(instance.pk)
