from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ankasam.api"
    label = "api"
