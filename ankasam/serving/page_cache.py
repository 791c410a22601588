"""The page cache: whole responses for anonymous readers, cleared by every publishing event.

Correct before clever: every change readers could see (a publish, an unpublish, a move, a view
restriction, a term, a tag, an image, a redirect) replaces one site-wide *generation*, and a
stored page counts only under the generation it was rendered in. A page is also never kept past
the next expiry date of any live page, so an expiry shows at its time even when the timer that
unpublishes it runs late (the visibility rule checks expiry at request time, see
ankasam/core/visibility.py).

The generation is read before the page is rendered: a page rendered from data that a publish
then replaces is stored under the old generation, and so is never served.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

# The generation is shared with the values cached until the next publish (core/published.py).
from ankasam.core.published import (
    CACHE_UNAVAILABLE,
    GENERATION_KEY,
    current_generation,
    publication_cache,
    seconds_until_next_expiry,
    start_new_generation,
)

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = frozenset({200, 404})
# A view that says any of these about its response decided it must not be shared.
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# Set again on every answer, from the stored page's remaining lifetime.
RECOMPUTED_HEADERS = frozenset({"cache-control", "expires", "x-cache"})


@dataclass(frozen=True)
class StoredPage:
    generation: str
    valid_until: float
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes


def page_cache():
    return publication_cache()


def still_current(generation: str) -> bool:
    return page_cache().get(GENERATION_KEY) == generation


def forget_cached_pages() -> None:
    """Every stored page stops counting (they are evicted later by the cache itself)."""
    try:
        start_new_generation()
    except CACHE_UNAVAILABLE as error:
        # The change is committed and must not fail now; pages stored before it still expire.
        logger.error(
            "Page cache unavailable, not cleared (%s): stored pages may be served for up to %s s",
            " ".join(str(error).split()),
            settings.PAGE_CACHE_SECONDS,
        )


def admin_prefix() -> str:
    return "/" + settings.WAGTAIL_ADMIN_PATH


# Paths never stored: the admin (previews included), documents, which have their own privacy, and
# files, which have their own caching.
def never_cached_path(path: str) -> bool:
    return path.startswith(
        (admin_prefix(), "/documents/", "/healthz", settings.MEDIA_URL, settings.STATIC_URL)
    )


def request_is_cacheable(request) -> bool:
    """Anonymous GET or HEAD of a public address: no session cookie, so nobody is signed in."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not never_cached_path(request.path_info)
    )


def response_is_cacheable(response) -> bool:
    if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    # An address outside a language prefix answers in the reader's language: one key cannot hold it.
    varies_by_language = "accept-language" in response.get("Vary", "").lower()
    return not varies_by_language and not any(d in cache_control for d in PRIVATE_DIRECTIVES)


def cache_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def lookup(request) -> tuple[str, HttpResponse | None]:
    """The current generation, and the stored response for this request if one counts."""
    key = cache_key(request)
    found = page_cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or current_generation()
    stored = found.get(key)
    if stored is None or stored.generation != generation or stored.valid_until <= now():
        return generation, None
    return generation, rebuild(stored)


def rebuild(stored: StoredPage) -> HttpResponse:
    response = HttpResponse(stored.content, status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    add_shared_cache_headers(response, max(0, int(stored.valid_until - now())))
    return response


def store(request, response, generation: str) -> None:
    lifetime = seconds_to_keep()
    if lifetime <= 0:
        return
    stored = StoredPage(
        generation=generation,
        valid_until=now() + lifetime,
        status=response.status_code,
        headers=tuple(
            (name, value) for name, value in response.items() if name.lower() not in RECOMPUTED_HEADERS
        ),
        content=response.content,
    )
    page_cache().set(cache_key(request), stored, timeout=lifetime)
    add_shared_cache_headers(response, lifetime)


def seconds_to_keep() -> int:
    """PAGE_CACHE_SECONDS, or less when a live page expires sooner."""
    # Without knowing the next expiry (a database error) the rendered page must not be kept: 0.
    return seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS)


def add_shared_cache_headers(response, seconds: int) -> None:
    # Browsers ask again each time (a publish must show at once); shared caches keep the page,
    # and are purged on publish (ankasam/serving/edge.py).
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)


def now() -> float:
    return timezone.now().timestamp()
