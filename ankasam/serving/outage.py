"""Readers' answer while the database is away: a static 503 page in their language.

Django turns an exception raised anywhere below the middleware into a call of `handler500`
inside the `except` block, so the exception is still at hand there. A lost database connection
becomes a 503 with Retry-After and one log line; any other error stays a 500 with its traceback.
Once the database is back, persistent connections are checked before reuse
(`CONN_HEALTH_CHECKS`), so the site serves again by itself.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils import translation

from ankasam.core.languages import is_site_language, text_direction

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_DOWN)


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0].lower()
    return first if is_site_language(first) else settings.LANGUAGE_CODE


def outage_response(request) -> HttpResponse:
    """Rendered from the template alone: no context processor, so no query."""
    language = language_of(request.path_info)
    with translation.override(language):
        html = render_to_string(
            "503.html", {"LANGUAGE_CODE": language, "TEXT_DIRECTION": text_direction(language)}
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """`handler500`: a database outage is a 503, anything else the usual 500 page."""
    if is_database_outage(sys.exc_info()[1]):
        return outage_response(request)
    return HttpResponseServerError(render_to_string("500.html"))


class OneLineForDatabaseOutages(logging.Filter):
    """On `django.request`: a database outage logs one line, not a traceback per request."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if is_database_outage(error):
            request = getattr(record, "request", None)
            record.msg = "Database unavailable, answered 503: %s %s (%s)"
            record.args = (
                getattr(request, "method", "-"),
                getattr(request, "path", "-"),
                " ".join(str(error).split()),
            )
            record.exc_info = None
            record.exc_text = None
        return True
