from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "ankasam.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail.models import Revision
        from wagtail.signals import (
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
            workflow_submitted,
        )

        from .tasks import on_migrated, on_revision_changed, on_tracked_page_saved, on_workflow_changed

        post_save.connect(on_tracked_page_saved, dispatch_uid="translation-statuses")
        post_save.connect(on_revision_changed, sender=Revision, dispatch_uid="translation-statuses-revision")
        for signal in (workflow_submitted, workflow_approved, workflow_rejected, workflow_cancelled):
            signal.connect(on_workflow_changed, dispatch_uid="translation-statuses-workflow")
        post_migrate.connect(on_migrated, sender=self, dispatch_uid="translation-statuses-migrated")
