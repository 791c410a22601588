from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from .languages import current_language, text_direction
from .visibility import visible_to_readers

SECTION_DEPTH = 3  # the tree root is 1, the home page 2, its sections 3


def _menu_sections():
    return list(visible_to_readers(Page.objects.in_menu()).filter(depth=SECTION_DEPTH).order_by("path"))


def site_identity(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "TEXT_DIRECTION": text_direction(current_language()),
        "site_sections": SimpleLazyObject(_menu_sections),
    }
