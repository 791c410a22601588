from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

from ankasam.people.models import PERSON_PAGE_CONTEXT_HOOK

from .queries import articles_by


@hooks.register(PERSON_PAGE_CONTEXT_HOOK)
def person_articles(person, request) -> dict:
    """A person's page lists their pieces a reader of its language may see, a page at a time."""
    return {"articles": person.paginate(request, articles_by(person))}


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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_notes_that_do_not_match_the_text(request, page):
    """A draft saved with inconsistent notes says what publishing will need (models.py `clean`).
    Not for autosave's background posts: their messages would surface later, out of context."""
    warnings = getattr(page, "footnote_warnings", None)
    if not warnings or not request.accepts("text/html"):
        return
    messages.warning(
        request,
        _("The draft is saved, but it cannot be published until its notes match the text: %(problems)s")
        % {"problems": " ".join(str(warning) for warning in warnings)},
    )
