from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "ankasam.serving"
    label = "serving"

    def ready(self):
        from .invalidation import connect_signals

        connect_signals()
