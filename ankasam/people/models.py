"""The house's analysts and fellows.

A person is a page (not a snippet): every author has a public page with a URL in each language,
translated slugs, SEO fields, revisions and a place in the sitemap, through the same machinery
as articles.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ankasam.core.models import PaginatedListingMixin, SEOFieldsMixin
from ankasam.core.visibility import visible_to_readers
from ankasam.translations.pages import TranslatedPageMixin

BIO_FEATURES = ["bold", "italic", "link"]


class PeopleIndexPage(TranslatedPageMixin, PaginatedListingMixin, SEOFieldsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.PersonPage"]
    max_count = 1

    class Meta:
        verbose_name = _("people index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = (
            visible_to_readers(PersonPage.objects.child_of(self)).select_related("photo").order_by("title")
        )
        context["people"] = self.paginate(request, people)
        return context


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=60)
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"


class PersonPage(TranslatedPageMixin, PaginatedListingMixin, SEOFieldsMixin, Page):
    """An author: the page title is the person's name as written in each language."""

    role = models.CharField(_("role"), max_length=200, blank=True)
    short_bio = models.CharField(
        _("short bio"),
        max_length=300,
        blank=True,
        help_text=_("One sentence, shown under articles' bylines and in listings."),
    )
    bio = RichTextField(_("bio"), features=BIO_FEATURES, blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("email"),
        FieldPanel("links"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("role"),
        index.SearchField("bio"),
    ]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def name(self) -> str:
        return self.title

    def get_context(self, request, *args, **kwargs):
        from ankasam.articles.queries import articles_by

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request, articles_by(self))
        return context

    def get_social_image(self):
        return self.social_image or self.photo
