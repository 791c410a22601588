from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "ankasam.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail.models import Revision

        from .records import on_revision_saved

        post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="translation-statuses")
