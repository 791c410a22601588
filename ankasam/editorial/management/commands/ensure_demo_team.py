"""Demo accounts, one per role, so that `make run` shows the workflow from each side.

Never run this against a production database: the accounts share one printed password.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from ankasam.core.roles import CONTRIBUTORS, EDITORS, TRANSLATORS

DEMO_TEAM = [
    # username, first name, last name, group, translation languages
    ("contributor", "Selin", "Kaya", CONTRIBUTORS, []),
    ("editor", "Murat", "Demir", EDITORS, []),
    ("translator", "Anna", "Volkova", TRANSLATORS, ["ru"]),
]


class Command(BaseCommand):
    help = "Create demo accounts for each editorial role (password from $DEMO_PASSWORD or generated)."

    def handle(self, *args, **options):
        User = get_user_model()
        missing = [member for member in DEMO_TEAM if not User.objects.filter(username=member[0]).exists()]
        if not missing:
            self.stdout.write(
                "Demo team: contributor, editor, translator (already created; passwords unchanged)"
            )
            return
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
