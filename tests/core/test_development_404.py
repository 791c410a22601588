"""Under `make run` (DEBUG on) a mistyped address shows the site's 404 page, not Django's."""

import pytest

from ..articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "ankasam.core.middleware.SiteNotFoundPageMiddleware"]


@pytest.mark.parametrize(
    "address", ["/en/no-such-page/", "/de/", "/en/analyses/missing/pdf/", "/tr/%E0%A4%A/"]
)
def test_a_mistyped_address_shows_the_sites_404_page(client, development, article_index, address):
    response = client.get(address)

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html or "<h1>Sayfa bulunamadı</h1>" in html
    assert 'class="site-header"' in html
    assert "technical-404" in html
    assert "URLconf" not in html


def test_django_s_details_stay_one_parameter_away(client, development, home_page):
    response = client.get("/en/no-such-page/?technical-404")

    assert response.status_code == 404
    assert "DEBUG = True" in response.content.decode()


def test_a_page_s_own_404_is_kept(client, development, article_index):
    article = ArticlePageFactory(parent=article_index, title="English only")

    response = client.get(f"/tr/analizler/{article.slug_en}/")

    assert response.status_code == 404
    assert "technical-404" not in response.content.decode()


def test_only_the_development_settings_install_it():
    from ankasam.settings import base, dev

    name = "ankasam.core.middleware.SiteNotFoundPageMiddleware"
    assert name in dev.MIDDLEWARE
    assert name not in base.MIDDLEWARE  # production and test settings build on base
