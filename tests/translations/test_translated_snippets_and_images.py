"""Translators are bounded on topics, regions, types and images as on pages: their languages' texts
and addresses only; an image's title and file belong to every language and stay the editors'."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from ankasam.taxonomy.models import Topic

from ..taxonomy.factories import TopicFactory
from .page_forms import field_data
from .test_shared_fields import image

pytestmark = pytest.mark.django_db


def posted(form, **changes) -> dict:
    data = {name: field_data(form, name) for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None}
    return data | changes


def topic_form_data(topic, user, **changes) -> dict:
    form_class = Topic.snippet_viewset.get_edit_handler().get_form_class()
    return posted(form_class(instance=topic, for_user=user), **changes)


def image_form_data(picture, user, **changes) -> dict:
    form = get_image_form(get_image_model())(instance=picture, user=user)
    data = posted(form, **changes)
    data.pop("file", None)
    return data


@pytest.fixture
def topic():
    return TopicFactory(name_en="Energy", slug="energy", slug_en="energy")


def test_a_translator_names_a_topic_in_their_language(client, translator, topic):
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, translator, name_tr="Enerji"))

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_tr == "Enerji"


def test_a_translator_gives_a_topic_its_address_in_their_language(client, translator, topic):
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, translator, slug_tr="enerji"))

    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.slug_tr, topic.slug_en) == ("enerji", "energy")


@pytest.mark.parametrize("changes", [{"slug_en": "power"}, {"name_en": "Power"}])
def test_a_translator_may_not_change_a_topics_slug_or_name_in_another_language(
    client, translator, topic, changes
):
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, translator, **changes))

    assert response.status_code == 200
    assert "You may change only texts in your languages" in response.content.decode()
    topic.refresh_from_db()
    assert (topic.slug_en, topic.name_en) == ("energy", "Energy")


def test_a_translator_captions_an_image_in_their_language(client, translator):
    picture = image("bridge")
    url = reverse("wagtailimages:edit", args=[picture.pk])

    response = client.post(url, image_form_data(picture, translator, caption_tr="Köprü"))

    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.caption_tr == "Köprü"


@pytest.mark.parametrize(
    "changes, refusal",
    [
        ({"title": "Another bridge"}, "Only editors may change what every language shares"),
        ({"caption_en": "A bridge"}, "You may change only texts in your languages"),
    ],
)
def test_a_translator_may_not_retitle_an_image_or_caption_it_in_another_language(
    client, translator, changes, refusal
):
    picture = image("bridge")
    url = reverse("wagtailimages:edit", args=[picture.pk])

    response = client.post(url, image_form_data(picture, translator, **changes))

    assert response.status_code == 200
    assert refusal in response.content.decode()
    picture.refresh_from_db()
    assert (picture.title, picture.caption_en or "") == ("bridge", "")


def test_a_translator_may_not_replace_an_images_file(client, translator):
    picture = image("bridge")
    replacement = image("river").file
    url = reverse("wagtailimages:edit", args=[picture.pk])
    data = image_form_data(picture, translator)

    with replacement.open("rb") as upload:
        client.post(url, data | {"file": upload})

    picture.refresh_from_db()
    assert picture.file.name.startswith("original_images/bridge")


def test_an_editor_may_change_a_topics_slug(client, admin_user, topic):
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, admin_user, slug_en="power"))

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.slug_en == "power"
