"""Snippet and image forms bounded for translators (translations/forms.py has the rule and the
page form). A module of its own: Wagtail's image forms query permissions when imported, which the
page form, imported while models load, must not."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.forms import BaseImageForm

from .forms import TranslatorBoundary


class TranslationAwareModelForm(TranslatorBoundary, WagtailAdminModelForm):
    """Snippets with translated fields (topics, regions, types...)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bind_to_translator(self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_changes_outside_translators_languages(cleaned_data)
        return cleaned_data


class TranslationAwareImageForm(TranslatorBoundary, BaseImageForm):
    """Images: a translator writes captions and credits in their languages, never the file or title."""

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.bind_to_translator(user)

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_changes_outside_translators_languages(cleaned_data)
        return cleaned_data
