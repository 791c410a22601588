"""Deleting an author's page from the admin while their articles remain (authors are PROTECTed)."""

import pytest
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_an_author_with_articles_cannot_be_deleted_and_the_editor_is_told_why(
    client, team, write_article, author
):
    write_article(team["contributor"], live=True)
    client.force_login(team["editor"])
    url = reverse("wagtailadmin_pages:delete", args=(author.pk,))

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "prevent it from being deleted" in confirmation.content.decode()

    refused = client.post(url)
    assert refused.status_code in (302, 403)
    assert Page.objects.filter(pk=author.pk).exists()


def test_an_author_without_articles_can_be_deleted(client, team, author):
    client.force_login(team["editor"])

    client.post(reverse("wagtailadmin_pages:delete", args=(author.pk,)))

    assert not Page.objects.filter(pk=author.pk).exists()
