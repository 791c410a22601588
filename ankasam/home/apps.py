from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "ankasam.home"
    label = "home"
    verbose_name = "Home"

    def ready(self):
        from ankasam.core.routing import install_localized_routing

        from .models import HomePage

        install_localized_routing(HomePage)
