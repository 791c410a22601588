from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "ankasam.oai"
    label = "oai"
    verbose_name = _("OAI-PMH")
