from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "ankasam.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from ankasam.core.routing import install_localized_routing

        from .models import PeopleIndexPage, PersonPage

        install_localized_routing(PeopleIndexPage, PersonPage)
