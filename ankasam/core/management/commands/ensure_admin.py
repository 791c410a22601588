import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an administrator exists and print how to log in. The password comes from "
        "ADMIN_PASSWORD, else one is generated when the user is created."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default=None, help="Defaults to $ADMIN_PASSWORD.")
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="Printed as the login address."
        )

    def handle(self, *args, username, password, url, **options):
        password = password or os.environ.get("ADMIN_PASSWORD") or None
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email="", password=password)
            note = "created"
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            note = "password set from ADMIN_PASSWORD"
        else:
            password = "(unchanged; set ADMIN_PASSWORD to reset it)"
            note = "already exists"
        self.stdout.write(
            self.style.SUCCESS(f"Admin login ({note}): {url}  username: {username}  password: {password}")
        )
