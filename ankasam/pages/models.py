"""The institute's own pages: About, Team, Contact, Privacy, and whatever else is plain text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ankasam.articles.blocks import PARAGRAPH_FEATURES, ArticleBodyBlock
from ankasam.core.models import SEOFieldsMixin
from ankasam.translations.pages import TranslatedPageMixin


class PageBodyBlock(ArticleBodyBlock):
    """An article's blocks, so that pages imported from WordPress keep theirs; a page has no notes."""

    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="articles/blocks/paragraph.html")


class StandardPage(TranslatedPageMixin, SEOFieldsMixin, Page):
    """A translated page of text under the home page (or under another such page)."""

    translation_required_fields = ("title", "body")

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(PageBodyBlock(), blank=True, verbose_name=_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Linked from every page's footer, in the languages the page is written in."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = SEOFieldsMixin.promote_panels + [
        MultiFieldPanel([FieldPanel("show_in_footer")], heading=_("For the site footer"))
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
