from django.conf import settings
from wagtail.models import Page

from .languages import current_language, text_direction
from .visibility import visible_to_readers

SECTION_DEPTH = 3  # the tree root is 1, the home page 2, its sections 3


def menu_sections():
    """The home page's children shown in menus; the header links to them (pages/chrome.py)."""
    return list(visible_to_readers(Page.objects.in_menu()).filter(depth=SECTION_DEPTH).order_by("path"))


def site_identity(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "TEXT_DIRECTION": text_direction(current_language()),
    }
