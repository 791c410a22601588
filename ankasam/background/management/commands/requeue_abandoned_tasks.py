"""Put background tasks a killed worker left RUNNING back in the queue (background/abandoned.py)."""

from django.core.management.base import BaseCommand

from ankasam.background.abandoned import requeue_abandoned_tasks


class Command(BaseCommand):
    help = (
        "Queue again the tasks RUNNING for longer than TASKS_ABANDONED_AFTER_MINUTES (a worker was killed)."
    )

    def handle(self, *args, **options):
        requeued = requeue_abandoned_tasks()
        if options["verbosity"] > 1 or requeued:
            self.stdout.write(f"{requeued} abandoned task(s) queued again.")
