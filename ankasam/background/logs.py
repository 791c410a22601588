"""django-tasks logs each failed task with its traceback; for a retried task that is said already.

`retried_task` logs every failure in one line (task, attempt, result id, error), and the
traceback is kept with the task in the database (*Reports → Background tasks*), so django-tasks'
own many-line record of the same failure is left out. Tasks not declared with `retried_task`
(Wagtail's) keep it. Named in settings.LOGGING; imports nothing at configuration time.
"""

import logging


class RetriedTaskFailuresLoggedOnce(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        # django_tasks.signals.log_task_finished: "Task id=%s path=%s state=%s".
        if record.levelno < logging.ERROR or len(args) != 3 or str(args[2]) != "FAILED":
            return True
        from .queueing import RETRIED_TASK_PATHS

        return args[1] not in RETRIED_TASK_PATHS
