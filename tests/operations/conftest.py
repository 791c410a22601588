"""Databases for the backup tests: the test database as migrations left it, fresh empty targets,
and the site served from a restored database.

A test that backs up content it made runs in a transactional test case, so that the archive
(pg_dump is another process) sees that content; such a test empties the database when it ends.
"""

import os
import shutil
import uuid
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django.db.utils import load_backend


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true"}


def require_postgresql_tools() -> None:
    missing = [program for program in ("pg_dump", "pg_restore") if not shutil.which(program)]
    if missing:
        reason = f"{' and '.join(missing)} not on PATH (Debian: apt-get install postgresql-client-15)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)


def wrapper_for(settings_dict: dict, alias: str):
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)


@contextmanager
def database_alias(alias: str, settings_dict: dict):
    """`connections[alias]` for the length of the block, e.g. for `restore --database`.

    Set on the handler, not in its settings: Django's test case lets a test use a connection
    created on the fly, but refuses an alias configured in the settings that it was not told of.
    """
    wrapper = wrapper_for(settings_dict, alias)
    connections[alias] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        del connections[alias]


@contextmanager
def serving_from(settings_dict: dict):
    """The site (test client included) reads this database instead of the test database."""
    original = connections["default"]
    restored = wrapper_for(settings_dict, "default")
    connections["default"] = restored
    try:
        yield restored
    finally:
        restored.close()
        connections["default"] = original


def on_the_server(statement: str) -> None:
    """CREATE and DROP DATABASE run outside any transaction, so not on the test's own connection."""
    maintenance = {**connection.settings_dict, "NAME": "postgres"}
    with database_alias("maintenance", maintenance) as server, server.cursor() as cursor:
        cursor.execute(statement)


@pytest.fixture
def empty_database(tmp_path):
    """Settings of a new, empty database of the test database's kind, dropped afterwards."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
        yield settings_dict
        return
    require_postgresql_tools()
    settings_dict["NAME"] = f"ankasam_backup_{uuid.uuid4().hex[:12]}"
    on_the_server(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    try:
        yield settings_dict
    finally:
        on_the_server(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}" WITH (FORCE)')
