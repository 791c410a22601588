import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def test_the_demo_team_has_one_account_per_role_and_is_created_once(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a demo passphrase 7")
    out = io.StringIO()
    call_command("ensure_demo_team", stdout=out)

    User = get_user_model()
    groups = {user.username: list(user.groups.values_list("name", flat=True)) for user in User.objects.all()}
    assert groups == {"contributor": ["Contributors"], "editor": ["Editors"], "translator": ["Translators"]}
    assert User.objects.get(username="translator").translation_languages == ["ru"]
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="editor", password="a demo passphrase 7") is not None
    assert "a demo passphrase 7" in out.getvalue()

    again = io.StringIO()
    call_command("ensure_demo_team", stdout=again)
    assert "already created" in again.getvalue()
    assert User.objects.count() == 3
