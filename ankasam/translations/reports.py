"""The base of the translation reports: who may read them, in one place."""

from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.permissions import policy_registry

from ankasam.core.admin_reports import SiteReportView


class PageWorkersReportView(SiteReportView):
    """A report about pages' texts, for whoever may add, change or publish pages."""

    any_permission_required = ["add", "change", "publish"]

    @cached_property
    def permission_policy(self):
        # The rows describe pages, so the pages' own permissions decide who reads them.
        return policy_registry.get_by_type(Page)

    @classmethod
    def user_may_see(cls, user) -> bool:
        return policy_registry.get_by_type(Page).user_has_any_permission(user, cls.any_permission_required)
