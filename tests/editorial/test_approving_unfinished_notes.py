"""A reviewer approving, from the dashboard, a piece whose notes do not match its text: refused
with the notes' problems, and nothing changes (issue 19: only publishing needs matching notes).

The dashboard's buttons post to Wagtail's workflow action view, not the edit view, so the edit
form's check does not run there; the page's own check refuses the publish.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import TaskState

from ankasam.articles.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_with_a_missing_note(client, team, write_article):
    article = write_article(team["contributor"], title="Caspian Gas", live=False)
    draft = article.get_latest_revision_as_object()
    first = draft.footnotes_en[0]
    draft.footnotes_en = [(first.block_type, first.value)]  # the text still refers to note 2
    draft.footnotes_may_be_inconsistent = True
    draft.save_revision(user=team["contributor"])
    client.force_login(team["contributor"])
    article = ArticlePage.objects.get(pk=article.pk)
    # The contributor submits the draft as it is: saving and submitting keep unfinished notes.
    article.get_workflow().start(article, team["contributor"])
    return ArticlePage.objects.get(pk=article.pk)


@pytest.mark.parametrize("modal", [False, True], ids=["button", "comment dialog"])
def test_approving_is_refused_with_the_problems_and_changes_nothing(
    client, team, submitted_with_a_missing_note, modal
):
    article = submitted_with_a_missing_note
    task_state = article.current_workflow_task_state
    client.force_login(team["editor"])
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if modal else {}

    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": "Fine."}, **headers)

    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    if modal:
        assert response.status_code == 200
        assert response.json() == {"step": "success", "redirect": edit_url}
    else:
        assert response.status_code == 302 and response.url == edit_url
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "cannot be approved" in message
    assert "[^2] refers to a note that does not exist" in message

    article.refresh_from_db()
    assert not article.live
    # The review goes on where it was: the task is still to do, with no approval recorded.
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert article.workflow_in_progress
