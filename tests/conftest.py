import pytest
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Site

from ankasam.articles.models import ArticleIndexPage
from ankasam.people.models import PeopleIndexPage


@pytest.fixture(autouse=True)
def english_by_default():
    """A request to /tr/... activates Turkish; without this the next test would inherit it."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def article_index(home_page):
    index = ArticleIndexPage(
        title_en="Analyses", slug_en="analyses", title_tr="Analizler", slug_tr="analizler"
    )
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def people_index(home_page):
    index = PeopleIndexPage(title_en="Experts", slug_en="experts")
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, and empty (it is off in the test settings)."""
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()
