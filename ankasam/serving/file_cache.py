"""The page cache's store without Redis: Django's file cache, culled once per batch of values.

Django's FileBasedCache lists its whole directory to decide whether to cull before every value it
stores; `set_many` stores one by one, so a page of twelve cards kept until the next publish
(articles/kept_parts.py) listed it twelve times (about 100 ms at a few thousand entries). Here a
batch is culled once, before its first value.

Culling deletes a random share of the files, but never the publication generation's
(core/published.py): it is one file among thousands, and deleting it starts every stored page and
kept value again.
"""

import random

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

from ankasam.core.published import GENERATION_KEY


class BatchCulledFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._never_culled = frozenset({self._key_to_file(GENERATION_KEY)})

    def _cull(self):
        # FileBasedCache._cull, but choosing only among the files that may go.
        filelist = self._list_cache_files()
        if len(filelist) < self._max_entries:
            return
        if self._cull_frequency == 0:
            return self.clear()
        may_go = [name for name in filelist if name not in self._never_culled]
        for name in random.sample(may_go, min(len(may_go), len(filelist) // self._cull_frequency)):
            self._delete(name)

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
