"""The page cache's file store culls once per batch of values (serving/file_cache.py)."""

from ankasam.core.published import GENERATION_KEY
from ankasam.serving.file_cache import BatchCulledFileCache


def store(tmp_path, max_entries):
    return BatchCulledFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_a_batch_lists_the_directory_once_and_keeps_every_value(tmp_path, monkeypatch):
    cache = store(tmp_path, max_entries=1000)
    listings = []
    listing = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or listing())

    cache.set_many({f"card:{n}": f"<article>{n}</article>" for n in range(12)})

    assert len(listings) == 1
    assert cache.get_many([f"card:{n}" for n in range(12)]) == {
        f"card:{n}": f"<article>{n}</article>" for n in range(12)
    }


def test_a_full_store_is_still_culled_before_a_batch_and_culls_each_single_value_again(tmp_path):
    cache = store(tmp_path, max_entries=4)
    cache.set_many({f"old:{n}": n for n in range(4)})

    cache.set_many({"new:1": 1, "new:2": 2})
    assert len(cache._list_cache_files()) < 6
    cache.set("single", 1)  # culling is back for single values once a batch is stored

    assert len(cache._list_cache_files()) <= 5
    assert cache.get("single") == 1


def test_culling_never_deletes_the_publication_generation(tmp_path):
    cache = BatchCulledFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 1}})
    cache.set(GENERATION_KEY, "g1", timeout=None)
    cache.set_many({f"card:{n}": n for n in range(3)})

    cache.set_many({"card:new": 1})  # a full store: every file that may go goes
    cache.set("route:/en/", 2)

    assert cache.get(GENERATION_KEY) == "g1"
    assert cache.get("card:0") is None
    assert cache.get("route:/en/") == 2
