from wagtail.admin.panels import Panel

from ankasam.core.languages import native_name

from .states import language_states
from .status import State


def states_in_the_edit_view(instance) -> dict:
    """Each language's state for the version being edited.

    The edit view's instance is the latest revision, which carries the row's `live`: whether a
    language is published is the row's to say (a language written only in a draft is not), so the
    states are those of the row with the edited version as the latest.
    """
    if not instance.pk:
        return language_states(instance)
    row = type(instance).objects.get(pk=instance.pk)
    return language_states(row, latest=instance)


class TranslationStatusPanel(Panel):
    """Each language's state (published, draft, in review...), text status and completeness."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["statuses"] = [
                {
                    "code": code,
                    "name": native_name(code),
                    "status": state.status,
                    "state": state.state,
                    "state_label": State(state.state).label,
                    "completeness": state.completeness,
                }
                for code, state in states_in_the_edit_view(self.instance).items()
            ]
            return context
