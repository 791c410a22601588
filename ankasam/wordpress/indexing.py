"""Wagtail's search index, written once at the end of an import instead of on every save.

Wagtail (through modelsearch) indexes an object on each save of an indexed model. On PostgreSQL
each of those writes also recomputes the average title length over the whole index
(`_refresh_title_norms`), two scans of the index table per save, so importing n pieces read the
index about n times over: the 2 000-group benchmark slowed from 11 to 9 posts/s and spent most of
its reads on that table. During an import the saves are noted instead, and the saved objects are
indexed in bulk at the end, inside the import's transaction, so a failed or dry run leaves the
index as it leaves every other table.
"""

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler

# Small enough that a chunk of articles, each with three languages of body, adds only a few MiB;
# on PostgreSQL each chunk rescans the index once (title norms), which stays cheap at this size.
CHUNK = 25
COLLECT_EVERY_CHUNKS = 4


def auto_updated_models() -> list[type]:
    """The models modelsearch indexes on save (the same rule as its `register_signal_handlers`)."""
    return [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]


@contextmanager
def search_indexing_deferred() -> Iterator[dict[type, set]]:
    """Note what is saved instead of indexing it; yields {model: primary keys} for `index_saved`.

    Wagtail's handlers are back in place when the block ends, whether it raised or not.
    """
    saved: dict[type, set] = defaultdict(set)

    def note_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    models = auto_updated_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(note_saved, sender=model, weak=False)
    try:
        yield saved
    finally:
        for model in models:
            post_save.disconnect(note_saved, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)


def index_saved(saved: dict[type, set]) -> int:
    """Index the noted objects, a chunk at a time per model; returns how many were indexed."""
    backends = list(get_search_backends(with_auto_update=True))
    indexed = 0
    for model, keys in saved.items():
        keys = sorted(keys)
        for start in range(0, len(keys), CHUNK):
            objects = model.get_indexed_objects().filter(pk__in=keys[start : start + CHUNK])
            by_model = defaultdict(list)
            for obj in objects:
                # A page saved as its base class is indexed as its own type, as modelsearch does.
                specific = obj.get_indexed_instance()
                if specific is not None:
                    by_model[type(specific)].append(specific)
            for indexed_model, chunk in by_model.items():
                for backend in backends:
                    backend.add_bulk(indexed_model, chunk)
                indexed += len(chunk)
            # Loaded pages hold reference cycles; without this every chunk would stay in memory
            # until Python's collector next ran, and the peak would grow with the export. A full
            # collection walks every object of the process, so it runs every few chunks.
            del objects, by_model
            if (start // CHUNK) % COLLECT_EVERY_CHUNKS == COLLECT_EVERY_CHUNKS - 1:
                gc.collect()
    return indexed
