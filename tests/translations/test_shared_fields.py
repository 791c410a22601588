"""A translator may not change what every language shares, on any page type, through the admin's edit view.

`SHARED_FIELDS` lists every shared field of every page type. The first tests hold it to the models
(every field not registered for translation) and to the code (what the edit form locks), so a field
added to a page type fails here until it is listed, and locked by the same rule as the others.
"""

import re

import pytest
from modelcluster.fields import ParentalKey
from wagtail.models import Page, get_page_models
from wagtail.users.models import UserProfile

from ankasam.articles.models import ArticleIndexPage, ArticlePage, ArticlePageTag
from ankasam.home.models import HomePage
from ankasam.pages.models import StandardPage
from ankasam.people.models import PeopleIndexPage, PersonPage
from ankasam.translations.pages import TranslatedPageMixin
from ankasam.translations.permissions import field_languages
from ankasam.translations.shared_fields import shared_field_names, shared_formset_names

from ..articles.factories import create_article, written_in
from ..images.factories import saved_image
from ..pages.factories import StandardPageFactory
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory
from .page_forms import edit_page, editor

pytestmark = pytest.mark.django_db

# What Wagtail's own page form lets editors set on every page.
PAGE_SETTINGS = {"social_image", "show_in_menus", "go_live_at", "expire_at"}
SHARED_FIELDS = {
    ArticlePage: PAGE_SETTINGS
    | {"original_language", "publication_date", "article_type", "hero_image", "topics", "regions", "tags"}
    | {"article_authors", "related_links"},
    PersonPage: PAGE_SETTINGS | {"original_language", "photo", "email", "links"},
    HomePage: PAGE_SETTINGS | {"featured_articles", "topic_blocks"},
    ArticleIndexPage: PAGE_SETTINGS,
    PeopleIndexPage: PAGE_SETTINGS,
    StandardPage: PAGE_SETTINGS | {"show_in_footer"},
}
# Inlines that hold something other than the page's content: the draft's comments, the tags' links
# (edited as the `tags` field).
NOT_CONTENT_CHILDREN = {"wagtail_admin_comments", ArticlePageTag}


def shared_in_model(model) -> set[str]:
    """Every field of the model that no language has its own copy of, and its inlines."""
    translated = field_languages(model)
    untranslated_base = {name.rsplit("_", 1)[0] for name in translated}
    names = set()
    for field in model._meta.get_fields():
        if field.name in translated or field.name in untranslated_base:
            continue
        if field.one_to_many and isinstance(field.remote_field, ParentalKey):
            if field.name not in NOT_CONTENT_CHILDREN and field.related_model not in NOT_CONTENT_CHILDREN:
                names.add(field.name)
        elif getattr(field, "editable", False) and not field.auto_created and field.model is not Page:
            names.add(field.name)
    page_form = Page.get_edit_handler().get_form_class()
    return names | {name for name in page_form.base_fields if name in PAGE_SETTINGS}


def locked_by_the_form(model) -> set[str]:
    form = model.get_edit_handler().get_form_class()(instance=model(), for_user=editor())
    return set(shared_field_names(form)) | set(shared_formset_names(form))


def test_every_page_type_is_listed():
    translated_page_types = {model for model in get_page_models() if issubclass(model, TranslatedPageMixin)}

    assert set(SHARED_FIELDS) == translated_page_types


@pytest.mark.parametrize("model", list(SHARED_FIELDS), ids=lambda model: model.__name__)
def test_the_list_names_every_untranslated_field_of_the_model(model):
    assert shared_in_model(model) == SHARED_FIELDS[model]


@pytest.mark.parametrize("model", list(SHARED_FIELDS), ids=lambda model: model.__name__)
def test_the_edit_form_locks_every_shared_field(model):
    assert locked_by_the_form(model) == SHARED_FIELDS[model]


def latest(page):
    return type(page).objects.get(pk=page.pk)


def image(name):
    return saved_image(name, file_name=f"{name}.png", size=(40, 30))


def added_row(**fields):
    def add(formset: dict) -> dict:
        count = int(formset["TOTAL_FORMS"])
        return formset | {"TOTAL_FORMS": count + 1, str(count): fields | {"ORDER": count + 1}}

    return add


def changed_values(pages) -> dict:
    """A value other than the saved one for each shared field."""
    other_article = create_article(pages[ArticleIndexPage], translations=written_in("Another", "en"))
    other_person = PersonPageFactory(parent=pages[PeopleIndexPage])
    return {
        "original_language": "ru",
        "publication_date": "1999-01-01",
        "article_type": ArticleTypeFactory().pk,
        "hero_image": image("hero").pk,
        "topics": [TopicFactory().pk],
        "regions": [RegionFactory().pk],
        "tags": "railways",
        "article_authors": added_row(person=other_person.pk),
        "related_links": added_row(article=other_article.pk),
        "photo": image("portrait").pk,
        "email": "someone@example.org",
        "links": {
            "count": 1,
            "0": {
                "type": "link",
                "value": {"label": "Site", "url": "https://example.org/"},
                "deleted": "",
                "order": 0,
            },
        },
        "featured_articles": added_row(article=other_article.pk),
        "topic_blocks": added_row(topic=TopicFactory().pk),
        "social_image": image("card").pk,
        "show_in_menus": "on",
        "go_live_at": "2030-01-01 09:00",
        "expire_at": "2031-01-01 09:00",
        "show_in_footer": "on",
    }


@pytest.fixture
def pages(article, home_page, article_index, people_index):
    about = StandardPageFactory(parent=home_page, title="About", slug="about", title_tr="Hakkında")
    return {
        StandardPage: about,
        ArticlePage: article,
        PersonPage: article.article_authors.first().person,
        HomePage: home_page,
        ArticleIndexPage: article_index,
        PeopleIndexPage: people_index,
    }


SHARED_FIELD_CASES = [(model, name) for model, names in SHARED_FIELDS.items() for name in sorted(names)]


@pytest.mark.parametrize(
    ("model", "name"), SHARED_FIELD_CASES, ids=[f"{m.__name__}.{n}" for m, n in SHARED_FIELD_CASES]
)
def test_a_translator_posting_a_shared_field_is_refused(client, pages, translator, model, name):
    page = pages[model]
    assert not page.show_in_menus  # so that ticking it is a change
    value = changed_values(pages)[name]
    revision = latest(page).latest_revision_id

    response = edit_page(client, page, title_tr="Yeni başlık", **{name: value})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Only editors may change what every language shares:" in html
    assert latest(page).latest_revision_id == revision


@pytest.mark.parametrize("model", list(SHARED_FIELDS), ids=lambda model: model.__name__)
def test_a_translator_sees_the_shared_fields_disabled(client, pages, translator, model):
    response = client.get(f"/admin/pages/{pages[model].pk}/edit/")

    form = response.context["form"]
    disabled = {name for name in form.fields if form.fields[name].disabled}
    disabled |= {
        name
        for name, formset in form.formsets.items()
        if formset.forms and all(field.disabled for child in formset.forms for field in child.fields.values())
    }
    # An inline with no rows has no field to show disabled.
    empty_inlines = {name for name, formset in form.formsets.items() if not formset.forms}
    assert disabled == SHARED_FIELDS[model] - empty_inlines


def test_the_disabled_fields_are_rendered_disabled(client, pages, translator):
    html = client.get(f"/admin/pages/{pages[ArticlePage].pk}/edit/").content.decode()

    date_input = re.search(r'<input[^>]*name="publication_date"[^>]*>', html).group()
    title_input = re.search(r'<input[^>]*name="title_tr"[^>]*>', html).group()
    assert "disabled" in date_input
    assert "disabled" not in title_input


@pytest.mark.parametrize("model", list(SHARED_FIELDS), ids=lambda model: model.__name__)
def test_a_translator_saves_their_language_on_every_page_type(client, pages, translator, model):
    response = edit_page(client, pages[model], title_tr="Yeni başlık")

    assert response.status_code == 302
    assert latest(pages[model]).get_latest_revision_as_object().title_tr == "Yeni başlık"


def test_an_editor_may_change_a_shared_field(client, pages, admin_user):
    client.force_login(admin_user)

    response = edit_page(client, pages[ArticlePage], publication_date="1999-01-01")

    assert response.status_code == 302
    assert str(latest(pages[ArticlePage]).get_latest_revision_as_object().publication_date) == "1999-01-01"


def test_a_translator_is_told_their_languages_before_typing(client, pages, translator):
    translator.translation_languages = ["tr", "ru"]
    translator.save()

    html = client.get(f"/admin/pages/{pages[ArticlePage].pk}/edit/").content.decode()

    assert "You can edit: Türkçe, Русский." in html.replace("&#x27;", "'")


def test_an_editor_is_not_told_about_languages(client, pages, admin_user):
    client.force_login(admin_user)

    html = client.get(f"/admin/pages/{pages[ArticlePage].pk}/edit/").content.decode()

    assert "You can edit:" not in html


def test_the_refusal_is_in_the_translators_admin_language(client, pages, translator):
    UserProfile.get_for_user(translator)
    UserProfile.objects.filter(user=translator).update(preferred_language="ru")

    response = edit_page(client, pages[ArticlePage], publication_date="1999-01-01")

    assert "Общие для всех языков поля могут менять только редакторы" in response.content.decode()


def test_a_translator_removing_an_author_is_refused(client, pages, translator):
    article = pages[ArticlePage]
    revision = latest(article).latest_revision_id

    def delete_first(formset):
        return formset | {"0": formset["0"] | {"DELETE": "on"}}

    response = edit_page(client, article, title_tr="Yeni başlık", article_authors=delete_first)

    assert "Only editors may change what every language shares: Authors." in response.content.decode()
    assert latest(article).latest_revision_id == revision
    assert latest(article).article_authors.count() == 1
