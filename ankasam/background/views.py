"""*Reports → Background tasks*: the database queue's recent and failed tasks, for administrators."""

import django_filters
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy

from ankasam.core.admin_reports import SiteReportView

from .queueing import ATTEMPT_KWARG


def attempts_allowed(row: DBTaskResult) -> int | None:
    try:
        task = row.task
    except Exception:
        # The task's code was renamed or removed since it was queued: its row is still listed.
        return None
    return getattr(task.func, "attempts", 1)


def attempt_label(row: DBTaskResult) -> str:
    attempt = row.args_kwargs.get("kwargs", {}).get(ATTEMPT_KWARG, 1)
    allowed = attempts_allowed(row)
    return _("%(attempt)s of %(allowed)s") % {"attempt": attempt, "allowed": allowed or "?"}


def error_summary(row: DBTaskResult) -> str:
    """The exception and its message: what follows the traceback's last indented (frame) line."""
    lines = row.traceback.rstrip().splitlines()
    last_frame = max((i for i, line in enumerate(lines) if line.startswith(" ")), default=-1)
    return " ".join(" ".join(lines[last_frame + 1 :]).split())


def deferred_until(row: DBTaskResult):
    return None if row.run_after == get_date_max() else row.run_after


class ErrorColumn(Column):
    cell_template_name = "background/admin/error_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["traceback"] = instance.traceback
        return context


class TaskResultFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TaskResultStatus.choices)

    class Meta:
        model = DBTaskResult
        fields = ["status"]


def status_counts() -> list[tuple[str, int]]:
    counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in TaskResultStatus.choices]


class BackgroundTasksReportView(SiteReportView):
    report_name = "background_tasks"
    page_title = _("Background tasks")
    header_icon = "cogs"
    filterset_class = TaskResultFilterSet
    permission_required = "view"
    columns = [
        Column("task_name", label=_("Task")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("attempt", label=_("Attempt"), accessor=attempt_label),
        ErrorColumn("error", label=_("Error"), accessor=error_summary),
        DateColumn("enqueued_at", label=_("Queued")),
        DateColumn("run_after", label=_("Not before"), accessor=deferred_until),
        DateColumn("started_at", label=_("Started")),
        DateColumn("finished_at", label=_("Finished")),
    ]

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(DBTaskResult)

    @classmethod
    def user_may_see(cls, user) -> bool:
        return ModelPermissionPolicy(DBTaskResult).user_has_permission(user, "view")

    def get_queryset(self):
        return DBTaskResult.objects.order_by("-enqueued_at")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["status_counts"] = status_counts()
        return context
