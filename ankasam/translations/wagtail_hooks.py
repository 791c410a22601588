from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .views import TranslationStatusReportView


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    view = TranslationStatusReportView
    return [
        path("reports/translations/", view.as_view(), name=view.index_url_name),
        path(
            "reports/translations/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, TranslationStatusReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationReportMenuItem(
        _("Translation status"),
        reverse(TranslationStatusReportView.index_url_name),
        icon_name="site",
        order=250,
    )
