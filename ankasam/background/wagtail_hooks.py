from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from .views import BackgroundTasksReportView


@hooks.register("register_admin_urls")
def register_background_tasks_urls():
    view = BackgroundTasksReportView
    return [
        path("reports/background-tasks/", view.as_view(), name=view.index_url_name),
        path(
            "reports/background-tasks/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class BackgroundTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(DBTaskResult).user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_background_tasks_menu_item():
    return BackgroundTasksMenuItem(
        _("Background tasks"), reverse(BackgroundTasksReportView.index_url_name), icon_name="cogs", order=900
    )
