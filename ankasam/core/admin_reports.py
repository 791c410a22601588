"""Reports of our own in Wagtail's Reports menu: each declares its address, URL names and menu entry
once, on its view class, so the URL patterns and the menu item cannot disagree."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView


class SiteReportView(ReportView):
    # The URL names are `<report_name>_report` and `<report_name>_report_results`.
    report_name = ""
    # Under /admin/reports/.
    address = ""
    menu_order = 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.report_name:
            cls.index_url_name = f"{cls.report_name}_report"
            cls.index_results_url_name = f"{cls.report_name}_report_results"

    @classmethod
    def user_may_see(cls, user) -> bool:
        raise NotImplementedError

    @classmethod
    def admin_urls(cls) -> list:
        return [
            path(f"reports/{cls.address}/", cls.as_view(), name=cls.index_url_name),
            path(
                f"reports/{cls.address}/results/",
                cls.as_view(results_only=True),
                name=cls.index_results_url_name,
            ),
        ]

    @classmethod
    def menu_item(cls) -> MenuItem:
        return ReportMenuItem(cls)


class ReportMenuItem(MenuItem):
    def __init__(self, report: type[SiteReportView]):
        self.report = report
        url = reverse(report.index_url_name)
        super().__init__(report.page_title, url, icon_name=report.header_icon, order=report.menu_order)

    def is_shown(self, request):
        return self.report.user_may_see(request.user)


def register_report(report: type[SiteReportView]) -> None:
    """Add the report's pages to the admin and its entry to the Reports menu (from wagtail_hooks)."""
    hooks.register("register_admin_urls", report.admin_urls)
    hooks.register("register_reports_menu_item", report.menu_item)
