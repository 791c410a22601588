"""The admin's "New article from a Word file" and "Fill a language from a Word file"."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils import WagtailTestUtils

from ankasam.articles.models import ArticlePage
from ankasam.core.roles import CONTRIBUTORS, EDITORS, TRANSLATORS

from ..articles.factories import create_article, written_in
from .documents import ALT_TEXT, ENDNOTE_TEXT, PERSIAN_NOTE, PERSIAN_WORDS, analysis_docx

pytestmark = pytest.mark.django_db
NEW_LABEL = "New article from a Word file"
FILL_LABEL = "Fill a language from a Word file"


def upload(data: bytes, name="analysis.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def new_article_url(index) -> str:
    return reverse("wordfiles_new_article", args=[index.pk])


def test_the_article_index_listing_offers_the_import(client, article_index, member):
    client.force_login(member(EDITORS))

    html = client.get(reverse("wagtailadmin_explore", args=[article_index.pk])).content.decode()

    assert NEW_LABEL in html and new_article_url(article_index) in html
    # And in the menu of the section's row where its parent lists it.
    parent = client.get(reverse("wagtailadmin_explore", args=[article_index.get_parent().pk]))
    assert new_article_url(article_index) in parent.content.decode()


def test_a_contributor_imports_a_word_file_into_a_draft_and_lands_on_its_edit_view(
    client, article_index, member, kazemi, preview_of
):
    contributor = member(CONTRIBUTORS)
    client.force_login(contributor)
    assert 'name="file"' in client.get(new_article_url(article_index)).content.decode()

    response = client.post(
        new_article_url(article_index), {"file": upload(analysis_docx()), "language": "en"}
    )

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.owner == contributor
    assert [link.person for link in page.article_authors.all()] == [kazemi]
    followed = client.get(response.url).content.decode()
    assert "was created from the Word file as a draft" in followed
    html = preview_of(page, "en")
    assert re.findall(r'<a href="#fn-(\d+)" role="doc-noteref"', html) == list("123456782") + ["9"]
    assert f'alt="{ALT_TEXT}"' in html and ENDNOTE_TEXT in html and "<table" in html
    assert f'<bdi dir="rtl" lang="fa">{PERSIAN_WORDS}</bdi>' in html
    assert (
        page.get_latest_revision_as_object().footnotes_en[1].value["text"].source == f"<p>{PERSIAN_NOTE}</p>"
    )


def test_the_edit_view_offers_to_fill_a_language_which_replaces_that_language_only(
    client, article_index, member
):
    article = create_article(article_index, translations=written_in("Caspian", "en", "tr"), live=True)
    client.force_login(member(EDITORS))
    fill_url = reverse("wordfiles_fill_language", args=[article.pk])

    edit_view = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert FILL_LABEL in edit_view and fill_url in edit_view
    for title in ("Moskova neden Taliban'a yakın", "Moskova ve Taliban"):
        response = client.post(fill_url, {"file": upload(analysis_docx(title=title)), "language": "tr"})
        assert response.status_code == 302

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title_tr == "Moskova ve Taliban" and len(draft.footnotes_tr) == 9
    assert draft.title_en == "Caspian en" and [b.value["label"] for b in draft.footnotes_en] == ["1"]
    assert ArticlePage.objects.get(pk=article.pk).title_tr == "Caspian tr"  # the live text


def test_a_translator_fills_only_their_own_language(client, article_index, member):
    article = create_article(article_index, translations=written_in("Caspian", "en", "tr"), live=True)
    translator = member(TRANSLATORS, translation_languages=["tr"])
    client.force_login(translator)
    fill_url = reverse("wordfiles_fill_language", args=[article.pk])

    form = client.get(fill_url).content.decode()
    response = client.post(fill_url, {"file": upload(analysis_docx()), "language": "en"})

    assert '<option value="tr"' in form and '<option value="en"' not in form
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title_en == "Caspian en"


def test_someone_who_may_not_add_articles_is_refused(client, article_index):
    group = Group.objects.create(name="Readers of the admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    visitor = WagtailTestUtils.create_user("visitor", password="x")
    visitor.groups.add(group)
    client.force_login(visitor)

    opened = client.get(new_article_url(article_index))
    posted = client.post(new_article_url(article_index), {"file": upload(analysis_docx()), "language": "en"})

    # Wagtail answers a refused admin view by sending the user to the dashboard, with a message.
    for response in (opened, posted):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert "do not have permission" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert ArticlePage.objects.count() == 0


def test_a_refused_file_is_explained_on_the_form_and_nothing_is_saved(
    client, article_index, member, settings
):
    client.force_login(member(EDITORS))
    encrypted = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(2048)

    response = client.post(new_article_url(article_index), {"file": upload(encrypted), "language": "en"})
    settings.WORDFILES_MAX_UPLOAD_BYTES = 10_000
    too_big = client.post(new_article_url(article_index), {"file": upload(analysis_docx()), "language": "en"})

    assert response.status_code == 200
    assert (
        "The file was not imported: The file is password-protected (encrypted)" in response.content.decode()
    )
    assert "Word files of up to 0 MB can be imported" in too_big.content.decode()
    assert ArticlePage.objects.count() == 0 and get_image_model().objects.count() == 0
