from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    name = "ankasam.users"
    label = "users"
    verbose_name = _("Users")


class AnkasamWagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our forms (translators' languages)."""

    user_viewset = "ankasam.users.viewsets.UserViewSet"
