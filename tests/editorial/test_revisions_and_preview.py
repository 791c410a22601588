"""Preview in each language, revision comparison and locking, through the admin's views."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from ankasam.core.languages import site_language_codes

from ..translations.admin_forms import article_form_data
from . import admin_actions as admin

pytestmark = pytest.mark.django_db

TURKISH_DRAFT = streamfield(
    [
        ("paragraph", rich_text("<p>Taslak cümle birinci kaynağa dayanır.[^1]</p>")),
        ("paragraph", rich_text("<p>Taslak cümle ikinci kaynağa dayanır.[^2]</p>")),
    ]
)


@pytest.fixture
def article(client, team, write_article):
    client.force_login(team["editor"])
    return write_article(team["contributor"], title="Caspian Gas", live=True)


def preview(client, article, mode):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    posted = client.post(url, article_form_data(article, body_tr=TURKISH_DRAFT))
    assert posted.json()["is_valid"]
    return client.get(url, {"mode": mode})


def test_the_turkish_preview_shows_the_turkish_draft_with_numbered_notes(client, article):
    response = preview(client, article, "tr")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="tr"' in html
    assert "Taslak cümle birinci kaynağa dayanır." in html
    assert 'id="fnref-1"' in html and 'id="fnref-2"' in html
    assert 'id="fn-1"' in html and 'id="fn-2"' in html
    assert "English 1 rests on a source." not in html


def test_each_language_has_its_own_preview(client, article):
    response = preview(client, article, "en")

    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "English 1 rests on a source." in html
    assert "Taslak" not in html
    assert [mode for mode, _label in article.preview_modes] == site_language_codes()


def test_previewing_a_language_the_piece_lacks_says_so(client, article):
    response = preview(client, article, "ru")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert "English 1 rests on a source." not in html
    assert 'hreflang="en"' in html and 'hreflang="tr"' in html


def test_comparing_revisions_shows_the_changed_turkish_text(client, article):
    admin.edit_article(client, article, body_tr=TURKISH_DRAFT)
    latest = article.revisions.order_by("-created_at", "-pk").first()

    url = reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, "live", latest.pk))
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Taslak cümle birinci kaynağa dayanır." in html
    assert "Body [tr]" in html or "body_tr" in html


def test_a_locked_page_cannot_be_edited_by_someone_else(client, team, write_article):
    article = write_article(team["contributor"], live=False)
    client.force_login(team["editor"])
    admin.lock(client, article)
    article.refresh_from_db()
    assert article.locked and article.locked_by == team["editor"]

    client.force_login(team["contributor"])
    admin.edit_article(client, article, title_en="Changed behind the lock")

    assert article.get_latest_revision_as_object().title_en == "Caspian Gas"


def test_a_preview_is_neither_kept_nor_shown_what_readers_are_kept(client, article, published_values_cached):
    # The live body is kept for readers (articles/kept_parts.py); the draft preview must not be
    # served from it, nor leave itself in its place.
    client.get(article.url)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    draft = streamfield([("paragraph", rich_text("<p>Draft sentence rests on a source.[^1]</p>"))])
    draft_notes = article_form_data(article, body_en=draft)
    assert client.post(url, draft_notes).json()["is_valid"]

    previewed = body_of(client.get(url, {"mode": "en"}))
    live = body_of(client.get(article.url))

    assert "Draft sentence rests on a source." in previewed
    assert "Draft sentence rests on a source." not in live


def body_of(response) -> str:
    """The article's body as shown (not the summary in its meta tags, which may quote it)."""
    html = response.content.decode()
    start = html.index('<div class="article__body rich-text">')
    return html[start : html.index("</div>", start)]
