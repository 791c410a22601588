"""Every e-mail the site sends leaves through a background task.

`EMAIL_BACKEND` is `QueuedEmailBackend`: Wagtail's workflow and moderation notifications (the
"request changes" e-mail to the author among them), password resets and anything else built on
Django's mail API are queued once the transaction commits, and `deliver_email` sends them with
`EMAIL_DELIVERY_BACKEND` (SMTP in production). An SMTP outage then costs retries, not the e-mail:
Wagtail itself would log the failure and drop the message.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from .queueing import enqueue_on_commit, retried_task


def message_data(message) -> dict:
    """The message as JSON the queue can store."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise TypeError("Only file attachments (name, content, type) can be queued, not MIME parts.")
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def message_from(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@retried_task()
def deliver_email(data: dict) -> None:
    with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
        connection.send_messages([message_from(data)])


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for `deliver_email` instead of sending it during the request."""

    def send_messages(self, email_messages):
        for message in email_messages:
            enqueue_on_commit(deliver_email, message_data(message))
        return len(email_messages)
