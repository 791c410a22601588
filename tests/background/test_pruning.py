"""Finished background tasks are pruned daily by the development and `make serve` scheduler."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from .sample_tasks import flaky

pytestmark = pytest.mark.django_db


def finished(result, days_ago: int, status=TaskResultStatus.SUCCESSFUL):
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, finished_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return result.id


def test_the_scheduler_prunes_finished_tasks_older_than_two_weeks(database_queue):
    finished(flaky.enqueue("old report", 0), days_ago=15)
    finished(flaky.enqueue("old failure", 99), days_ago=30, status=TaskResultStatus.FAILED)
    recent = finished(flaky.enqueue("recent report", 0), days_ago=2)
    waiting = flaky.enqueue("waiting report", 0).id

    call_command("run_publish_scheduler", times=1, interval=0)

    remaining = set(database_queue.rows().values_list("id", flat=True))
    assert {str(pk) for pk in remaining} == {str(recent), str(waiting)}


def test_without_a_database_queue_the_scheduler_has_nothing_to_prune_and_logs_no_error(caplog):
    call_command("run_publish_scheduler", times=1, interval=0)

    assert not [record for record in caplog.records if record.levelname == "ERROR"]
