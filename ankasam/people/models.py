"""The house's analysts and fellows.

A person is a page (not a snippet): every author has a public page with a URL in each language,
translated slugs, SEO fields, revisions and a place in the sitemap, through the same machinery
as articles.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ankasam.core.languages import default_language, is_site_language
from ankasam.core.models import PaginatedListingMixin, SEOFieldsMixin, optional_image
from ankasam.core.text import first_sentence, html_to_text
from ankasam.core.visibility import visible_to_readers
from ankasam.translations.pages import TranslatedPageMixin
from ankasam.translations.secondary import text_in_language

BIO_FEATURES = ["bold", "italic", "link"]
# Wagtail hook that adds to a person page's context: `articles` registers the person's articles
# (articles/wagtail_hooks.py), so that this app needs nothing from the apps above it.
PERSON_PAGE_CONTEXT_HOOK = "person_page_context"


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

    # Listed by the report of texts shown in another language (translations/secondary_report.py).
    secondary_text_fields = ("role", "short_bio", "bio")

    # Where a bio or role missing in the reader's and the default language is looked for next
    # (translations/secondary.py `fallback_order`).
    original_language = models.CharField(
        _("own language"),
        max_length=10,
        default=default_language,
        help_text=_("The language this person's bio and role are first written in."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    short_bio = models.CharField(
        _("short bio"),
        max_length=300,
        blank=True,
        help_text=_("One sentence, shown under articles' bylines and in listings."),
    )
    bio = RichTextField(_("bio"), features=BIO_FEATURES, blank=True)
    photo = optional_image(_("photo"))
    email = models.EmailField(_("e-mail"), blank=True)
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    content_panels = Page.content_panels + [
        FieldPanel("original_language", widget=forms.Select(choices=settings.LANGUAGES)),
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
    # What it tells search engines and link previews (translations/discoverable.py).
    og_type = "profile"
    schema_type = "ProfilePage"
    shares_small_image = True

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def name(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not is_site_language(self.original_language):
            raise ValidationError({"original_language": _("Choose one of the site's languages.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for add_to_context in hooks.get_hooks(PERSON_PAGE_CONTEXT_HOOK):
            context.update(add_to_context(self, request))
        return context

    def get_social_image(self):
        return self.social_image or self.photo

    def get_summary(self, language: str) -> str:
        """Their role, then the first sentence of their bio (else their short bio)."""
        bio = first_sentence(html_to_text(text_in_language(self, "bio", language).value))
        summary = bio or str(text_in_language(self, "short_bio", language))
        role = str(text_in_language(self, "role", language))
        return f"{role}. {summary}" if role and summary else role or summary

    def get_share_card_texts(self, language: str) -> dict:
        return super().get_share_card_texts(language) | {
            "kicker": str(text_in_language(self, "role", language))
        }

    def ids_of_articles_showing(self) -> list[int]:
        # Their name is in the search entries of the articles they wrote.
        return list(dict.fromkeys(self.authorships.values_list("page_id", flat=True)))
