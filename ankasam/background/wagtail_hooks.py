from ankasam.core.admin_reports import register_report

from .views import BackgroundTasksReportView

register_report(BackgroundTasksReportView, address="background-tasks", menu_order=900)
