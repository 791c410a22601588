import datetime
import importlib.util

import pytest
from wagtail.models import Site

from ..articles.factories import ArticleIndexPageFactory, create_article, written_in
from ..services import missing
from .servers import varnishd_path

LANGUAGES = ("en", "tr", "ru")


@pytest.fixture(scope="session")
def varnishd():
    path = varnishd_path()
    if path is None:
        missing("Varnish is not installed (Debian: apt-get install varnish)")
    return path


def serve_site_at(host: str, port: int) -> Site:
    """Page addresses, and so purges, name the address readers use: the edge's."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, port
    site.save()
    return site


@pytest.fixture
def piece(database_as_migrated):
    """A piece written in English, Turkish and Russian, in a section named in all three."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ArticleIndexPageFactory(parent=home, title_ru="Аналитика", slug_ru="analitika")
    # A date of its own: the listing variant the tests watch filters on its year.
    return create_article(
        index, translations=written_in("Pipeline", *LANGUAGES), publication_date=datetime.date(2026, 3, 1)
    )


def rename_in_every_language(article, title: str):
    """A new revision of the piece, titled `<title> <language>` in each language (not published)."""
    for code in LANGUAGES:
        setattr(article, f"title_{code}", f"{title} {code}")
    return article.save_revision()


# Every variable the settings' edge and media blocks read: unset unless a test names it.
DEPLOY_VARIABLES = (
    "VARNISH_PURGE_URL",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFRONT_DISTRIBUTION_ID",
    "EDGE_PURGE_TIMEOUT",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_QUERYSTRING_AUTH",
)


def base_settings(monkeypatch, **env) -> dict:
    """ankasam/settings/base.py run afresh with this environment, beside the one in use."""
    for name in DEPLOY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.find_spec("ankasam.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)
