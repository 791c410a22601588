"""Each role against each editorial action, through the admin's own views.

Every case checks the state the action leaves behind, not only the HTTP status: Wagtail often
answers a refused action with a redirect and a message, which a status check alone would miss.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import Topic

from . import admin_actions as admin

pytestmark = pytest.mark.django_db

# role: contributor, editor, translator, administrator
MATRIX = {
    "create": (True, True, False, False),
    "edit own": (True, True, True, False),
    "edit other's": (False, True, True, False),
    "submit": (True, True, True, False),
    "approve": (False, True, False, False),
    "publish": (False, True, False, False),
    "schedule": (False, True, False, False),
    "unpublish": (False, True, False, False),
    # Translators cannot create pages; one they own (handed over by an editor) they may delete.
    "delete own draft": (True, True, True, False),
    "delete published": (False, True, False, False),
    "delete other's draft": (False, True, False, False),
    "manage people": (False, True, False, False),
    "manage taxonomy": (False, True, False, False),
    "manage users": (False, False, False, True),
}
ROLE_ORDER = ("contributor", "editor", "translator", "administrator")
CASES = [
    pytest.param(action, role, allowed[i], id=f"{role}-{action}")
    for action, allowed in MATRIX.items()
    for i, role in enumerate(ROLE_ORDER)
]


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def title_change(role, article):
    """A change the role's user could make: translators are restricted to Turkish."""
    if role == "translator":
        return {"title_tr": "Yeni başlık"}, lambda: latest(article).title_tr == "Yeni başlık"
    return {"title_en": "A new title"}, lambda: latest(article).title_en == "A new title"


def do_create(client, user, role, team, write_article, article_index, author, people_index):
    admin.create_article(client, article_index, author, "Brand New Piece")
    return ArticlePage.objects.filter(title_en="Brand New Piece").exists()


def do_edit_own(client, user, role, team, write_article, *fixtures):
    article = write_article(user, live=False)
    changes, changed = title_change(role, article)
    admin.edit_article(client, article, **changes)
    return changed()


def do_edit_others(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=False)
    changes, changed = title_change(role, article)
    admin.edit_article(client, article, **changes)
    return changed()


def do_submit(client, user, role, team, write_article, *fixtures):
    article = write_article(user, live=False)
    changes, _changed = title_change(role, article)
    admin.submit_for_review(client, article, **changes)
    return ArticlePage.objects.get(pk=article.pk).workflow_in_progress


def do_approve(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=False)
    article.get_workflow().start(article, team["other_contributor"])
    admin.workflow_action(client, ArticlePage.objects.get(pk=article.pk), "approve", "Fine.")
    return ArticlePage.objects.get(pk=article.pk).live


def do_publish(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=False)
    admin.publish(client, article)
    return ArticlePage.objects.get(pk=article.pk).live


def do_schedule(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=False)
    go_live = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    admin.publish(client, article, go_live_at=go_live)
    article = ArticlePage.objects.get(pk=article.pk)
    return not article.live and article.scheduled_revision is not None


def do_unpublish(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=True)
    admin.unpublish(client, article)
    return not ArticlePage.objects.get(pk=article.pk).live


def do_delete_own_draft(client, user, role, team, write_article, *fixtures):
    article = write_article(user, live=False)
    admin.delete(client, article)
    return not Page.objects.filter(pk=article.pk).exists()


def do_delete_published(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=True)
    admin.delete(client, article)
    return not Page.objects.filter(pk=article.pk).exists()


def do_delete_others_draft(client, user, role, team, write_article, *fixtures):
    article = write_article(team["other_contributor"], live=False)
    admin.delete(client, article)
    return not Page.objects.filter(pk=article.pk).exists()


def do_manage_people(client, user, role, team, write_article, article_index, author, people_index):
    url = reverse("wagtailadmin_pages:add", args=("people", "personpage", people_index.pk))
    fields = {"title_en": "Deniz Aksoy", "slug_en": "deniz-aksoy", "links": "[]"}
    client.post(url, nested_form_data({**fields, "links": {"count": "0"}}))
    return PersonPage.objects.filter(title_en="Deniz Aksoy").exists()


def do_manage_taxonomy(client, *args):
    url = reverse("wagtailsnippets_taxonomy_topic:add")
    client.post(url, {"name_en": "Water security", "slug_en": "water-security"})
    return Topic.objects.filter(slug_en="water-security").exists()


def do_manage_users(client, *args):
    url = reverse("wagtailusers_users:add")
    client.post(
        url,
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    return get_user_model().objects.filter(username="newcomer").exists()


ACTIONS = {
    "create": do_create,
    "edit own": do_edit_own,
    "edit other's": do_edit_others,
    "submit": do_submit,
    "approve": do_approve,
    "publish": do_publish,
    "schedule": do_schedule,
    "unpublish": do_unpublish,
    "delete own draft": do_delete_own_draft,
    "delete published": do_delete_published,
    "delete other's draft": do_delete_others_draft,
    "manage people": do_manage_people,
    "manage taxonomy": do_manage_taxonomy,
    "manage users": do_manage_users,
}


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_role_action(client, team, write_article, article_index, author, people_index, action, role, allowed):
    user = team[role]
    client.force_login(user)

    done = ACTIONS[action](client, user, role, team, write_article, article_index, author, people_index)

    assert done is allowed, f"{role} {'could not' if allowed else 'could'} {action}"


def test_every_action_in_the_matrix_is_exercised():
    assert set(MATRIX) == set(ACTIONS)
