"""Translators change only their languages' texts, through the admin's own edit view."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import rich_text, streamfield

from .admin_forms import edit, latest_text

pytestmark = pytest.mark.django_db


def test_a_translator_saves_a_change_in_their_language(client, article, translator):
    response = edit(client, article, title_tr="Gaz, Hazar ve Avrupa")

    assert response.status_code == 302
    assert latest_text(article).title_tr == "Gaz, Hazar ve Avrupa"


def test_a_change_in_another_language_is_refused_naming_the_fields(client, article, translator):
    body = streamfield([("paragraph", rich_text("<p>Rewritten by the wrong person.</p>"))])
    response = edit(client, article, title_en="Another title", body_en=body, title_tr="Gaz ve Hazar!")

    assert response.status_code == 200
    html = response.content.decode()
    assert "You may change only texts in your languages (Türkçe)" in html
    assert "These fields are in other languages: Title [en], Body [en]." in html
    assert latest_text(article).title_en == "Gas and the Caspian"
    assert latest_text(article).title_tr == "Gaz ve Hazar"


def test_an_unassigned_language_is_refused_even_if_empty_before(client, article, translator):
    response = edit(client, article, title_ru="Газ и Каспий")

    assert response.status_code == 200
    assert "This field is in another language: Title [ru]." in response.content.decode()


def test_a_translator_cannot_publish(client, article, translator):
    live_revision = article.live_revision_id

    edit(client, article, title_tr="Gaz, Hazar ve Avrupa", **{"action-publish": "action-publish"})

    article.refresh_from_db()
    assert article.live_revision_id == live_revision
    assert article.title_tr == "Gaz ve Hazar"
    assert latest_text(article).title_tr == "Gaz, Hazar ve Avrupa"


def test_editors_are_not_restricted(client, article, admin_user):
    client.force_login(admin_user)

    response = edit(client, article, title_en="Gas, the Caspian and Europe", title_tr="Gaz ve Hazar")

    assert response.status_code == 302
    assert latest_text(article).title_en == "Gas, the Caspian and Europe"


def test_a_translator_who_is_also_an_editor_is_not_restricted(client, article, translator):
    translator.groups.add(Group.objects.get(name="Editors"))

    response = edit(client, article, title_en="Gas, the Caspian and Europe")

    assert response.status_code == 302
    assert latest_text(article).title_en == "Gas, the Caspian and Europe"
