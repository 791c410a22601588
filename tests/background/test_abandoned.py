"""A task a killed worker left RUNNING is queued again and run (background/abandoned.py)."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from .sample_tasks import flaky

pytestmark = pytest.mark.django_db


def claimed(result, minutes_ago: int):
    """The row as a worker leaves it when it is killed `minutes_ago` minutes into the task."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        worker_ids=["killed-worker"],
    )
    return DBTaskResult.objects.get(pk=result.id)


def test_a_task_left_running_past_the_limit_is_queued_again_and_run(database_queue, caplog):
    row = claimed(flaky.enqueue("review notification", 0), minutes_ago=31)

    with caplog.at_level(logging.WARNING, logger="ankasam.background.abandoned"):
        call_command("requeue_abandoned_tasks")

    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY
    assert "tests.background.sample_tasks.flaky" in caplog.text and "killed-worker" in caplog.text
    assert database_queue.run_due_tasks() == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL


def test_a_task_still_within_the_limit_is_left_to_its_worker(database_queue, settings):
    settings.TASKS_ABANDONED_AFTER_MINUTES = 30
    row = claimed(flaky.enqueue("pdf", 0), minutes_ago=29)

    call_command("requeue_abandoned_tasks")

    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING
    assert database_queue.run_due_tasks() == 0


def test_the_development_scheduler_queues_abandoned_tasks_again(database_queue):
    row = claimed(flaky.enqueue("mail", 0), minutes_ago=45)

    call_command("run_publish_scheduler", times=1, interval=0)

    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY
