import datetime

import django_filters
from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from ankasam.core.languages import native_name, site_language_codes

from .models import TranslationStatus
from .reports import PageWorkersReportView
from .status import State, Status


class TranslationStatusFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=lambda: settings.LANGUAGES)
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    status = django_filters.ChoiceFilter(label=_("Text"), choices=Status.choices)
    completeness_below = django_filters.NumberFilter(
        field_name="completeness", lookup_expr="lt", label=_("Less complete than (%)")
    )

    class Meta:
        model = TranslationStatus
        fields = ["language", "state", "status"]


def state_counts(queryset) -> list[dict]:
    """Per language, how many pieces are in each state, for the report's summary."""
    counts = {
        (row["language"], row["state"]): row["n"]
        for row in queryset.values("language", "state").annotate(n=Count("pk")).order_by()
    }
    return [
        {"code": code, "name": native_name(code), "counts": [counts.get((code, s), 0) for s in State.values]}
        for code in site_language_codes()
        if any(counts.get((code, s)) for s in State.values)
    ]


class TranslationStatusReportView(PageWorkersReportView):
    report_name = "translation_status"
    page_title = _("Translation status")
    header_icon = "site"
    filterset_class = TranslationStatusFilterSet
    columns = [
        TitleColumn(
            "page_title",
            label=_("Piece"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        Column("language_name", label=_("Language")),
        Column("state_label", label=_("State")),
        Column("completeness_label", label=_("Complete")),
        # Whether the latest version's text matches the original's: what makes a published
        # translation outdated, and a draft one worth finishing.
        Column("status_label", label=_("Text")),
        DateColumn("updated_at", label=_("Checked")),
    ]
    list_export = ["page_title", "language", "state", "completeness", "status", "updated_at"]
    export_headings = {
        "page_title": _("Piece"),
        "language": _("Language"),
        "state": _("State"),
        "completeness": _("Complete (%)"),
        "status": _("Text"),
        "updated_at": _("Checked"),
    }

    def get_queryset(self):
        return TranslationStatus.objects.select_related("page").order_by("page__path", "language")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["state_labels"] = State.labels
        context["summary"] = state_counts(self.object_list)
        return context

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"
