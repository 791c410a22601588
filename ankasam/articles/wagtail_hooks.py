from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

from ankasam.people.models import PERSON_PAGE_CONTEXT_HOOK

from .admin_views import convert_pasted_notes
from .models import ArticlePage
from .note_conversion import pasted_notes_by_language
from .queries import articles_by, paginated_cards


@hooks.register(PERSON_PAGE_CONTEXT_HOOK)
def person_articles(person, request) -> dict:
    """A person's page lists their pieces a reader of its language may see, a page at a time."""
    return {"articles": paginated_cards(lambda ids: person.paginate(request, ids), articles_by(person))}


@hooks.register("register_rich_text_features")
def register_insert_feature(features):
    """Inserted text (<ins>), the mark that goes with struck-out text: Wagtail has strikethrough
    built in but not this. Draftail knows the INSERT style; it is stored as <ins>."""
    features.register_editor_plugin(
        "draftail",
        "insert",
        draftail_features.InlineStyleFeature(
            {"type": "INSERT", "label": "+", "description": _("Inserted text")}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "insert",
        {
            "from_database_format": {"ins": InlineStyleElementHandler("INSERT")},
            "to_database_format": {"style_map": {"INSERT": "ins"}},
        },
    )


@hooks.register("register_rich_text_features")
def register_note_reference_control(features):
    """The "Footnote" item of the toolbar and the "/" menu: adds the reference where the cursor is and the
    note, ready for its text (static/js/admin-note-reference.js). It makes no entity: what it
    types is the plain [^N] the notes are matched by, so nothing is converted."""
    features.register_editor_plugin(
        "draftail",
        "note-reference",
        draftail_features.EntityFeature(
            {"type": "NOTE_REFERENCE", "label": "[^]", "description": _("Footnote")},
            js=["js/admin-note-reference.js"],
        ),
    )


@hooks.register("register_admin_urls")
def pasted_notes_urls():
    return [
        path(
            "articles/<int:page_id>/convert-pasted-notes/<str:language>/",
            convert_pasted_notes,
            name="articles_convert_pasted_notes",
        )
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def report_notes_after_saving(request, page):
    """After a save, what the notes need: notes that do not match the text (a draft is saved with
    them, publishing is refused: models.py `clean`), and notes pasted as plain text that one click
    converts (pasted_notes.py). Not for autosave's background posts: their messages would surface
    later, out of context."""
    if not isinstance(page, ArticlePage) or not request.accepts("text/html"):
        return
    warnings = page.footnote_warnings
    if warnings:
        messages.warning(
            request,
            _("The draft is saved, but it cannot be published until its notes match the text: %(problems)s")
            % {"problems": " ".join(str(warning) for warning in warnings)},
        )
    for language, pasted in pasted_notes_by_language(page).items():
        count = len(pasted.notes)
        url = reverse("articles_convert_pasted_notes", args=[page.pk, language])
        messages.warning(
            request,
            ngettext(
                "%(count)s note found at the end of the %(language)s text, referred to as [1]: "
                "convert it into a footnote?",
                "%(count)s notes found at the end of the %(language)s text, referred to as [1]..[%(count)s]: "
                "convert them into footnotes?",
                count,
            )
            % {"count": count, "language": language.upper()},
            buttons=[messages.button(url, _("Convert pasted notes"))],
        )
