"""Tasks for the tests of retries: module-level functions, as django-tasks requires."""

from django.core.mail.backends.base import BaseEmailBackend

from ankasam.background.queueing import retried_task

RUNS: list[str] = []


@retried_task(attempts=3)
def flaky(key: str, failures: int) -> str:
    """Fails its first `failures` runs for `key` (with a two-line message), then succeeds."""
    RUNS.append(key)
    run = RUNS.count(key)
    if run <= failures:
        raise OSError(f"mail server refused run {run}\nof {key}")
    return f"{key} done on run {run}"


class RefusingEmailBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("smtp.example.org:587 refused the connection")
