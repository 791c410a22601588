from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from ankasam.core.admin_reports import register_report

from .permissions import editable_languages, names_of_languages
from .secondary_report import SecondaryTextsReportView
from .views import TranslationStatusReportView

register_report(TranslationStatusReportView, address="translations", menu_order=250)
register_report(SecondaryTextsReportView, address="secondary-texts", menu_order=251)


@hooks.register("before_edit_page")
def tell_translators_their_languages(request, page):
    """A translator reads which languages they may change before typing, not on a refused save."""
    languages = editable_languages(request.user)
    if languages is None or request.method != "GET":
        return
    names = names_of_languages(languages)
    messages.info(
        request,
        _("You can edit: %(languages)s. Fields shared by every language are shown disabled.")
        % {"languages": names},
    )


# Wagtail 8 has no editor-only CSS hook; the rules only match fields named for a language. A
# stylesheet, not a <style> element: the admin's content security policy refuses inline styles;
# outside the admin's URLs (ankasam/urls.py), since its login page loads it too.
@hooks.register("insert_global_admin_css")
def language_fields_in_their_own_direction():
    return format_html('<link rel="stylesheet" href="{}">', reverse("language_directions_css"))
