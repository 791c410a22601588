from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ankasam.demo"
    label = "demo"
    verbose_name = "Demo content"
