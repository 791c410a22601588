from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from ankasam.core.models import SEOFieldsMixin
from ankasam.translations.pages import TranslatedPageMixin

LATEST_ARTICLES_ON_HOME = 6
ARTICLES_PER_TOPIC_BLOCK = 3
MAX_FEATURED = 3
MAX_TOPIC_BLOCKS = 6


class HomePage(TranslatedPageMixin, SEOFieldsMixin, Page):
    """The site's root: the editors' featured pieces, the latest ones, and a block per main topic."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_articles",
            label=_("Featured analyses"),
            heading=_("Featured analyses"),
            help_text=_(
                "Shown first, in this order; a piece not yet translated is skipped in that language."
            ),
            max_num=MAX_FEATURED,
        ),
        InlinePanel(
            "topic_blocks",
            label=_("Topic block"),
            heading=_("Topic blocks"),
            help_text=_("Each main topic gets a block with its latest pieces, in this order."),
            max_num=MAX_TOPIC_BLOCKS,
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage", "people.PeopleIndexPage", "pages.StandardPage"]
    max_count = 1
    # The JSON-LD names the site and its search (discovery/structured_data.py).
    schema_type = "WebSite"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


class HomePageFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured analysis")
        verbose_name_plural = _("featured analyses")


class HomePageTopicBlock(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="topic_blocks")
    topic = models.ForeignKey(
        "taxonomy.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic block")
        verbose_name_plural = _("topic blocks")
