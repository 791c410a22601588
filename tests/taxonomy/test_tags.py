"""Tags: the house's own taggit model, named per language, found by a name in any language."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import override

from ankasam.core.roles import TRANSLATORS
from ankasam.taxonomy.models import Tag
from ankasam.taxonomy.tags import tags_by_name
from ankasam.translations.secondary import text_in_language

from ..articles.factories import create_article, written_in
from .factories import TagFactory
from .test_terms import member_of

pytestmark = pytest.mark.django_db


def test_a_tag_is_named_in_the_readers_language_and_in_english_until_translated():
    railways = TagFactory(name_en="Railways", name_tr="Demiryolları")

    with override("tr"):
        assert str(railways) == "Demiryolları"
    with override("ru"):
        assert str(railways) == "Railways"
    assert text_in_language(railways, "name", "ru").language == "en"
    assert text_in_language(railways, "name", "tr").language == "tr"


def test_names_not_given_are_null_so_many_tags_may_lack_a_language():
    TagFactory(name_en="Railways")
    TagFactory(name_en="Ports")

    untranslated = Tag.objects.order_by("slug").values_list("name_tr", "name_ru")
    assert list(untranslated) == [(None, None), (None, None)]


def test_a_name_is_unique_within_its_language():
    TagFactory(name_en="Railways", name_tr="Demiryolları")

    with pytest.raises(IntegrityError), transaction.atomic():
        TagFactory(name_en="Rail", name_tr="Demiryolları")


def test_a_word_finds_its_tag_in_any_language_and_a_new_word_makes_a_tag_in_english():
    railways = TagFactory(name_en="Railways", name_ru="Железные дороги", slug="railways")

    with override("tr"):
        found = tags_by_name(["Железные дороги", "Railways", "Boru hattı", " "])

    assert list(found) == ["Железные дороги", "Railways", "Boru hattı"]
    assert found["Railways"] == found["Железные дороги"] == railways
    pipeline = found["Boru hattı"]
    assert (pipeline.name_en, pipeline.name_tr, pipeline.slug) == ("Boru hattı", None, "boru-hatti")


def test_the_article_form_words_of_a_turkish_editor_reach_the_english_tag(article_index):
    TagFactory(name_en="Railways", name_tr="Demiryolları", slug="railways")

    with override("tr"):
        article = create_article(article_index, tags=["Demiryolları", "Railways", "Limanlar"])

    assert sorted(tag.slug for tag in article.tags.all()) == ["limanlar", "railways"]
    assert Tag.objects.count() == 2


def test_an_article_shows_its_tags_in_the_readers_language_marking_those_in_another(client, article_index):
    railways = TagFactory(name_en="Railways", name_tr="Demiryolları", slug="railways")
    ports = TagFactory(name_en="Ports", slug="ports")
    article = create_article(
        article_index, translations=written_in("Corridor", "en", "tr"), tags=[railways, ports]
    )

    with override("tr"):
        html = client.get(article.get_url()).content.decode()

    assert '<a class="chip chip--quiet" href="/tr/etiketler/railways/">Demiryolları</a>' in html
    assert '<a class="chip chip--quiet" href="/tr/etiketler/ports/" lang="en" dir="ltr">Ports</a>' in html


def test_translators_name_tags_in_their_languages_as_snippets(client):
    tag = TagFactory(name_en="Railways", slug="railways")
    translator = member_of(TRANSLATORS)
    translator.translation_languages = ["tr", "ru"]  # bounded like on pages (translations/model_forms.py)
    translator.save()
    client.force_login(translator)

    response = client.post(
        reverse("wagtailsnippets_taxonomy_tag:edit", args=(tag.pk,)),
        {"name_en": "Railways", "name_tr": "Demiryolları", "name_ru": "", "slug": "railways"},
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name_tr, tag.name_ru) == ("Demiryolları", None)
