"""The dashboard's "Your unpublished drafts": pages the editor created that were never published.

Wagtail 8's autosave turns a new-page form into a page at its first save; a form left without
saving leaves that draft behind. Wagtail's "Your most recent edits" lists only edits made after
the page existed, so such a draft would be found only by browsing: here it is listed as the
editor's own, to finish or delete.
"""

from wagtail.admin.ui.components import Component
from wagtail.models import Page

SHOWN = 10


def unpublished_drafts_of(user):
    """Pages `user` created that were never published, the last saved first."""
    return (
        Page.objects.filter(owner=user, live=False, first_published_at__isnull=True)
        .exclude(depth=1)
        .order_by("-latest_revision_created_at", "-pk")
    )


class UnpublishedDraftsPanel(Component):
    name = "unpublished_drafts"
    template_name = "editorial/admin/unpublished_drafts_panel.html"
    # Just before Wagtail's "Your most recent edits" (250).
    order = 240

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = self.request
        drafts = unpublished_drafts_of(self.request.user)
        context["drafts"] = list(drafts[:SHOWN])
        context["more"] = max(drafts.count() - SHOWN, 0) if len(context["drafts"]) == SHOWN else 0
        return context
