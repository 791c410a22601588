from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "ankasam.images"
    label = "images"
    verbose_name = _("Images")

    def ready(self):
        from ankasam.core.languages import localized_field, site_language_codes

        from .models import CustomImage

        translated = ("description", "caption", "credit")
        untranslated = [name for name in CustomImage.admin_form_fields if name not in translated]
        CustomImage.admin_form_fields = tuple(untranslated) + tuple(
            localized_field(name, code) for name in translated for code in site_language_codes()
        )
