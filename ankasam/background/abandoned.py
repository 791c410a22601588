"""Tasks a worker started and never finished, put back in the queue.

django-tasks-db marks a row RUNNING when a worker claims it and never looks at it again: a worker
killed in the middle of a task (SIGKILL, its machine lost, the database gone before the result
was saved) leaves it RUNNING for ever, and what it was doing (a review notification, a PDF) never
happens. A stopped worker finishes its task first (SIGTERM), so a row RUNNING for longer than any
task takes (`TASKS_ABANDONED_AFTER_MINUTES`; a PDF takes seconds) was abandoned: it is put back as
READY and a worker runs it again. Such a task may then have run twice (a mail sent twice), which
is better than never.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus

from .queueing import queue_in_database

logger = logging.getLogger(__name__)


def requeue_abandoned_tasks() -> int:
    """Put RUNNING rows started longer ago than the limit back in the queue; how many there were."""
    if not queue_in_database():
        return 0  # another backend (the tests' immediate one) keeps no rows
    from django_tasks_db.models import DBTaskResult

    limit = datetime.timedelta(minutes=settings.TASKS_ABANDONED_AFTER_MINUTES)
    abandoned = DBTaskResult.objects.running().filter(started_at__lt=timezone.now() - limit)
    requeued = 0
    for row in abandoned.only("id", "task_path", "started_at", "worker_ids"):
        # Only if still RUNNING: its worker may have finished it since.
        if DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        ):
            requeued += 1
            logger.warning(
                "Task %s (%s) started at %s by worker %s never finished: queued again",
                row.task_path,
                row.pk,
                row.started_at.isoformat(),
                row.worker_ids[-1] if row.worker_ids else "?",
            )
    return requeued
