from wagtail.admin.panels import Panel

from ankasam.core.languages import native_name

from .states import language_states


class TranslationStatusPanel(Panel):
    """Each language's translation status for the version of the page being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["statuses"] = [
                {"code": code, "name": native_name(code), "status": state.status}
                for code, state in language_states(self.instance).items()
            ]
            return context
