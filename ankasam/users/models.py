from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's user, in place from the start so that fields can be added without pain."""

    # Codes of the site languages a member of the Translators group may change (see
    # ankasam.translations.permissions); a list rather than choices so adding a language needs no
    # migration of this table.
    translation_languages = models.JSONField(
        _("translation languages"),
        default=list,
        blank=True,
        help_text=_("For translators: the languages whose texts they may change."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
