import logging

from . import page_cache

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    """Answers anonymous readers from the page cache (page_cache.py) and stores what it may.

    `X-Cache: HIT` when the page cache answered, `MISS` when the page was rendered; absent when
    the request is not one the cache serves (signed in, POST, the admin).

    A page during whose rendering a change was committed may show the state before it, and the
    edge was purged while it rendered: it is neither stored nor marked shareable, so Varnish or a
    CDN cannot keep it past that purge (the next request renders it again).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.request_is_cacheable(request):
            return self.get_response(request)
        try:
            generation, cached = page_cache.lookup(request)
        except page_cache.CACHE_UNAVAILABLE as error:
            # Readers still get the page, rendered; /healthz reports the cache as down.
            unavailable(error)
            return self.get_response(request)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        try:
            if page_cache.response_is_cacheable(response) and page_cache.still_current(generation):
                page_cache.store(request, response, generation)
        except page_cache.CACHE_UNAVAILABLE as error:
            unavailable(error)
        response["X-Cache"] = "MISS"
        return response


def unavailable(error) -> None:
    logger.warning("Page cache unavailable, page rendered: %s", " ".join(str(error).split()))
