import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ankasam.settings.environment import env_bool, env_int, env_list, env_required, parse_bool, parse_list

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw", ["1", "true", "True", " yes ", "ON"])
def test_true_values(raw):
    assert parse_bool("DEBUG", raw) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_false_values(raw):
    assert parse_bool("DEBUG", raw) is False


def test_a_misspelt_boolean_is_an_error_naming_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DEBUG='flase'"):
        parse_bool("DEBUG", "flase")


def test_lists_are_comma_separated_and_trimmed():
    assert parse_list(" example.org, www.example.org ,,") == ["example.org", "www.example.org"]
    assert parse_list("") == []


def test_defaults_apply_only_when_unset(monkeypatch):
    monkeypatch.delenv("ANKASAM_TEST_FLAG", raising=False)
    assert env_bool("ANKASAM_TEST_FLAG", True) is True
    assert env_list("ANKASAM_TEST_FLAG", ["a"]) == ["a"]
    monkeypatch.setenv("ANKASAM_TEST_FLAG", "0")
    assert env_bool("ANKASAM_TEST_FLAG", True) is False
    assert env_int("ANKASAM_TEST_FLAG", 5) == 0


def test_a_non_integer_port_is_an_error(monkeypatch):
    monkeypatch.setenv("PORT", "eighty")
    with pytest.raises(ImproperlyConfigured, match="PORT='eighty'"):
        env_int("PORT", 8000)


def test_required_values_must_be_set(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "  ")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env_required("SECRET_KEY")


INHERITED_SETTINGS = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_manage(*args, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in INHERITED_SETTINGS}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", "--settings=ankasam.settings.production", ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        "--settings=ankasam.settings.production",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="example.org",
        EMAIL_HOST="smtp.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
