from ankasam.core.admin_reports import register_report

from .views import TranslationStatusReportView

register_report(TranslationStatusReportView, address="translations", menu_order=250)
