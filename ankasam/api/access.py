"""Who may read the API how often, and from which sites' pages: the rate limit and CORS.

The rate limit counts every request of a client address in a fixed window in Django's default
cache (Redis when REDIS_URL is set, so every server shares the count); a client over the limit
gets a 429 with `Retry-After`. The address is found like django-axes finds it (the
AXES_IPWARE_* settings), so one proxy configuration serves both.

CORS: the API is read with GET, a "simple" request, so an allowed origin only needs
`Access-Control-Allow-Origin`; a preflight (OPTIONS) is answered for GET and HEAD only.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers
from python_ipware import IpWare

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
CORS_METHODS = "GET, HEAD, OPTIONS"
PREFLIGHT_MAX_AGE = 86400


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIX)


def client_address(request) -> str:
    ipware = IpWare(
        precedence=tuple(settings.AXES_IPWARE_META_PRECEDENCE_ORDER),
        proxy_count=settings.AXES_IPWARE_PROXY_COUNT,
    )
    address, _trusted = ipware.get_client_ip(request.META)
    return str(address) if address else request.META.get("REMOTE_ADDR", "unknown")


def seconds_until_allowed(request, now: float | None = None) -> int:
    """0 when the request is within its address's limit; else how long until the next window."""
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_WINDOW
    if not limit:
        return 0
    now = int(time.time() if now is None else now)
    window_start = now - now % window
    key = f"api-rate:{client_address(request)}:{window_start}"
    cache = caches["default"]
    try:
        cache.add(key, 0, timeout=window + 1)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    except Exception as error:
        # An unreachable cache must not take the API down with it.
        logger.warning("API rate limit not checked, cache unavailable: %s", error)
        return 0
    return max(window_start + window - now, 1) if count > limit else 0


def too_many_requests(retry_after: int) -> HttpResponse:
    response = JsonResponse(
        {"message": f"Too many requests from this address; try again in {retry_after} s"}, status=429
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def allowed_origin(request) -> str | None:
    origin = request.headers.get("Origin")
    allowed = settings.API_CORS_ALLOWED_ORIGINS
    if not origin or not allowed:
        return None
    if "*" in allowed:
        return "*"
    return origin if origin in allowed else None


def add_cors_headers(request, response) -> None:
    if settings.API_CORS_ALLOWED_ORIGINS and "*" not in settings.API_CORS_ALLOWED_ORIGINS:
        # The answer differs between origins: shared caches must keep one per origin.
        patch_vary_headers(response, ["Origin"])
    origin = allowed_origin(request)
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "Retry-After, Content-Language"


def preflight(request) -> HttpResponse:
    response = HttpResponse(status=204)
    if allowed_origin(request):
        response["Access-Control-Allow-Methods"] = CORS_METHODS
        requested = request.headers.get("Access-Control-Request-Headers")
        if requested:
            response["Access-Control-Allow-Headers"] = requested
        response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response
