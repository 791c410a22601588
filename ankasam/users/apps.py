from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "ankasam.users"
    label = "users"
    verbose_name = "Users"
