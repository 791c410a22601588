from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ankasam.search"
    label = "search"

    def ready(self):
        from .signals import connect_signals

        connect_signals()
