"""Reports of our own in Wagtail's Reports menu: a report's URL names follow from its `report_name`,
and `register_report` adds its pages and its menu entry together, so they cannot disagree."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView


class SiteReportView(ReportView):
    # The URL names are `<report_name>_report` and `<report_name>_report_results`; the results
    # table is templates/<app>/admin/<report_name>_report_results.html.
    report_name = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.report_name:
            cls.index_url_name = f"{cls.report_name}_report"
            cls.index_results_url_name = f"{cls.report_name}_report_results"
            # Templates mirror the apps: ankasam.<app>.views -> templates/<app>/.
            app = cls.__module__.split(".")[1]
            cls.results_template_name = f"{app}/admin/{cls.report_name}_report_results.html"

    @classmethod
    def user_may_see(cls, user) -> bool:
        raise NotImplementedError

    @classmethod
    def admin_urls(cls, address: str) -> list:
        return [
            path(f"reports/{address}/", cls.as_view(), name=cls.index_url_name),
            path(
                f"reports/{address}/results/",
                cls.as_view(results_only=True),
                name=cls.index_results_url_name,
            ),
        ]


class ReportMenuItem(MenuItem):
    def __init__(self, report: type[SiteReportView], order: int):
        self.report = report
        url = reverse(report.index_url_name)
        super().__init__(report.page_title, url, icon_name=report.header_icon, order=order)

    def is_shown(self, request):
        return self.report.user_may_see(request.user)


def register_report(report: type[SiteReportView], *, address: str, menu_order: int) -> None:
    """Add the report's pages under /admin/reports/<address>/ and its entry to the Reports menu."""
    hooks.register("register_admin_urls", lambda: report.admin_urls(address))
    hooks.register("register_reports_menu_item", lambda: ReportMenuItem(report, menu_order))
