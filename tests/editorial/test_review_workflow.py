"""A piece's way through "Editorial review", through the admin's views, with the e-mails it sends."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from ankasam.articles.models import ArticlePage

from . import admin_actions as admin

pytestmark = pytest.mark.django_db


def fresh(article):
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def submitted(client, team, write_article):
    """A contributor's draft, submitted for review."""
    article = write_article(team["contributor"], title="Caspian Gas", live=False)
    client.force_login(team["contributor"])
    response = admin.submit_for_review(client, article)
    assert response.status_code == 302
    return fresh(article)


def test_the_article_index_uses_editorial_review(article_index, write_article, team):
    article = write_article(team["contributor"], live=False)

    assert article.get_workflow().name == "Editorial review"
    assert [task.name for task in article.get_workflow().tasks] == ["Editor review"]


def test_submitting_notifies_the_editors_and_puts_the_piece_on_their_dashboard(client, submitted, team):
    assert submitted.workflow_in_progress
    assert not submitted.live
    assert any(team["editor"].email in message.to for message in mail.outbox)

    client.force_login(team["editor"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert "Caspian Gas" in dashboard


def test_a_contributor_cannot_edit_while_the_piece_is_in_review(client, submitted):
    admin.edit_article(client, submitted, title_en="Sneaked in")

    assert fresh(submitted).get_latest_revision_as_object().title_en == "Caspian Gas"


def test_requesting_changes_tells_the_author_with_the_comment(client, submitted, team):
    mail.outbox.clear()
    client.force_login(team["editor"])

    admin.workflow_action(client, submitted, "reject", "Please give a source for the 2030 figure.")

    article = fresh(submitted)
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = [m for m in mail.outbox if team["contributor"].email in m.to]
    assert "Please give a source for the 2030 figure." in message.body


def test_the_author_fixes_resubmits_and_the_editor_approves(client, submitted, team):
    client.force_login(team["editor"])
    admin.workflow_action(client, submitted, "reject", "Please give a source.")

    client.force_login(team["contributor"])
    response = admin.submit_for_review(client, fresh(submitted), title_en="Caspian Gas, sourced")
    assert response.status_code == 302
    resubmitted = fresh(submitted)
    assert resubmitted.workflow_in_progress
    assert resubmitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    client.force_login(team["editor"])
    admin.workflow_action(client, resubmitted, "approve", "Good to go.")

    published = fresh(submitted)
    assert published.live
    assert published.title_en == "Caspian Gas, sourced"
    assert not published.workflow_in_progress
    assert any(team["contributor"].email in m.to for m in mail.outbox)


def test_the_audit_log_records_each_step(client, submitted, team):
    client.force_login(team["editor"])
    admin.workflow_action(client, submitted, "approve", "Good to go.")

    history = client.get(reverse("wagtailadmin_pages:history", args=(submitted.pk,)))

    assert history.status_code == 200
    actions = set(PageLogEntry.objects.filter(page=submitted).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    html = history.content.decode()
    assert "Approved" in html and "Published" in html


def test_translators_changes_go_through_review_too(client, team, write_article):
    article = write_article(team["editor"], live=True)
    client.force_login(team["translator"])

    admin.submit_for_review(client, article, title_tr="Hazar Gazı")

    article = fresh(article)
    assert article.workflow_in_progress
    assert article.title_tr == "Caspian Gas (tr)"  # the live text is unchanged until approved
    client.force_login(team["editor"])
    admin.workflow_action(client, article, "approve")
    assert fresh(article).title_tr == "Hazar Gazı"


def test_the_request_changes_email_waits_for_the_worker(client, submitted, team, database_queue):
    mail.outbox.clear()
    client.force_login(team["editor"])

    admin.workflow_action(client, submitted, "reject", "Please give a source for the 2030 figure.")

    assert mail.outbox == [], "the editor's request does not wait for the mail server"
    queued = database_queue.rows("ankasam.background.mail.deliver_email")
    assert any(team["contributor"].email in row.args_kwargs["args"][0]["to"] for row in queued)
    database_queue.run_due_tasks()
    (message,) = [m for m in mail.outbox if team["contributor"].email in m.to]
    assert "Please give a source for the 2030 figure." in message.body
