from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.pages import WagtailAdminPageForm

from ankasam.core.languages import default_language, localized_field

from .names import NAME_FIELDS
from .permissions import changed_fields_outside, editable_languages, names_of_languages
from .shared_fields import changed_shared_labels, lock_shared_fields


class TranslatorBoundary:
    """A form's limits for a translator: shared fields shown disabled, and a post that changes them
    or another language's fields refused. For page, snippet and image forms alike."""

    def bind_to_translator(self, user) -> None:
        self.translator_languages = editable_languages(user)
        if self.translator_languages is not None:
            lock_shared_fields(self)

    def refuse_changes_outside_translators_languages(self, cleaned_data) -> None:
        allowed = self.translator_languages
        if allowed is None:
            return
        errors = []
        # Not `changed_data`: the rich-text editor rewrites untouched paragraphs on every save.
        outside = changed_fields_outside(self._meta.model, self.initial, cleaned_data, allowed)
        if outside:
            labels = ", ".join(str(self.fields[name].label) for name in outside)
            yours = names_of_languages(allowed)
            message = ngettext(
                "You may change only texts in your languages (%(languages)s). "
                "This field is in another language: %(fields)s.",
                "You may change only texts in your languages (%(languages)s). "
                "These fields are in other languages: %(fields)s.",
                len(outside),
            ) % {"languages": yours, "fields": labels}
            errors.append(ValidationError(message, code="other_language"))
        # Disabled fields already keep their saved value; a post that changes one anyway is refused
        # rather than silently dropped, so the translator knows their change did not happen.
        shared = changed_shared_labels(self)
        if shared:
            message = _("Only editors may change what every language shares: %(fields)s.") % {
                "fields": ", ".join(shared)
            }
            errors.append(ValidationError(message, code="shared_field"))
        if errors:
            raise ValidationError(errors)


class TranslationAwarePageForm(TranslatorBoundary, WagtailAdminPageForm):
    """Refuses a translator's changes to fields of languages not assigned to them, and to shared fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bind_to_translator(self.for_user)
        # A piece written in another language may leave the default language's title and slug
        # empty; `clean` fills them from its original language, as saving does.
        self.names_from_original = [
            column
            for column in (localized_field(name, default_language()) for name in NAME_FIELDS)
            if "original_language" in self.fields and column in self.fields
        ]
        for column in self.names_from_original:
            self.fields[column].required = False

    def fill_names_from_original(self):
        original = self.cleaned_data.get("original_language") or default_language()
        for column in self.names_from_original:
            if self.cleaned_data.get(column):
                continue
            name = column.rsplit("_", 1)[0]
            value = self.cleaned_data.get(localized_field(name, original))
            if value and original != default_language():
                self.cleaned_data[column] = value
            else:
                target = localized_field(name, original) if original != default_language() else column
                # Django's own wording, already translated in its catalogues.
                message = self.fields[column].error_messages["required"]
                self.add_error(target, ValidationError(message, code="required"))

    def clean(self):
        self.fill_names_from_original()
        cleaned_data = super().clean()
        self.refuse_changes_outside_translators_languages(cleaned_data)
        return cleaned_data
