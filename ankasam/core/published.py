"""Values that change only when what readers see changes, kept until the next publishing event.

They live in the page cache's store ("pages" in CACHES: files or Redis, shared by every worker)
under its *generation* (ankasam/serving/page_cache.py): every event that clears the page cache
(a publish, an unpublish, a move, a view restriction, a term, an image, the site identity...)
replaces the generation, and a value counts only under the generation it was computed in. As for
pages, the generation is read before the value is computed, so a value computed from data a
publish then replaces is stored under the old generation and never used; and nothing is kept past
the next expiry date of any live page.

`PUBLISHED_VALUES_CACHED` switches it off: the test settings do, since tests change pages without
publishing them and their transactions never commit (tests/conftest.py has a fixture to switch it
on, with an empty cache).
"""

import contextlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.utils import timezone
from redis.exceptions import RedisError

from .visibility import next_expiry

GENERATION_KEY = "generation"
# What an unreachable cache raises: Redis's client errors, or the file system's for the files.
CACHE_UNAVAILABLE = (RedisError, OSError)
MISSING = object()


def publication_cache():
    return caches["pages"]


def is_preview(request) -> bool:
    """A preview shows a draft: nothing is kept from it or served to it from what was kept."""
    return bool(getattr(request, "is_preview", False))


def current_generation() -> str:
    cache = publication_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Emptied or evicted: a new generation, so nothing stored before counts.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def start_new_generation() -> None:
    publication_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def seconds_until_next_expiry(longest: int) -> int:
    """`longest`, or less when a live page expires sooner; 0 when that cannot be known."""
    try:
        return seconds_until(kept_next_expiry(), longest)
    except DatabaseError:
        return 0


def seconds_until(expiry, longest: int) -> int:
    """`longest`, or less when `expiry` (None: never) comes sooner."""
    if expiry is None:
        return longest
    return min(longest, int((expiry - timezone.now()).total_seconds()))


def published_key(generation: str, name: str) -> str:
    return f"published:{generation}:{name}"


NO_EXPIRY = "none"


def kept_next_expiry():
    """`next_expiry()`, kept under the generation until it passes (at most PAGE_CACHE_SECONDS).

    Every stored page and value asks it: on ten thousand pages its query (no index on the expiry
    date in Wagtail's table) took longer than rendering a search result's twelve bylines. An expiry
    date changes only on a publish or an unpublish, which start a new generation; a kept date that
    has passed is asked again, as the next one is then another page's.
    """
    if not settings.PUBLISHED_VALUES_CACHED:
        return next_expiry()
    cache = publication_cache()
    try:
        key = published_key(current_generation(), "next-expiry")
        kept = cache.get(key)
    except CACHE_UNAVAILABLE:
        return next_expiry()
    if kept == NO_EXPIRY:
        return None
    if kept is not None and kept > timezone.now():
        return kept
    expiry = next_expiry()
    lifetime = seconds_until(expiry, settings.PAGE_CACHE_SECONDS)
    if lifetime > 0:
        with contextlib.suppress(*CACHE_UNAVAILABLE):
            cache.set(key, NO_EXPIRY if expiry is None else expiry, timeout=lifetime)
    return expiry


def cached_until_published(name: str, compute):
    """compute(), or what it returned under the current generation (`name` says what it is)."""
    return many_cached_until_published([name], lambda missing: [compute()])[0]


def many_cached_until_published(names: list[str], compute_missing) -> list:
    """The value of each of `names`, those kept under the current generation read in one go.

    compute_missing(indexes) returns the values of the names at those indexes that were not kept,
    in that order; they are stored for the next request.
    """
    everything = list(range(len(names)))
    if not settings.PUBLISHED_VALUES_CACHED:
        return compute_missing(everything)
    cache = publication_cache()
    try:
        generation = current_generation()
        keys = [published_key(generation, name) for name in names]
        found = cache.get_many(keys)
    except CACHE_UNAVAILABLE:
        return compute_missing(everything)
    values = [found.get(key, MISSING) for key in keys]
    missing = [index for index, value in enumerate(values) if value is MISSING]
    if not missing:
        return values
    for index, value in zip(missing, compute_missing(missing), strict=True):
        values[index] = value
    lifetime = seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS)
    if lifetime > 0:
        # Unstored, the values are still right: the next request computes them again.
        with contextlib.suppress(*CACHE_UNAVAILABLE):
            cache.set_many({keys[index]: values[index] for index in missing}, timeout=lifetime)
    return values
