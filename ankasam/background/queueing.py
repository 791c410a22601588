"""Background work: queued once the transaction commits, retried when it fails.

Every task of the project is declared with `retried_task` and queued with `enqueue_on_commit`.
django-tasks runs a task once; here a task that raises is logged in one line, queued again
after a growing delay (30 s, 2 min, 8 min) and, after its last attempt, left FAILED in the
queue, where *Reports → Background tasks* lists it. Each attempt is a row of its own in the
database queue: the kwarg `_attempt` says which one it is.
"""

import datetime
import functools
import logging

from django.db.transaction import on_commit
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_RETRY_DELAY = datetime.timedelta(seconds=30)
BACKOFF_FACTOR = 4
ATTEMPT_KWARG = "_attempt"
# Module paths of the tasks declared below, whose failures need no second log record (logs.py).
RETRIED_TASK_PATHS: set[str] = set()


def queue_in_database() -> bool:
    """Whether tasks are rows of the database queue (not run at once, as in the tests)."""
    return isinstance(task_backends["default"], DatabaseBackend)


def retry_delay(failed_attempt: int) -> datetime.timedelta:
    """How long to wait after the given attempt (1 for the first) failed."""
    return FIRST_RETRY_DELAY * BACKOFF_FACTOR ** (failed_attempt - 1)


def one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def retried_task(*, attempts: int = ATTEMPTS, priority: int = 0):
    """`@task` whose failures are retried with backoff, up to `attempts` runs in all.

    A task that writes to the database uses a transaction of its own where it needs one: a whole
    attempt in one would hold SQLite's lock through a PDF's seconds of rendering.
    """

    def decorate(func):
        @functools.wraps(func)
        def run(context, *args, _attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as error:
                after_failure(queued, context.task_result.id, args, kwargs, _attempt, error)
                raise

        # django-tasks reads the signature to find `context`; the wrapped function has none.
        del run.__wrapped__
        run.attempts = attempts
        queued = task(run, priority=priority, takes_context=True)
        RETRIED_TASK_PATHS.add(queued.module_path)
        return queued

    return decorate


def after_failure(queued, result_id, args, kwargs, attempt: int, error: Exception) -> None:
    """Log the failure in one line and queue the next attempt, unless this was the last."""
    attempts = queued.func.attempts
    name = queued.module_path
    if attempt >= attempts:
        logger.error(
            "Task %s failed for good (attempt %d of %d, result %s): %s",
            name,
            attempt,
            attempts,
            result_id,
            one_line(error),
        )
        return
    delay = retry_delay(attempt)
    logger.warning(
        "Task %s failed (attempt %d of %d, result %s), next attempt in %d s: %s",
        name,
        attempt,
        attempts,
        result_id,
        delay.total_seconds(),
        one_line(error),
    )
    again = queued
    # The immediate backend (tests) cannot wait: it runs the next attempt at once.
    if queued.get_backend().supports_defer:
        again = queued.using(run_after=timezone.now() + delay)
    try:
        again.enqueue(*args, **{**kwargs, ATTEMPT_KWARG: attempt + 1})
    except Exception as queue_error:
        logger.error("Task %s could not be queued again: %s", name, one_line(queue_error))


def enqueue_now(queued, args, kwargs) -> None:
    try:
        queued.enqueue(*args, **kwargs)
    except Exception as error:
        # After the commit nobody is left to tell: the change is saved, its follow-up work is not.
        logger.error("Task %s could not be queued: %s", queued.module_path, one_line(error))


def enqueue_on_commit(queued, *args, **kwargs) -> None:
    """Queue the task once the current transaction commits (at once outside one); never on rollback.

    A worker can then read what the transaction wrote, whatever the task backend.
    """
    on_commit(functools.partial(enqueue_now, queued, args, kwargs))
