"""Translators are bounded on topics, regions, types and images as on pages: their languages' texts
only; slugs, titles and files belong to every language and stay the editors'."""

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
    return TopicFactory(name_en="Energy", slug="energy")


def test_a_translator_names_a_topic_in_their_language(client, translator, topic):
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, translator, name_tr="Enerji"))

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_tr == "Enerji"


@pytest.mark.parametrize(
    "changes, refusal",
    [
        ({"slug": "power"}, "Only editors may change what every language shares"),
        ({"name_en": "Power"}, "You may change only texts in your languages"),
    ],
)
def test_a_translator_may_not_change_a_topics_slug_or_another_languages_name(
    client, translator, topic, changes, refusal
):
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])

    response = client.post(url, topic_form_data(topic, translator, **changes))

    assert response.status_code == 200
    assert refusal in response.content.decode()
    topic.refresh_from_db()
    assert (topic.slug, topic.name_en) == ("energy", "Energy")


def test_a_translator_sees_the_topics_slug_disabled(client, translator, topic):
    html = client.get(reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])).content.decode()

    [slug_input] = [tag for tag in html.split("<input") if 'name="slug"' in tag]
    assert "disabled" in slug_input


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

    response = client.post(url, topic_form_data(topic, admin_user, slug="power"))

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.slug == "power"
