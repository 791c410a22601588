from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "ankasam.translations"
    label = "translations"
    verbose_name = _("Translations")
