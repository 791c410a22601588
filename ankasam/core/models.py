"""Small abstract building blocks shared by page models."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def optional_image(verbose_name, **options) -> models.ForeignKey:
    """A picture from the image library that a page may go without."""
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        **options,
    )


class SEOFieldsMixin(models.Model):
    """Search-engine and sharing fields, edited on the Promote tab."""

    social_image = optional_image(
        _("social image"),
        help_text=_("Shown when the page is shared; the page's main image is used when empty."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading=_("For search engines and sharing"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image


def paginate(request, items, per_page=None):
    """The `?page=N` page of items; a page that does not exist is a 404, not the last page."""
    paginator = Paginator(items, per_page or settings.ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None


class PaginatedListingMixin:
    """Paginates a listing from `?page=N`."""

    items_per_page = None  # settings.ARTICLES_PER_PAGE, read when the page is served

    def paginate(self, request, queryset):
        return paginate(request, queryset, self.items_per_page)
