from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    name = "ankasam.users"
    label = "users"
    verbose_name = "Users"


class AnkasamWagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our forms (translators' languages)."""

    user_viewset = "ankasam.users.viewsets.UserViewSet"
