from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "ankasam.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from .tasks import on_migrated, on_tracked_page_saved

        post_save.connect(on_tracked_page_saved, dispatch_uid="translation-statuses")
        post_migrate.connect(on_migrated, sender=self, dispatch_uid="translation-statuses-migrated")
