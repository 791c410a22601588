import pytest
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ankasam.core.addresses import address_in_readers_words
from ankasam.core.routing import fixed_sub_addresses

from ..articles.factories import create_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/xx/",
        "/xx/analyses/",
        "/tr/%ff/",
        "/en/%ff%fe/",
        "/en/no-such-page/",
        "/en/analyses/no-such-article/",
        "/en/analyses/?page=999999",
        "/en/analyses/?page=0",
        "/en/analyses/?page=abc",
        "/en/analyses/?page=1.5",
        "/en/analyses/%3Cscript%3E/",
        "/tr/konular/%C3%BC/",
        "/tr/konularr/",
        "/ru/temy/a/b/",
        "/tr/topics/%ff/",  # moved to /tr/konular/%ff/ first
        "/en/feed/authors/",
        "/tr/ara/extra/",
    ],
)
def test_bad_addresses_answer_the_404_page(client, article_index, path):
    create_article(article_index)

    response = client.get(path, follow=True)

    assert response.status_code == 404
    assert 'class="error-page"' in response.content.decode()


def test_translated_section_slugs_route_per_language(client, article_index):
    article = create_article(article_index, title="Pipelines")

    assert client.get("/en/analyses/").status_code == 200
    assert client.get("/tr/analizler/").status_code == 200
    assert client.get("/tr/analyses/").status_code == 404
    assert client.get(f"/en/analyses/{article.slug_en}/").status_code == 200


@pytest.mark.parametrize(
    ("headers", "cookies", "expected"),
    [
        ({}, {}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "tr-TR,tr;q=0.9,en;q=0.5"}, {}, "/tr/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de-DE"}, {}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "tr"}, {"django_language": "ru"}, "/ru/"),
    ],
)
def test_the_root_sends_readers_to_their_language(client, home_page, headers, cookies, expected):
    client.cookies.load(cookies)

    response = client.get("/", **headers)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_an_unprefixed_page_address_is_sent_to_a_language(client, article_index):
    response = client.get("/analyses/")

    assert response.status_code == 302
    assert response["Location"] == "/en/analyses/"


def test_index_is_paginated(client, article_index, settings):
    for _ in range(3):
        create_article(article_index)
    settings.ARTICLES_PER_PAGE = 2

    first = client.get("/en/analyses/")
    second = client.get("/en/analyses/?page=2")

    assert first.status_code == second.status_code == 200
    assert first.content.decode().count('<article class="card') == 2
    assert second.content.decode().count('<article class="card') == 1
    assert 'class="pagination__page" aria-current="page" href="?page=2"' in second.content.decode()


class Events(RoutablePageMixin):
    @path("past/")
    def past(self, request):
        raise AssertionError("not served here")

    @path("year/<int:year>/")
    def year(self, request, year):
        raise AssertionError("not served here")


def test_fixed_sub_addresses_are_the_routes_without_arguments_besides_the_page_itself(home_page):
    assert fixed_sub_addresses(Events()) == ["past/"]
    assert fixed_sub_addresses(home_page) == []


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/tr/topics/energy/", "tr", "/tr/konular/energy/"),
        ("/tr/feed/topics/energy/", "tr", "/tr/akis/konular/energy/"),
        ("/tr/feed/authors/elif/", "tr", "/tr/akis/authors/elif/"),
        ("/ru/konular/feed/", "ru", "/ru/temy/feed/"),  # a term slug that is a word stays a slug
        ("/en/ara/", "en", "/en/search/"),
        ("/tr/konular/energy/", "tr", None),  # already the reader's words
        ("/tr/analizler/topics/", "tr", None),  # only the first segment is an address word
        ("/en/topics/", "tr", None),  # not under the language's prefix
    ],
)
def test_another_languages_words_are_put_in_the_readers(path, language, expected):
    assert address_in_readers_words(path, language) == expected


def test_an_article_found_by_its_address_comes_with_its_type_and_image(
    article_index, django_assert_num_queries
):
    from ankasam.core.routing import find_child_by_slug

    from ..images.factories import saved_image
    from ..taxonomy.factories import ArticleTypeFactory

    image = saved_image("Harbour", file_name="harbour.png")
    article = create_article(article_index, article_type=ArticleTypeFactory(), hero_image=image)

    found = find_child_by_slug(article_index, article.slug)

    with django_assert_num_queries(0):  # as the served page (`serve_select_related`) has them
        type_and_image = (found.article_type, found.hero_image)
    assert type_and_image == (article.article_type, image)


def test_a_page_found_among_children_of_several_types_comes_with_what_its_type_shows(
    home_page, monkeypatch, django_assert_num_queries, django_user_model
):
    from ankasam.core.routing import find_child_by_slug
    from ankasam.pages.models import StandardPage

    from ..pages.factories import StandardPageFactory

    editor = django_user_model.objects.create(username="editor")
    StandardPageFactory(parent=home_page, title="About", slug="about", owner=editor)
    monkeypatch.setattr(StandardPage, "serve_select_related", ("owner",), raising=False)

    found = find_child_by_slug(home_page, "about")

    assert type(found) is StandardPage
    with django_assert_num_queries(0):  # the page is kept as found (core/routing.kept_served_page)
        assert found.owner == editor
