from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm


def translation_languages_field():
    return forms.MultipleChoiceField(
        label=_("Translation languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For members of the Translators group: the languages whose texts they may change."),
    )


class AnkasamUserEditForm(UserEditForm):
    translation_languages = translation_languages_field()

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"translation_languages"}


class AnkasamUserCreationForm(UserCreationForm):
    translation_languages = translation_languages_field()

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"translation_languages"}
