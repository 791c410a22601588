"""Every change readers could see clears the page cache; changes they cannot see leave it alone."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticlePage
from ankasam.identity.models import SiteIdentity
from ankasam.taxonomy.models import Tag

from ..articles.factories import create_article
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(article_index, people_index, page_cache_on):
    topic = TopicFactory(name_en="Energy", slug="energy")
    author = PersonPageFactory(parent=people_index, title_en="Leyla Aliyeva")
    article = create_article(article_index, title="Caspian Gas Routes", authors=[author], topics=[topic])
    return {"topic": topic, "author": author, "article": article, "index": article_index}


def address(page, language="en"):
    with translation.override(language):
        return page.get_url()


@pytest.fixture
def cached(client, world):
    """The article and its index, stored by a first request and answered by the cache after it."""

    paths = [address(world["article"]), address(world["index"])]
    for path in paths:
        client.get(path)

    def check():
        return {path: client.get(path)["X-Cache"] for path in paths}

    assert set(check().values()) == {"HIT"}
    check.client = client
    return check


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Run a change as the admin would: in a transaction, the cache cleared once it commits."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return run


def page(world, name="article"):
    return type(world[name]).objects.get(pk=world[name].pk)


@pytest.mark.parametrize(
    "event",
    [
        "publish",
        "unpublish",
        "term renamed",
        "person republished",
        "tag renamed",
        "site identity changed",
    ],
)
def test_what_readers_see_clears_the_cache(world, cached, change, event, article_index):
    actions = {
        "publish": lambda: page(world).save_revision().publish(),
        "unpublish": lambda: page(world).unpublish(),
        "term renamed": lambda: setattr(world["topic"], "name_en", "Power") or world["topic"].save(),
        "person republished": lambda: page(world, "author").save_revision().publish(),
        "tag renamed": lambda: Tag.objects.create(name_en="railways"),
        "site identity changed": lambda: SiteIdentity.objects.update_or_create(
            defaults={"tagline_en": "New"}
        ),
    }
    change(actions[event])

    assert set(cached().values()) == {"MISS"}
    assert set(cached().values()) == {"HIT"}, "stored again after the change"


def test_moving_a_piece_clears_the_cache(world, cached, change, article_index):
    change(lambda: page(world).move(article_index.get_parent(), pos="last-child"))

    assert set(cached().values()) == {"MISS"}
    index = address(world["index"])
    assert "Caspian Gas Routes" not in cached.client.get(index).content.decode()


def test_a_new_view_restriction_clears_the_cache_and_the_page_is_no_longer_stored(world, cached, change):
    change(
        lambda: PageViewRestriction.objects.create(
            page=world["article"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    )

    assert set(cached().values()) == {"MISS"}
    assert cached()[address(world["article"])] == "MISS"


def test_a_draft_or_a_revision_leaves_the_cache_alone(world, cached, change):
    def draft():
        article = page(world)
        article.title_en = "Caspian Gas Routes, revised"
        article.save_revision()

    change(draft)

    assert set(cached().values()) == {"HIT"}


def test_a_scheduled_piece_going_live_clears_the_cache(world, cached, change, article_index, monkeypatch):
    scheduled = create_article(article_index, title="Embargoed Brief", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    # Wagtail sends page_published when a piece is scheduled too, which clears the cache early.
    change(lambda: scheduled.save_revision().publish())
    cached()
    assert set(cached().values()) == {"HIT"}

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    change(lambda: call_command("publish_scheduled", verbosity=0))

    assert ArticlePage.objects.get(pk=scheduled.pk).live
    assert set(cached().values()) == {"MISS"}


def test_deleting_a_page_clears_the_cache(world, cached, change):
    change(lambda: page(world).delete())

    assert set(cached().values()) == {"MISS"}
