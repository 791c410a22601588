from django.apps import AppConfig


class PatchesConfig(AppConfig):
    """Every change this project makes to a package's behaviour, installed from one place.

    Listed after the apps whose models it patches, so that wagtail-modeltranslation has patched
    them first; `manage.py check` fails when a patch is not in effect (checks.py).
    """

    name = "ankasam.patches"
    label = "patches"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system check)
        from .registry import install_all

        install_all()
