"""A task that raises is logged in one line, queued again after a growing delay, and left FAILED."""

import datetime
import logging

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.backends.dummy import DummyBackend

from ankasam.background import queueing
from ankasam.background.queueing import ATTEMPT_KWARG, enqueue_on_commit, retry_delay

from . import sample_tasks
from .sample_tasks import flaky

FLAKY = "tests.background.sample_tasks.flaky"


@pytest.fixture(autouse=True)
def no_runs_yet():
    sample_tasks.RUNS.clear()


def failure_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == queueing.__name__]


def tracebacks_logged(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.exc_info or "\n" in record.getMessage()]


def assert_one_line_each(records, attempts):
    for record, attempt in zip(records, attempts, strict=True):
        message = record.getMessage()
        assert "\n" not in message and record.exc_info is None, message
        assert f"Task {FLAKY} failed" in message
        assert f"(attempt {attempt} of 3" in message
        assert f"OSError: mail server refused run {attempt} of" in message


# With the immediate backend of the test settings: retries run at once, one inside the other.


def test_a_task_failing_twice_then_succeeding_succeeds_on_its_third_attempt(caplog):
    flaky.enqueue("report", 2)

    assert sample_tasks.RUNS == ["report"] * 3
    records = failure_lines(caplog)
    assert [record.levelno for record in records] == [logging.WARNING] * 2
    assert_one_line_each(records, [1, 2])


def test_a_task_that_always_fails_stops_after_its_last_attempt(caplog):
    result = flaky.enqueue("report", 99)

    assert result.status == TaskResultStatus.FAILED
    assert sample_tasks.RUNS == ["report"] * 3
    records = failure_lines(caplog)
    assert [record.levelno for record in records] == [logging.WARNING, logging.WARNING, logging.ERROR]
    assert "failed for good" in records[-1].getMessage()
    assert_one_line_each(records, [1, 2, 3])


# With the database queue and its worker, as in production.


def test_on_the_database_queue_each_retry_waits_longer_then_the_task_succeeds(database_queue):
    flaky.enqueue("report", 2)

    for attempt in (1, 2):
        before = timezone.now()
        assert database_queue.run_due_tasks() == 1
        assert database_queue.run_due_tasks() == 0, "the retry waits for its time"
        waiting = database_queue.rows(FLAKY).get(status=TaskResultStatus.READY)
        assert waiting.args_kwargs["kwargs"] == {ATTEMPT_KWARG: attempt + 1}
        assert before + retry_delay(attempt) <= waiting.run_after <= timezone.now() + retry_delay(attempt)
        database_queue.let_time_pass()
    assert database_queue.run_due_tasks() == 1

    rows = list(database_queue.rows(FLAKY))
    assert [row.status for row in rows] == [TaskResultStatus.FAILED] * 2 + [TaskResultStatus.SUCCESSFUL]
    assert rows[-1].return_value == "report done on run 3"
    assert retry_delay(2) == 4 * retry_delay(1)


def test_on_the_database_queue_the_last_failure_stays_failed_with_its_error(database_queue, caplog):
    flaky.enqueue("report", 99)

    for _attempt in range(3):
        assert database_queue.run_due_tasks() == 1
        database_queue.let_time_pass()
    assert database_queue.run_due_tasks() == 0

    rows = list(database_queue.rows(FLAKY))
    assert [row.status for row in rows] == [TaskResultStatus.FAILED] * 3
    assert [row.args_kwargs["kwargs"].get(ATTEMPT_KWARG, 1) for row in rows] == [1, 2, 3]
    assert rows[-1].exception_class_path == "builtins.OSError"
    assert "mail server refused run 3" in rows[-1].traceback
    records = failure_lines(caplog)
    assert_one_line_each(records, [1, 2, 3])
    assert f"result {rows[-1].id}" in records[-1].getMessage()
    assert tracebacks_logged(caplog) == [], "django-tasks' own traceback record is left out"


# Queued on commit


@pytest.fixture
def dummy_queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    # Django's own on_commit, not the emulation of tests/commits.py: this is what production runs.
    monkeypatch.setattr(queueing, "on_commit", transaction.on_commit)
    return default_task_backend


@pytest.mark.django_db
def test_a_task_is_queued_when_the_transaction_commits_and_never_on_rollback(
    dummy_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as committed:
        enqueue_on_commit(flaky, "report", 0)
        assert dummy_queue.results == [], "nothing is queued before the commit"
    assert len(committed) == 1
    assert [(result.task.module_path, result.args) for result in dummy_queue.results] == [
        (FLAKY, ["report", 0])
    ]

    with (
        django_capture_on_commit_callbacks(execute=True) as committed,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_on_commit(flaky, "rolled back", 0)
        raise RuntimeError
    assert committed == []
    assert len(dummy_queue.results) == 1


@pytest.mark.django_db
def test_a_task_that_cannot_be_queued_is_logged(
    dummy_queue, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def refuse(self, task, args, kwargs):
        raise ConnectionError("the queue's database is down")

    monkeypatch.setattr(DummyBackend, "enqueue", refuse)

    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(flaky, "report", 0)

    (record,) = failure_lines(caplog)
    assert record.levelno == logging.ERROR
    assert record.getMessage() == (
        f"Task {FLAKY} could not be queued: ConnectionError: the queue's database is down"
    )


def test_the_delay_grows_fourfold_from_thirty_seconds():
    assert [retry_delay(attempt) for attempt in (1, 2, 3)] == [
        datetime.timedelta(seconds=30),
        datetime.timedelta(minutes=2),
        datetime.timedelta(minutes=8),
    ]
