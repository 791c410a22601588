"""The admin's "Convert pasted notes": asks once, then converts one language in a new draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ankasam.core.languages import site_language_codes
from ankasam.translations.permissions import editable_languages

from .models import ArticlePage
from .note_conversion import convert_pasted_notes_in_draft, pasted_notes_by_language


def may_convert(page, language, user) -> bool:
    permissions = page.permissions_for_user(user)
    allowed = editable_languages(user)
    return (
        language in site_language_codes()
        and permissions.can_edit()
        and not permissions.page_locked()
        and (allowed is None or language in allowed)
    )


@require_http_methods(["GET", "POST"])
def convert_pasted_notes(request, page_id, language):
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not may_convert(page, language, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        count = convert_pasted_notes_in_draft(page, language, request.user)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s note of the %(language)s text is now a footnote, in a new draft.",
                    "%(count)s notes of the %(language)s text are now footnotes, in a new draft.",
                    count,
                )
                % {"count": count, "language": language.upper()},
            )
        else:
            messages.error(request, _("The latest draft holds no pasted notes to convert."))
        return redirect(edit_url)
    pasted = pasted_notes_by_language(page.get_latest_revision_as_object()).get(language)
    return TemplateResponse(
        request,
        "articles/admin/convert_pasted_notes.html",
        {"page": page, "language": language.upper(), "pasted": pasted, "edit_url": edit_url},
    )
