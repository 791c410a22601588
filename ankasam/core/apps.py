from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ankasam.core"
    label = "core"
    verbose_name = "Core"
