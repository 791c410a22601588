"""The index is updated by the worker after the change commits; until then the query hides the lag."""

import pytest
from django_tasks import TaskResultStatus

from ankasam.search.models import SearchEntry

from .conftest import text
from .test_visibility import titles

pytestmark = pytest.mark.django_db

UPDATE = "ankasam.search.tasks.update_search_entries"


def test_publishing_queues_the_articles_id_and_the_worker_indexes_it(write, database_queue):
    article = write(en=text("Caspian gas", "Gas flows west."), tr=text("Hazar gazı", "Gaz batıya akıyor."))

    assert not SearchEntry.objects.filter(page=article).exists()
    assert [row.args_kwargs["args"] for row in database_queue.rows(UPDATE)] == [[[article.pk]]]
    database_queue.run_due_tasks()

    assert sorted(SearchEntry.objects.filter(page=article).values_list("language", flat=True)) == ["en", "tr"]
    assert database_queue.rows(UPDATE).get().status == TaskResultStatus.SUCCESSFUL
    assert titles("gas", "en") == ["Caspian gas"]


def test_a_piece_withdrawn_before_the_worker_runs_is_not_found_meanwhile(write, database_queue):
    article = write(en=text("Caspian gas", "Gas flows west."))
    database_queue.run_due_tasks()

    article.unpublish()

    assert SearchEntry.objects.filter(page=article).exists(), "the worker has not run yet"
    assert titles("gas", "en") == []
    database_queue.run_due_tasks()
    assert not SearchEntry.objects.filter(page=article).exists()
