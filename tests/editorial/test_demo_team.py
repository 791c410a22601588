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
    assert User.objects.get(username="translator").translation_languages == ["tr", "ru"]
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="editor", password="a demo passphrase 7") is not None
    assert "a demo passphrase 7" in out.getvalue()
    assert "  translator (Translators): Türkçe, Русский" in out.getvalue()
    assert "  editor (Editors): every language" in out.getvalue()

    again = io.StringIO()
    call_command("ensure_demo_team", stdout=again)
    assert "already created" in again.getvalue()
    assert "  translator (Translators): Türkçe, Русский" in again.getvalue()
    assert User.objects.count() == 3


def test_a_demo_translator_made_with_russian_only_gets_turkish_too():
    call_command("ensure_demo_team", stdout=io.StringIO())
    get_user_model().objects.filter(username="translator").update(translation_languages=["ru"])

    call_command("ensure_demo_team", stdout=io.StringIO())

    assert get_user_model().objects.get(username="translator").translation_languages == ["tr", "ru"]
