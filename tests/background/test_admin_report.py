"""*Reports → Background tasks*: administrators see the queue's failed and recent tasks."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django_tasks import TaskResultStatus

from ankasam.core.roles import ADMINISTRATORS, EDITORS

from . import sample_tasks
from .sample_tasks import flaky

pytestmark = pytest.mark.django_db

REPORT = "background_tasks_report"


def member_of(group: str):
    user = get_user_model().objects.create_user(group.lower(), email=f"{group.lower()}@example.org")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def failed_for_good(database_queue):
    sample_tasks.RUNS.clear()
    flaky.enqueue("weekly report", 99)
    for _attempt in range(3):
        database_queue.run_due_tasks()
        database_queue.let_time_pass()
    flaky.enqueue("daily report", 0)
    database_queue.run_due_tasks()
    return database_queue.rows("tests.background.sample_tasks.flaky").filter(status=TaskResultStatus.FAILED)


def test_an_administrator_sees_a_failed_task_with_its_attempt_and_error(client, failed_for_good):
    client.force_login(member_of(ADMINISTRATORS))

    everything = client.get(reverse(REPORT))
    failed = client.get(reverse(REPORT), {"status": "FAILED"})

    assert everything.status_code == failed.status_code == 200
    assert len(everything.context["object_list"]) == 4
    rows = list(failed.context["object_list"])
    assert {row.pk for row in rows} == set(failed_for_good.values_list("pk", flat=True))
    html = failed.content.decode()
    assert "flaky" in html
    assert "3 of 3" in html and "1 of 3" in html
    assert "OSError: mail server refused run 3 of weekly report" in html
    assert "Failed: 3" in html and "Successful: 1" in html
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in home


def test_an_editor_neither_sees_nor_opens_the_report(client, failed_for_good):
    client.force_login(member_of(EDITORS))

    response = client.get(reverse(REPORT))
    home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert response.status_code in (302, 403)
    assert "weekly report" not in response.content.decode()
    assert reverse(REPORT) not in home
