"""Demo accounts, one per role, so that `make run` shows the workflow from each side.

Never run this against a production database: the accounts share one printed password.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from ankasam.core.roles import CONTRIBUTORS, EDITORS, TRANSLATORS
from ankasam.translations.permissions import editable_languages, names_of_languages

DEMO_TEAM = [
    # username, first name, last name, group, translation languages
    ("contributor", "Selin", "Kaya", CONTRIBUTORS, []),
    ("editor", "Murat", "Demir", EDITORS, []),
    ("translator", "Anna", "Volkova", TRANSLATORS, ["tr", "ru"]),
]


def languages_line(user) -> str:
    """What the account may write in, as `make run` prints it: a translator's own languages."""
    groups = ", ".join(user.groups.values_list("name", flat=True))
    allowed = editable_languages(user)
    languages = "every language" if allowed is None else names_of_languages(allowed)
    return f"  {user.username} ({groups}): {languages}"


class Command(BaseCommand):
    help = "Create demo accounts for each editorial role (password from $DEMO_PASSWORD or generated)."

    def handle(self, *args, **options):
        User = get_user_model()
        missing = [member for member in DEMO_TEAM if not User.objects.filter(username=member[0]).exists()]
        # Accounts made by an earlier version keep their password but get today's languages.
        for username, *_names, languages in DEMO_TEAM:
            User.objects.filter(username=username).update(translation_languages=languages)
        if not missing:
            self.stdout.write("Demo team (already created; passwords unchanged):")
        else:
            password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)
            for username, first_name, last_name, group, languages in missing:
                user = User.objects.create_user(
                    username,
                    email=f"{username}@example.org",
                    password=password,
                    first_name=first_name,
                    last_name=last_name,
                    translation_languages=languages,
                )
                user.groups.add(Group.objects.get(name=group))
            names = ", ".join(member[0] for member in missing)
            self.stdout.write(self.style.SUCCESS(f"Demo team ({names}): password {password}"))
        for username, *_rest in DEMO_TEAM:
            self.stdout.write(languages_line(User.objects.get(username=username)))
