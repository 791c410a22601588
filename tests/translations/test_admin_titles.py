"""Page titles in the admin follow the admin's language; the single draft-title column stays in English."""

import pytest
from django.utils.translation import override
from wagtail.users.models import UserProfile

from ..articles.factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article_index):
    blocks, notes = text_with_notes(1)
    return create_article(
        article_index,
        translations={
            "en": {"title": "Water talks", "blocks": blocks, "notes": notes},
            "tr": {"title": "Su görüşmeleri", "blocks": blocks, "notes": notes},
        },
    )


def test_the_explorer_shows_the_title_in_the_admins_language(article):
    with override("tr"):
        assert article.get_admin_display_title() == "Su görüşmeleri"
    with override("ru"):
        assert article.get_admin_display_title() == "Water talks"
    assert article.get_admin_display_title() == "Water talks"


def test_saving_with_the_admin_in_turkish_keeps_the_draft_title_in_english(article):
    with override("tr"):
        article.title_tr = "Su görüşmeleri sürüyor"
        article.save_revision()

    article.refresh_from_db()
    assert article.draft_title == "Water talks"


def test_the_explorer_listing_follows_the_admin_language(client, admin_user, article, article_index):
    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(
        preferred_language="tr"
    )
    client.force_login(admin_user)

    html = client.get(f"/admin/pages/{article_index.pk}/").content.decode()

    assert "Su görüşmeleri" in html
