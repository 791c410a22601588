"""Security of the admin: login throttling (django-axes) and the production settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-editor-password-0451"
ATTACKER_IP = "203.0.113.7"
OTHER_IP = "198.51.100.23"
PROXY_IP = "10.0.0.2"


@pytest.fixture(autouse=True)
def default_throttling(settings):
    """The defaults, whatever AXES_* the shell exports (the subprocess tests check the defaults)."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = 1


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def colleague(db):
    return get_user_model().objects.create_superuser("colleague", "colleague@example.org", PASSWORD)


def sign_in(client, username, password, ip=ATTACKER_IP, **headers):
    data = {"username": username, "password": password}
    return client.post(reverse("wagtailadmin_login"), data, REMOTE_ADDR=ip, **headers)


def is_signed_in(client, ip=ATTACKER_IP):
    """The dashboard answers a signed-in user and sends anyone else to the login page."""
    response = client.get(reverse("wagtailadmin_home"), REMOTE_ADDR=ip)
    if response.status_code == 200:
        return True
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))
    return False


def fail(client, username, times, ip=ATTACKER_IP, **headers):
    return [sign_in(client, username, "wrong", ip, **headers).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_username_from_that_address(editor):
    client = Client()

    # The first four redisplay the form; the fifth reaches the limit and is answered by the lockout page.
    assert fail(client, "editor", 5) == [200, 200, 200, 200, 429]
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert "axes/lockout.html" in [template.name for template in response.templates]
    assert "Too many sign-in attempts" in response.content.decode()
    assert not is_signed_in(client)


def test_the_lockout_page_speaks_the_browser_language(editor):
    client = Client()
    fail(client, "editor", 5)

    response = sign_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="tr")

    assert response.status_code == 429
    assert "Çok fazla giriş denemesi" in response.content.decode()


def test_a_lockout_holds_only_for_that_username_and_that_address(editor, colleague):
    fail(Client(), "editor", 5)

    from_elsewhere, other_user = Client(), Client()
    assert sign_in(from_elsewhere, "editor", PASSWORD, ip=OTHER_IP).status_code == 302
    assert is_signed_in(from_elsewhere, ip=OTHER_IP)
    assert sign_in(other_user, "colleague", PASSWORD).status_code == 302
    assert is_signed_in(other_user)


def test_a_successful_login_before_the_limit_resets_the_count(editor):
    assert fail(Client(), "editor", 4) == [200] * 4
    assert sign_in(Client(), "editor", PASSWORD).status_code == 302

    client = Client()
    assert fail(client, "editor", 4) == [200] * 4
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert is_signed_in(client)


@pytest.fixture
def behind_a_proxy(settings):
    """One reverse proxy at PROXY_IP that appends the client's address to X-Forwarded-For."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    settings.AXES_IPWARE_PROXY_COUNT = 0


def test_behind_a_proxy_the_address_comes_from_the_configured_header(editor, behind_a_proxy):
    assert fail(Client(), "editor", 5, ip=PROXY_IP, HTTP_X_FORWARDED_FOR=ATTACKER_IP)[-1] == 429

    # Another reader behind the same proxy is not locked out.
    response = sign_in(Client(), "editor", PASSWORD, ip=PROXY_IP, HTTP_X_FORWARDED_FOR=OTHER_IP)
    assert response.status_code == 302


def test_behind_a_proxy_forged_addresses_gain_nothing(editor, behind_a_proxy):
    # The proxy appends the real address to whatever the client sent. With the count set, a chain
    # of the wrong length is ignored, so every forged address counts as the proxy's own.
    forged = [f"192.0.2.{n}, {ATTACKER_IP}" for n in range(6)]

    statuses = [
        sign_in(Client(), "editor", "wrong", PROXY_IP, HTTP_X_FORWARDED_FOR=xff).status_code
        for xff in forged[:5]
    ]
    response = sign_in(Client(), "editor", PASSWORD, PROXY_IP, HTTP_X_FORWARDED_FOR=forged[5])

    assert statuses[-1] == response.status_code == 429


# Production settings, imported in a fresh process as a deploy would.

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "example.org",
    "EMAIL_HOST": "smtp.example.org",
}
# Inherited values must not make a "missing variable" test pass by accident.
NOT_INHERITED = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", *PRODUCTION_ENV}
NOT_INHERITED |= {name for name in os.environ if name.startswith(("EMAIL_", "SESSION_", "SECURE_", "AXES_"))}

PRINT_SETTINGS = """
import json
from django.conf import settings as s
names = ["SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
         "EMAIL_BACKEND", "EMAIL_DELIVERY_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS",
         "EMAIL_USE_SSL", "DEFAULT_FROM_EMAIL",
         "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME"]
print(json.dumps({name: getattr(s, name) for name in names}))
"""


def run_production(*args, **env):
    inherited = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=ankasam.settings.production"],
        cwd=ROOT,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**env):
    result = run_production("shell", "-c", PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_refuses_to_start_without_an_smtp_host():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_HOST"}

    result = run_production("check", **env)

    assert result.returncode != 0
    assert "The environment variable EMAIL_HOST must be set." in result.stderr


def test_production_refuses_tls_and_ssl_together():
    result = run_production("check", **PRODUCTION_ENV, EMAIL_USE_SSL="true")

    assert result.returncode != 0
    assert "EMAIL_USE_TLS and EMAIL_USE_SSL are both true" in result.stderr


def test_production_uses_secure_cookies_hsts_and_smtp():
    values = production_settings(**PRODUCTION_ENV, DEFAULT_FROM_EMAIL="ANKASAM <editors@example.org>")

    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] > 0
    # Every e-mail is queued, then sent by SMTP from the worker (ankasam/background/mail.py).
    assert values["EMAIL_BACKEND"] == "ankasam.background.mail.QueuedEmailBackend"
    assert values["EMAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("smtp.example.org", 587)
    assert (values["EMAIL_USE_TLS"], values["EMAIL_USE_SSL"]) == (True, False)
    assert values["DEFAULT_FROM_EMAIL"] == values["WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"]
    assert values["DEFAULT_FROM_EMAIL"] == "ANKASAM <editors@example.org>"
    assert (values["AXES_FAILURE_LIMIT"], values["AXES_COOLOFF_TIME"]) == (5, 1)


def test_production_deploy_check_is_clean_with_mail_configured():
    result = run_production("check", "--deploy", "--fail-level=WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
