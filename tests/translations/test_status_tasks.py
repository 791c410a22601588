"""The status report is refreshed by the worker after each save, from the page's latest revision."""

import pytest
from django_tasks import TaskResultStatus

from ankasam.translations.models import TranslationStatus
from ankasam.translations.tasks import refresh_translation_statuses

from .admin_forms import edit, latest_text
from .test_status import new_english_body, report_statuses

pytestmark = pytest.mark.django_db

REFRESH = "ankasam.translations.tasks.refresh_translation_statuses"


def test_an_edit_queues_a_refresh_that_the_worker_applies(client, article, admin_user, database_queue):
    client.force_login(admin_user)

    assert edit(client, article, body_en=new_english_body()).status_code == 302

    assert report_statuses(article)["tr"] == "up_to_date", "not refreshed before the worker runs"
    queued = database_queue.rows(REFRESH).filter(status=TaskResultStatus.READY)
    assert {row.args_kwargs["args"][0] for row in queued} == {article.pk}
    database_queue.run_due_tasks()
    assert report_statuses(article)["tr"] == "outdated"
    assert latest_text(article).translation_statuses()["tr"] == "outdated"


def test_a_page_deleted_before_the_worker_runs_is_skipped(article):
    page_id = article.pk
    article.delete()

    assert refresh_translation_statuses.enqueue(page_id).return_value is False
    assert not TranslationStatus.objects.filter(page_id=page_id).exists()
