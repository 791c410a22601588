"""Topics, regions and article types: named in each language, addressed by a slug, managed by editors
under their own Taxonomy menu."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.menu import admin_menu

from ankasam.core.roles import CONTRIBUTORS, EDITORS, TRANSLATORS
from ankasam.taxonomy.models import ArticleType, Region, Topic

from ..articles.factories import create_article
from .factories import ArticleTypeFactory, RegionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def member_of(group: str):
    user = get_user_model().objects.create_user(f"member-{group.lower()}", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=group))
    return user


def taxonomy_menu(user) -> list[str] | None:
    """The labels under the admin's Taxonomy menu as `user` sees them; None without that menu."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == "taxonomy":
            return [str(entry.label) for entry in item.menu.menu_items_for_request(request)]
    return None


def test_a_term_is_named_in_the_readers_language_and_in_english_until_translated():
    energy = TopicFactory(name_en="Energy", name_tr="Enerji")

    with override("tr"):
        assert str(energy) == "Enerji"
    with override("ru"):
        assert str(energy) == "Energy"


def test_terms_are_listed_alphabetically_in_the_readers_language():
    TopicFactory(name_en="Security", name_tr="Güvenlik", name_ru="Безопасность")
    TopicFactory(name_en="Borders", name_tr="Sınırlar", name_ru="Границы")
    TopicFactory(name_en="Trade", name_tr="Ticaret", name_ru="Торговля")

    with override("en"):
        assert [str(topic) for topic in Topic.objects.all()] == ["Borders", "Security", "Trade"]
    with override("tr"):
        assert [str(topic) for topic in Topic.objects.all()] == ["Güvenlik", "Sınırlar", "Ticaret"]
    with override("ru"):
        assert [str(topic) for topic in Topic.objects.all()] == ["Безопасность", "Границы", "Торговля"]


def test_a_slug_names_one_topic_but_a_region_may_share_it():
    TopicFactory(slug="caspian")

    with pytest.raises(IntegrityError), transaction.atomic():
        TopicFactory(slug="caspian")
    RegionFactory(slug="caspian")

    assert Topic.objects.filter(slug="caspian").count() == Region.objects.filter(slug="caspian").count() == 1


def test_an_article_type_in_use_is_not_deleted(article_index):
    commentary = ArticleTypeFactory(name_en="Commentary")
    create_article(article_index, article_type=commentary)

    with pytest.raises(ProtectedError):
        commentary.delete()
    assert ArticleType.objects.filter(pk=commentary.pk).exists()


def test_a_deleted_topic_leaves_its_articles_without_it(article_index):
    energy, water = TopicFactory(), TopicFactory()
    article = create_article(article_index, topics=[energy, water])

    energy.delete()

    assert list(article.topics.all()) == [water]


def test_editors_and_translators_find_the_four_kinds_under_a_taxonomy_menu():
    for group in (EDITORS, TRANSLATORS):
        assert taxonomy_menu(member_of(group)) == ["Topics", "Regions", "Article types", "Tags"]
    assert taxonomy_menu(member_of(CONTRIBUTORS)) is None


def test_an_editor_adds_a_topic_in_english_and_turkish_from_the_admin(client):
    client.force_login(member_of(EDITORS))

    response = client.post(
        reverse("wagtailsnippets_taxonomy_topic:add"),
        {
            "name_en": "Water security",
            "name_tr": "Su güvenliği",
            "slug_en": "water-security",
            "slug_tr": "su-guvenligi",
        },
    )

    assert response.status_code == 302
    topic = Topic.objects.get(slug_en="water-security")
    with override("tr"):
        assert str(topic) == "Su güvenliği"
        assert topic.slug == "su-guvenligi"
    assert topic.slug_ru is None  # blank is NULL, which any number of topics share


def test_the_admin_refuses_a_topic_without_an_english_name_or_with_a_taken_slug(client):
    TopicFactory(name_en="Energy", slug="energy")
    client.force_login(member_of(EDITORS))
    add = reverse("wagtailsnippets_taxonomy_topic:add")

    untitled = client.post(add, {"name_en": "", "name_tr": "Enerji", "slug_en": "enerji"})
    taken = client.post(add, {"name_en": "Energy again", "slug_en": "energy"})

    assert untitled.status_code == taken.status_code == 200  # the form again, with its errors
    assert "name_en" in untitled.context["form"].errors
    assert "slug_en" in taken.context["form"].errors
    assert list(Topic.objects.values_list("slug_en", flat=True)) == ["energy"]


def test_the_admin_list_finds_a_topic_by_its_name(client):
    TopicFactory(name_en="Energy", slug="energy")
    TopicFactory(name_en="Water", slug="water")
    client.force_login(member_of(EDITORS))

    response = client.get(reverse("wagtailsnippets_taxonomy_topic:list"), {"q": "Energy"})

    assert [topic.slug for topic in response.context["object_list"]] == ["energy"]


def test_a_turkish_slug_may_not_take_the_turkish_address_of_a_term_without_one(client):
    # "energy" has no Turkish slug, so Turkish readers reach it by "energy": no other topic may.
    TopicFactory(name_en="Energy", slug_en="energy")
    client.force_login(member_of(EDITORS))
    add = reverse("wagtailsnippets_taxonomy_topic:add")

    taken = client.post(add, {"name_en": "Power", "slug_en": "power", "slug_tr": "energy"})
    free = client.post(add, {"name_en": "Power", "slug_en": "power", "slug_tr": "guc", "slug_ru": "energy"})

    assert taken.status_code == 200
    assert "slug_tr" in taken.context["form"].errors
    assert free.status_code == 200  # Russian readers reach "energy" by that slug too
    assert "slug_ru" in free.context["form"].errors
    assert not Topic.objects.filter(slug_en="power").exists()


def test_a_term_saved_in_another_language_keeps_its_default_slug_in_the_untranslated_column():
    energy = TopicFactory(slug_en="energy", slug_tr="enerji")

    with override("tr"):
        energy.name_tr = "Enerji"
        energy.save()

    untranslated = Topic.objects.rewrite(False).filter(pk=energy.pk).values_list("slug", flat=True)
    assert untranslated.get() == "energy"  # not "enerji", which another topic's English slug may be
