"""The page cache's store without Redis: Django's file cache, culled once per batch of values.

Django's FileBasedCache lists its whole directory to decide whether to cull before every value it
stores; `set_many` stores one by one, so a page of twelve cards kept until the next publish
(articles/kept_parts.py) listed it twelve times (about 100 ms at a few thousand entries). Here a
batch is culled once, before its first value.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class BatchCulledFileCache(FileBasedCache):
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._createdir()
        self._cull()
        self._cull = skip_culling  # this instance only: each thread has its own
        try:
            return super().set_many(data, timeout=timeout, version=version)
        finally:
            del self._cull


def skip_culling():
    """The batch was culled before its first value."""
