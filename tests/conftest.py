import pytest
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Site

from .articles.factories import ArticleIndexPageFactory
from .commits import emulate_commits
from .people.factories import PeopleIndexPageFactory
from .worker import use_database_queue


@pytest.fixture(autouse=True)
def english_by_default():
    """A request to /tr/... activates Turkish; without this the next test would inherit it."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def queued_work_runs_at_commit(monkeypatch):
    """Tasks queued on commit are queued when the code's transaction ends (tests/commits.py)."""
    return emulate_commits(monkeypatch)


@pytest.fixture(autouse=True)
def mail_goes_through_the_queue(settings):
    """Django's test set-up sends e-mail straight to locmem; the site queues it (background/mail.py)."""
    settings.EMAIL_BACKEND = "ankasam.background.mail.QueuedEmailBackend"


@pytest.fixture
def database_queue(db, settings, monkeypatch):
    """Tasks go to the database queue, as in production, and wait there for `run_due_tasks()`."""
    return use_database_queue(settings, monkeypatch)


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def people_index(home_page):
    return PeopleIndexPageFactory(parent=home_page)


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, and empty (it is off in the test settings)."""
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def published_values_cached(settings):
    """Values kept until the next publish on, as in production, with an empty cache (core/published.py)."""
    settings.PUBLISHED_VALUES_CACHED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()
