"""The search index is updated by the worker, with the ids of the articles a change concerns."""

from ankasam.background.queueing import enqueue_on_commit, retried_task

from .indexing import index_articles


@retried_task()
def update_search_entries(page_ids: list[int]) -> int:
    """Rebuild these articles' entries from what readers may see when the task runs."""
    return index_articles(page_ids)


def queue_search_update(page_ids) -> None:
    page_ids = sorted(set(page_ids))
    if page_ids:
        enqueue_on_commit(update_search_entries, page_ids)
