from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ankasam.people.models import PersonPage

from .limits import max_upload_bytes, megabytes


class WordFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Word file (.docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the text"))
    authors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Authors"),
        queryset=PersonPage.objects.order_by("title"),
        required=False,
        help_text=gettext_lazy("Leave empty to find the authors the file names in its properties."),
    )

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = [(code, names[code]) for code in languages]
        self.fields["file"].help_text = _(
            "Up to %(limit)s MB. Footnotes and endnotes become the article's notes; "
            "the draft is not published."
        ) % {"limit": megabytes(max_upload_bytes())}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused before it is read: the upload may be on disk and larger than memory should hold.
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                _("The file is %(size)s MB; Word files of up to %(limit)s MB can be imported.")
                % {"size": megabytes(upload.size), "limit": megabytes(max_upload_bytes())}
            )
        return upload
