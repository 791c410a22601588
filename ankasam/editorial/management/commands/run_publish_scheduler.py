"""Publish and expire scheduled pages every minute, and look after the background tasks' queue.

Each round also queues again the tasks a killed worker left RUNNING (`requeue_abandoned_tasks`),
and once a day deletes old finished ones (django-tasks-db's `prune_db_task_results`). For
`make run` and `make serve`; production runs the three commands from timers instead
(docs/scheduled-publishing.md, docs/deployment.md): a loop inside the web server would stop with
it and run once per worker.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ankasam.background.queueing import queue_in_database

logger = logging.getLogger(__name__)

DAY = 24 * 60 * 60


class Command(BaseCommand):
    help = (
        "Run publish_scheduled and requeue_abandoned_tasks every --interval seconds, and "
        "prune_db_task_results daily, until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (60).")
        parser.add_argument("--times", type=int, default=0, help="Stop after this many runs (0: never).")
        parser.add_argument(
            "--prune-every",
            type=float,
            default=DAY,
            help="Seconds between prunings of finished tasks (a day).",
        )

    def handle(self, *args, interval, times, prune_every, **options):
        runs, next_pruning = 0, time.monotonic()
        while True:
            run_without_stopping("publish_scheduled")
            run_without_stopping("requeue_abandoned_tasks")
            if time.monotonic() >= next_pruning:
                prune_finished_tasks()
                next_pruning = time.monotonic() + prune_every
            runs += 1
            if times and runs >= times:
                return
            time.sleep(interval)


def prune_finished_tasks() -> None:
    """Finished rows of the task queue older than django-tasks-db's default (14 days) deleted.

    Only a database queue has rows: with another backend (the tests' immediate one) there is
    nothing to prune, and the command refuses it.
    """
    if queue_in_database():
        run_without_stopping("prune_db_task_results")


def run_without_stopping(command: str) -> None:
    try:
        call_command(command, verbosity=0)
    except Exception:
        # A database that is briefly away must not end the loop; the next round runs it again.
        logger.exception("%s failed; it runs again on the next round", command)
