from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from .panels import UnpublishedDraftsPanel


@hooks.register("before_delete_page")
def only_editors_delete_other_peoples_pages(request, page):
    # Wagtail lets anyone with edit permission delete unpublished pages; a translator deleting a
    # contributor's draft would bypass review, so only those who may publish delete others' pages.
    user = request.user
    if user.is_superuser or page.owner_id == user.pk or page.permissions_for_user(user).can_publish():
        return None
    messages.error(request, _("Only an editor can delete a page someone else created."))
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("insert_editor_js")
def submit_after_the_running_autosave():
    """A save or publish clicked while an autosave is on its way waits for its answer, so a page
    the autosave has just created is not created twice (static/js/admin-autosave-then-submit.js)."""
    return format_html('<script src="{}"></script>', static("js/admin-autosave-then-submit.js"))


@hooks.register("construct_homepage_panels")
def list_unpublished_drafts(request, panels):
    panels.append(UnpublishedDraftsPanel(request))
