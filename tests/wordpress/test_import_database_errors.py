"""A database that is not there, not migrated or lost mid-run: one line, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from ankasam.articles.models import ArticlePage

REPOSITORY = Path(__file__).resolve().parents[2]
EXPORT = Path(__file__).parent / "fixtures" / "import-polylang.xml"


def command_output(database_url: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "ankasam.settings.test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "import_wordpress", str(EXPORT)],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_clean_line(result: subprocess.CompletedProcess, *words: str):
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1 and lines[0].startswith("CommandError: "), result.stderr
    for word in words:
        assert word in lines[0]


def test_a_database_never_migrated_is_named_with_the_command_to_run(tmp_path):
    result = command_output(f"sqlite:///{tmp_path / 'empty.sqlite3'}")

    assert_one_clean_line(result, "The database is not set up", "manage.py migrate --noinput")


def test_a_database_that_does_not_answer_is_one_line():
    # Port 1 on this machine: nothing listens there, so the connection is refused at once.
    result = command_output("postgres://nobody:secret@127.0.0.1:1/nothing")

    assert_one_clean_line(result, "The database could not be reached", "Nothing was imported")
    assert "secret" not in result.stderr


@pytest.mark.django_db
def test_a_connection_lost_during_the_run_is_one_line_and_keeps_nothing(
    article_index, people_index, monkeypatch
):
    from ankasam.wordpress import importer

    def dropped(*args):
        raise OperationalError(
            "server closed the connection unexpectedly\n\tThis probably means the server ..."
        )

    monkeypatch.setattr(importer, "import_categories", dropped)

    with pytest.raises(CommandError) as raised:
        call_command("import_wordpress", str(EXPORT))

    message = str(raised.value)
    assert "\n" not in message and "server closed the connection unexpectedly" in message
    assert message.startswith("The database could not be reached or dropped the connection")
    assert not ArticlePage.objects.exists()
