"""The database queue in tests: tasks stored as rows, run by django-tasks-db's own worker."""

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class DatabaseQueue:
    def run_due_tasks(self) -> int:
        """Run every task that is due, as `db_worker --batch` does; returns how many ran."""
        worker = db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        worker.run()
        return worker._run_tasks

    def let_time_pass(self) -> None:
        """Every waiting retry becomes due, without the test waiting for it."""
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())

    def rows(self, task_path: str | None = None):
        rows = DBTaskResult.objects.order_by("enqueued_at")
        return rows.filter(task_path=task_path) if task_path else rows


def use_database_queue(settings, monkeypatch) -> DatabaseQueue:
    settings.TASKS = DATABASE_BACKEND
    # Between tasks the worker closes connections outside autocommit, as stale; in a test the
    # connection is inside the test's transaction on purpose.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return DatabaseQueue()
