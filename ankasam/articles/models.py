from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ankasam.core.languages import current_language, field_in, site_language_codes
from ankasam.core.models import SEOFieldsMixin, optional_image
from ankasam.taxonomy.tags import TranslatedTagsManager
from ankasam.translations.models import TranslationRecordMixin
from ankasam.translations.pages import TranslatedPageMixin
from ankasam.translations.panels import TranslationStatusPanel
from ankasam.translations.secondary import text_in_language

from .blocks import ArticleBodyBlock, FootnotesBlock
from .footnotes import footnote_problems
from .forms import ArticlePageForm
from .text import plain_text, reader_text, reading_minutes


class ArticleIndexPage(TranslatedPageMixin, SEOFieldsMixin, Page):
    """A section of the site ("Analyses") listing its articles, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("article index")

    def serve(self, request, *args, **kwargs):
        from .listings import redirect_to_clean_address

        return redirect_to_clean_address(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .listings import filtered_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_listing(request, ArticlePage.objects.child_of(self)))
        return context


class ArticlePageTag(TaggedItemBase):
    # The house's own tag model, named per language (taxonomy.Tag), not taggit's untranslated one.
    tag = models.ForeignKey("taxonomy.Tag", related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# TranslatedPageMixin comes before RoutablePageMixin so that its "not in this language" 404 and its
# per-language preview wrap every route, the sub-addresses included.
class ArticlePage(TranslatedPageMixin, RoutablePageMixin, TranslationRecordMixin, SEOFieldsMixin, Page):
    translation_required_fields = ("title", "body")
    translation_source_fields = ("title", "standfirst", "body", "footnotes")
    # Shown on the article's page: fetched with it when it is served (core/routing.py).
    serve_select_related = ("hero_image", "article_type")

    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("The summary under the title, one or two sentences.")
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    article_type = models.ForeignKey(
        "taxonomy.ArticleType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("article type"),
    )
    hero_image = optional_image(_("main image"), help_text=_("Its caption and credit are shown under it."))
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    footnotes = StreamField(
        FootnotesBlock(),
        blank=True,
        verbose_name=_("footnotes"),
        help_text=_(
            "The quickest way to add a footnote is from the text: type / where the note belongs and "
            "choose Footnote. Or add one here with its label, e.g. 1, and its text; then type [^1] "
            "in the text where the note is referred to, right after the punctuation. A draft can be "
            "saved with notes that do not match the text yet; publishing needs every note referred "
            "to and every reference to have its note."
        ),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="articles", verbose_name=_("topics")
    )
    regions = ParentalManyToManyField(
        "taxonomy.Region", blank=True, related_name="articles", verbose_name=_("regions")
    )
    # related_name: tags are counted and filtered by their articles like topics (`articles__in`).
    tags = TranslatedTagsManager(
        through=ArticlePageTag, blank=True, related_name="articles", verbose_name=_("tags")
    )
    # Minutes per language, computed when the page is cleaned (every save and revision).
    reading_minutes = models.JSONField(default=dict, editable=False)
    # Not stored: set by the admin form (forms.py) when the post saves a draft.
    footnotes_may_be_inconsistent = False
    footnote_warnings: list = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("original_language", widget=forms.Select(choices=settings.LANGUAGES)),
                TranslationStatusPanel(heading=_("Translation status")),
            ],
            heading=_("Translations"),
        ),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("article_type")],
            heading=_("Publication"),
        ),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("footnotes"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("regions"), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        InlinePanel(
            "related_links", label=_("Related articles (shown first under “Similar posts”)"), max_num=6
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    base_form_class = ArticlePageForm
    # What it tells search engines and link previews (translations/discoverable.py).
    og_type = "article"
    schema_type = "Article"
    # article_page.html places the JSON-LD after the feeds, from the authors its context holds.
    json_ld_in_template = True
    edge_addresses_listed = True

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # The reader's sub-addresses (/en/analyses/<slug>/pdf/), answered by reader_actions.py;
    # core/routing.py hands them the path in every language.
    @path("pdf/", name="pdf")
    def serve_pdf(self, request):
        from .reader_actions import serve_pdf

        return serve_pdf(request, self)

    @path("cite-bibtex/", name="cite-bibtex")
    def serve_bibtex(self, request):
        from .reader_actions import serve_citation_file

        return serve_citation_file(request, self, "bibtex")

    @path("cite-ris/", name="cite-ris")
    def serve_ris(self, request):
        from .reader_actions import serve_citation_file

        return serve_citation_file(request, self, "ris")

    def clean(self):
        super().clean()
        problems = [
            f"{language.upper()}: {problem}"
            for language in site_language_codes()
            for problem in footnote_problems(
                plain_text(field_in(self, "body", language)),
                [block.value["label"] for block in field_in(self, "footnotes", language) or []],
            )
        ]
        messages = [_("Footnotes: %(problem)s.") % {"problem": p} for p in problems]
        # A draft may hold notes that do not match its text yet (the admin form says so for a
        # draft, forms.py); anything that makes the page live, a later publication of that draft
        # included, is refused.
        self.footnote_warnings = messages if self.footnotes_may_be_inconsistent else []
        if messages and not self.footnotes_may_be_inconsistent:
            raise ValidationError(messages)
        self.reading_minutes = {
            language: reading_minutes(field_in(self, "body", language)) for language in site_language_codes()
        }

    def reading_time(self) -> int:
        return self.reading_minutes.get(current_language(), 0)

    def get_context(self, request, *args, **kwargs):
        from .presentation import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request, context))
        return context

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_summary(self, language: str) -> str:
        # The body's text only when there is no standfirst: reading it is the costly part.
        return field_in(self, "standfirst", language) or reader_text(field_in(self, "body", language))

    def section_name(self, language: str) -> str:
        return str(text_in_language(self.article_type, "name", language)) if self.article_type else ""

    def get_share_card_texts(self, language: str) -> dict:
        links = self.article_authors.select_related("person").order_by("sort_order")
        byline = ", ".join(str(text_in_language(link.person, "title", language)) for link in links)
        return {
            "title": field_in(self, "title", language) or "",
            "kicker": self.section_name(language),
            "byline": byline,
        }

    def ids_of_articles_showing(self) -> list[int]:
        return [self.pk]


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    person = models.ForeignKey(
        "people.PersonPage", on_delete=models.PROTECT, related_name="authorships", verbose_name=_("person")
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class ArticlePageRelated(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
