"""Every e-mail leaves through a task: queued with the transaction, delivered by the worker."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django_tasks import TaskResultStatus

from ankasam.background.mail import message_data, message_from

DELIVER = "ankasam.background.mail.deliver_email"

pytestmark = pytest.mark.django_db


def test_an_email_waits_in_the_queue_until_the_worker_delivers_it(database_queue):
    send_mail("Changes requested", "Please give a source.", "desk@example.org", ["author@example.org"])

    assert mail.outbox == []
    (queued,) = database_queue.rows(DELIVER)
    assert queued.status == TaskResultStatus.READY

    assert database_queue.run_due_tasks() == 1

    (delivered,) = mail.outbox
    assert (delivered.subject, delivered.body) == ("Changes requested", "Please give a source.")
    assert (delivered.from_email, delivered.to) == ("desk@example.org", ["author@example.org"])


def test_a_refused_delivery_is_retried(database_queue, settings):
    settings.EMAIL_DELIVERY_BACKEND = "tests.background.sample_tasks.RefusingEmailBackend"
    send_mail("Changes requested", "Please give a source.", None, ["author@example.org"])

    database_queue.run_due_tasks()

    first, retry = database_queue.rows(DELIVER)
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"] == first.args_kwargs["args"]

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    database_queue.let_time_pass()
    database_queue.run_due_tasks()

    assert [message.subject for message in mail.outbox] == ["Changes requested"]


def test_what_a_message_holds_survives_the_queue():
    message = EmailMultiAlternatives(
        "Subject",
        "Text",
        "desk@example.org",
        ["a@example.org"],
        cc=["c@example.org"],
        bcc=["b@example.org"],
        reply_to=["r@example.org"],
        headers={"X-Workflow": "review"},
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("notes.txt", b"\xc3\xa7ok", "text/plain")

    copy = message_from(message_data(message))

    assert message_data(copy) == message_data(message)
    assert copy.message().as_bytes().count(b"X-Workflow: review") == 1
