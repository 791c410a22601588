from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ankasam.core.languages import default_language, is_site_language, native_name

from .status import State, Status, refresh_translation_record, translation_statuses


class TranslationRecordMixin(models.Model):
    """A page whose translations are tracked against the language it was written in."""

    # The fields whose change in the original makes a translation outdated.
    translation_source_fields: tuple[str, ...] = ()

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        default=default_language,
        help_text=_("The language the piece was written in; translations are checked against it."),
    )
    translation_record = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not is_site_language(self.original_language):
            raise ValidationError({"original_language": _("Choose one of the site's languages.")})
        refresh_translation_record(self)

    def translation_statuses(self) -> dict[str, str]:
        return translation_statuses(self)


class TranslationStatus(models.Model):
    """Each tracked page's status per language, as of its latest revision: what the report lists."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_statuses"
    )
    # No `choices`: the site's languages live in settings, and adding one must not alter this table.
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.MISSING)
    # Of the fields the original has filled, the percentage filled in this language.
    completeness = models.PositiveSmallIntegerField(_("complete"), default=0)
    updated_at = models.DateTimeField(_("checked at"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="one_status_per_language")]
        indexes = [
            models.Index(fields=["language", "status"]),
            models.Index(fields=["language", "state"]),
        ]

    def __str__(self):
        return f"{self.page_id} {self.language}: {self.status}"

    @property
    def page_title(self) -> str:
        # Page.title follows the admin's language (falling back to the default language).
        return self.page.title

    @property
    def language_name(self) -> str:
        return native_name(self.language)

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    @property
    def state_label(self) -> str:
        return self.get_state_display()

    @property
    def completeness_label(self) -> str:
        return f"{self.completeness} %"
