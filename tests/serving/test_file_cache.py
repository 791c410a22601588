"""The page cache's file store culls once per batch of values (serving/file_cache.py)."""

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
