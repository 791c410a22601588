from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.pages import WagtailAdminPageForm

from ankasam.core.languages import native_name

from .permissions import changed_fields_outside, editable_languages


class TranslationAwarePageForm(WagtailAdminPageForm):
    """Refuses a translator's changes to fields of languages not assigned to them."""

    def clean(self):
        cleaned_data = super().clean()
        allowed = editable_languages(self.for_user)
        if allowed is None:
            return cleaned_data
        # Not `changed_data`: the rich-text editor rewrites untouched paragraphs on every save.
        outside = changed_fields_outside(self._meta.model, self.initial, cleaned_data, allowed)
        if outside:
            labels = ", ".join(str(self.fields[name].label) for name in outside)
            yours = ", ".join(native_name(code) for code in sorted(allowed)) or _("none")
            message = ngettext(
                "You may change only texts in your languages (%(languages)s). "
                "This field is in another language: %(fields)s.",
                "You may change only texts in your languages (%(languages)s). "
                "These fields are in other languages: %(fields)s.",
                len(outside),
            ) % {"languages": yours, "fields": labels}
            raise ValidationError(message, code="other_language")
        return cleaned_data
