"""Where editors may put which page, as the admin enforces it: sections under the home page, articles
in a section, people in the experts page, nothing under an article or a person."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage

from ..people.factories import PeopleIndexPageFactory, PersonPageFactory
from .factories import ArticleIndexPageFactory, create_article

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied by sending the editor to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def offered(client, parent) -> set[str]:
    """The page types the admin's "Add child page" offers under `parent` ("app.model")."""
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(parent.pk,)))
    if refused(response):
        return set()
    if response.status_code == 302:
        # One type only: Wagtail goes straight to its form, /admin/pages/add/<app>/<model>/<parent>/.
        app, model = response.url.rstrip("/").split("/")[-3:-1]
        return {f"{app}.{model}"}
    assert response.status_code == 200
    return {f"{app}.{model}" for _name, app, model, _description in response.context["page_types"]}


def add_form(client, page_type: str, parent, data=None):
    url = reverse("wagtailadmin_pages:add", args=(*page_type.split("."), parent.pk))
    return client.post(url, data) if data is not None else client.get(url)


def test_under_the_home_page_the_admin_offers_sections_and_one_experts_page(admin_client, home_page):
    assert offered(admin_client, home_page) == {
        "articles.articleindexpage",
        "people.peopleindexpage",
        "pages.standardpage",
    }

    PeopleIndexPageFactory(parent=home_page)

    assert offered(admin_client, home_page) == {"articles.articleindexpage", "pages.standardpage"}
    assert refused(add_form(admin_client, "people.peopleindexpage", home_page))


def test_inside_a_section_the_admin_goes_straight_to_a_new_article(admin_client, article_index):
    assert offered(admin_client, article_index) == {"articles.articlepage"}
    assert add_form(admin_client, "articles.articlepage", article_index).status_code == 200


def test_inside_the_experts_page_the_admin_goes_straight_to_a_new_person(admin_client, people_index):
    assert offered(admin_client, people_index) == {"people.personpage"}


def test_the_admin_refuses_an_article_outside_a_section(admin_client, home_page, people_index):
    for parent in (home_page, people_index):
        assert refused(add_form(admin_client, "articles.articlepage", parent))
        posted = add_form(admin_client, "articles.articlepage", parent, {"title_en": "Astray"})
        assert refused(posted)

    assert not ArticlePage.objects.exists()


def test_the_admin_refuses_a_person_outside_the_experts_page(admin_client, home_page, article_index):
    for parent in (home_page, article_index):
        assert refused(add_form(admin_client, "people.personpage", parent))

    assert not PersonPage.objects.exists()


def test_a_section_is_not_added_inside_a_section(admin_client, article_index):
    assert refused(add_form(admin_client, "articles.articleindexpage", article_index))


def test_nothing_is_added_under_an_article_or_a_person(admin_client, article_index, people_index):
    article = create_article(article_index)
    person = PersonPageFactory(parent=people_index)

    assert offered(admin_client, article) == set()
    assert offered(admin_client, person) == set()


def test_there_is_one_home_page(admin_client, home_page):
    root = Page.get_first_root_node()

    assert "home.homepage" not in offered(admin_client, root)
    assert refused(add_form(admin_client, "home.homepage", root))


def test_an_article_moves_to_another_section_only(article_index, home_page, people_index):
    briefs = ArticleIndexPageFactory(
        parent=home_page, title_en="Briefs", slug_en="briefs", title_tr="Özetler", slug_tr="ozetler"
    )
    article = create_article(article_index)

    assert article.can_move_to(briefs)
    assert not article.can_move_to(home_page)
    assert not article.can_move_to(people_index)
    assert not briefs.can_move_to(article_index)
