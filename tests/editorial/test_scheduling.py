"""Go-live (embargo) and expiry dates, and the commands that act on them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from ankasam.articles.models import ArticlePage

from . import admin_actions as admin

pytestmark = pytest.mark.django_db


def in_three_days() -> str:
    return (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")


def fresh(article):
    return ArticlePage.objects.get(pk=article.pk)


def make_due(article):
    """As if the go-live date had passed: the scheduled revision's dates move into the past."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])


def test_an_embargoed_piece_appears_only_when_its_time_comes(client, team, write_article):
    article = write_article(team["contributor"], title="Embargoed Gas", live=False)
    client.force_login(team["editor"])
    admin.publish(client, article, go_live_at=in_three_days())

    assert not fresh(article).live
    assert "Embargoed Gas" not in client.get("/en/analyses/").content.decode()

    call_command("publish_scheduled")
    assert not fresh(article).live, "published before its go-live date"

    make_due(article)
    call_command("publish_scheduled")
    assert fresh(article).live
    assert "Embargoed Gas" in client.get("/en/analyses/").content.decode()


def test_an_embargo_set_by_the_author_holds_through_review(client, team, write_article):
    article = write_article(team["contributor"], title="Embargoed Gas", live=False)
    client.force_login(team["contributor"])
    admin.submit_for_review(client, article, go_live_at=in_three_days())

    client.force_login(team["editor"])
    admin.workflow_action(client, fresh(article), "approve")

    article = fresh(article)
    assert not article.live
    assert article.scheduled_revision is not None


def test_an_expired_piece_leaves_at_once_and_is_unpublished_by_the_command(client, team, write_article):
    article = write_article(team["editor"], title="Short-lived Gas", live=True)
    url = article.get_url()
    assert client.get(url).status_code == 200

    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    # Before the timer has run, the page is still live in the database but no longer shown.
    assert fresh(article).live
    assert client.get(url).status_code == 404
    assert "Short-lived Gas" not in client.get("/en/analyses/").content.decode()

    call_command("publish_scheduled")
    article = fresh(article)
    assert not article.live and article.expired


def test_the_development_scheduler_runs_publish_scheduled(client, team, write_article):
    article = write_article(team["contributor"], live=False)
    client.force_login(team["editor"])
    admin.publish(client, article, go_live_at=in_three_days())
    make_due(article)

    call_command("run_publish_scheduler", times=1, interval=0)

    assert fresh(article).live
