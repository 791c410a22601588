from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ankasam.core.models import SEOFieldsMixin
from ankasam.translations.pages import TranslatedPageMixin

LATEST_ARTICLES_ON_HOME = 7


class HomePage(TranslatedPageMixin, SEOFieldsMixin, Page):
    """The site's root: an introduction and the latest pieces."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage", "people.PeopleIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from ankasam.articles.models import ArticlePage
        from ankasam.articles.queries import article_cards

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = article_cards(
            ArticlePage.objects.descendant_of(self), limit=LATEST_ARTICLES_ON_HOME
        )
        return context
