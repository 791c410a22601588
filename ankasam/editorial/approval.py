"""A workflow action that would publish what cannot be published is refused, not a server error.

A draft may keep notes that do not match its text (articles/models.py); publishing refuses it.
The edit view's "Approve" checks its form first, but the dashboard's buttons post to Wagtail's
workflow action view, whose last task publishes the revision as it is: the page's check then
raised, after the task had been marked approved. Here the action runs in one transaction, and a
refused publish leaves the review where it was, with the reasons shown on the edit view.
Installed by ankasam/patches (catalogue.py, "workflow action refused cleanly").
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.workflow import WorkflowAction

upstream_post = WorkflowAction.post


def problems_of(error: ValidationError) -> str:
    return " ".join(error.messages)


def post_refusing_what_cannot_be_published(self, request, *args, **kwargs):
    edit_url = self.redirect_url
    try:
        with transaction.atomic():
            return upstream_post(self, request, *args, **kwargs)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” cannot be approved: it could not be published as it is. %(problems)s")
            % {"title": self.object, "problems": problems_of(error)},
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(request, {"step": "success", "redirect": edit_url})
        return redirect(edit_url)
