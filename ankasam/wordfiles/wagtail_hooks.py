from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .permissions import languages_user_may_fill, may_add_article_under
from .views import FillLanguageFromWordFile, NewArticleFromWordFile


@hooks.register("register_admin_urls")
def word_file_urls():
    return [
        path(
            "word-files/new/<int:parent_id>/", NewArticleFromWordFile.as_view(), name="wordfiles_new_article"
        ),
        path(
            "word-files/fill/<int:page_id>/",
            FillLanguageFromWordFile.as_view(),
            name="wordfiles_fill_language",
        ),
    ]


def word_file_items(page, user):
    if may_add_article_under(page, user):
        yield PageMenuItem(
            _("New article from a Word file"),
            url=reverse("wordfiles_new_article", args=[page.pk]),
            icon_name="doc-full",
            priority=16,
            page=page,
        )


@hooks.register("register_page_header_buttons")
def word_file_header_buttons(page, user, view_name, next_url=None):
    """On the article index's listing (its header's menu), and on an article's edit view."""
    yield from word_file_items(page, user)
    if view_name == "edit" and languages_user_may_fill(page, user):
        yield PageMenuItem(
            _("Fill a language from a Word file"),
            url=reverse("wordfiles_fill_language", args=[page.pk]),
            icon_name="doc-full",
            priority=16,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def word_file_listing_buttons(page, user, next_url=None):
    """In the "more" menu of the article index's row, where the section is listed."""
    yield from word_file_items(page, user)
