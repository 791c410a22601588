"""The article's sub-addresses are its RoutablePageMixin routes, reached in every language through
the localized route (core/routing.py)."""

import pytest
from django.utils import translation

from ankasam.core.languages import site_language_codes

from .factories import create_article, written_in

pytestmark = pytest.mark.django_db

SUB_ADDRESSES = ("pdf", "cite-bibtex", "cite-ris")
UNKNOWN = ("nope/", "cite/", "pdf/extra/", "index_route/", "serve_pdf/")


@pytest.fixture
def article(article_index, fake_renderer):
    return create_article(article_index, translations=written_in("Pipeline", *site_language_codes()))


def address_in(article, language: str) -> str:
    with translation.override(language):
        return article.get_url()


def test_each_sub_address_answers_in_each_language_through_the_page_routes(client, article, fake_renderer):
    for language in site_language_codes():
        page = address_in(article, language)
        assert page.startswith(f"/{language}/") and page.endswith(f"/pipeline-{language}/")
        for name in SUB_ADDRESSES:
            response = client.get(f"{page}{name}/")

            assert response.status_code == 200, (language, name)
            match = response.wsgi_request.routable_resolver_match
            assert (match.url_name, match.func.__self__.pk) == (name, article.pk)
            if name == "pdf":
                assert response["Content-Type"] == "application/pdf"
                assert (article.pk, language, article.live_revision_id) in fake_renderer
            else:
                assert f"Pipeline {language}" in response.content.decode(), (language, name)


def test_an_unknown_sub_address_is_a_404_in_each_language(client, article):
    for language in site_language_codes():
        page = address_in(article, language)
        for tail in UNKNOWN:
            response = client.get(page + tail)

            assert response.status_code == 404, (language, tail)
            assert 'class="error-page"' in response.content.decode()
        assert client.get(page).status_code == 200


def test_the_page_itself_is_served_through_its_index_route(client, article):
    response = client.get(address_in(article, "tr"))

    assert response.status_code == 200
    assert response.wsgi_request.routable_resolver_match.url_name == "index_route"
    assert "Pipeline tr" in response.content.decode()
