import pytest
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Site

from .articles.factories import ArticleIndexPageFactory, reset_default_dates
from .commits import emulate_commits
from .databases import emptied, empties_the_database, load_snapshot, write_snapshot
from .people.factories import PeopleIndexPageFactory
from .worker import use_database_queue


@pytest.fixture(autouse=True)
def english_by_default():
    """A request to /tr/... activates Turkish; without this the next test would inherit it."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def articles_dated_from_the_start_of_2026():
    """Each test's articles get the same default dates whatever ran before it (articles/factories.py)."""
    reset_default_dates()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail keeps renditions in the default cache by image id, and a rolled-back test's ids are
    # given again: a rendition whose file is in another test's media folder would be served.
    caches["default"].clear()


@pytest.fixture(autouse=True)
def queued_work_runs_at_commit(monkeypatch):
    """Tasks queued on commit are queued when the code's transaction ends (tests/commits.py)."""
    return emulate_commits(monkeypatch)


@pytest.fixture(autouse=True)
def mail_goes_through_the_queue(settings):
    """Django's test set-up sends e-mail straight to locmem; the site queues it (background/mail.py)."""
    settings.EMAIL_BACKEND = "ankasam.background.mail.QueuedEmailBackend"


@pytest.fixture(scope="session")
def database_left_as_found(django_db_setup, django_db_blocker, tmp_path_factory):
    """A snapshot of the test database as migrations left it (default site, home page, roles)."""
    snapshot = tmp_path_factory.mktemp("database") / "found.json"
    with django_db_blocker.unblock():
        write_snapshot(snapshot)
    return snapshot


@pytest.fixture(scope="module", autouse=True)
def database_given_back(request):
    """After a module with transactional tests, the next module finds the database as migrated.

    Only such modules take the snapshot, before their first test empties anything.
    """
    mine = [item for item in request.session.items if getattr(item, "module", None) is request.module]
    if not any(empties_the_database(item) for item in mine):
        yield
        return
    snapshot = request.getfixturevalue("database_left_as_found")
    yield
    with request.getfixturevalue("django_db_blocker").unblock():
        if emptied():
            load_snapshot(snapshot)


@pytest.fixture
def database_as_migrated(database_left_as_found, transactional_db):
    """For a module with several transactional tests: each one empties the database when it ends."""
    if emptied():
        load_snapshot(database_left_as_found)


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
