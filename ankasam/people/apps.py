from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "ankasam.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from ankasam.core.routing import install_localized_routing

        from .models import PeopleIndexPage, PersonPage

        install_localized_routing(PeopleIndexPage, PersonPage)
