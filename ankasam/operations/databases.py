"""The database's side of a backup: SQLite through its online backup API, PostgreSQL through
pg_dump and pg_restore. Each function takes a Django connection (`connections[alias]`)."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import transaction

from .errors import BackupError
from .manifest import SUPPORTED_VENDORS, DatabaseFacts, read_facts

DUMP_FILE_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def require_supported(connection) -> str:
    if connection.vendor not in SUPPORTED_VENDORS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def table_names(connection) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def current_facts(connection) -> DatabaseFacts:
    with connection.cursor() as cursor:
        return read_facts(cursor)


def describe_target(connection) -> str:
    return f"{SUPPORTED_VENDORS[connection.vendor]} database {connection.settings_dict['NAME']}"


# -- SQLite -------------------------------------------------------------------------------------


def dump_sqlite(connection, destination: Path) -> DatabaseFacts:
    """Copy the live database with SQLite's backup API, never by copying its file.

    One step (pages=-1) makes the copy a single consistent snapshot even while the site writes.
    The facts are read from the copy, so they describe exactly what the archive holds.
    """
    connection.ensure_connection()
    copy = sqlite3.connect(destination)
    try:
        connection.connection.backup(copy)
        return read_facts(copy.cursor())
    finally:
        copy.close()


def check_sqlite_copy(copy: Path) -> DatabaseFacts:
    try:
        source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"The archive's database cannot be opened: {error}.") from None
    try:
        (verdict,) = source.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            raise BackupError(f"The archive's SQLite database is damaged: {verdict}.")
        return read_facts(source.cursor())
    except sqlite3.Error as error:
        raise BackupError(f"The archive's database is not a usable SQLite database: {error}.") from None
    finally:
        source.close()


def restore_sqlite(connection, copy: Path) -> None:
    """Write the copy into the target through the backup API: the target changes all at once or not at all."""
    check_sqlite_copy(copy)
    if connection.is_in_memory_db():
        raise BackupError("The target database is an in-memory SQLite database; name a file in DATABASE_URL.")
    target_path = connection.settings_dict["NAME"]
    connection.close()
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(target_path)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BackupError(f"Writing the SQLite database {target_path} failed: {error}.") from None
    finally:
        source.close()


# -- PostgreSQL ---------------------------------------------------------------------------------

# libpq reads these from the environment; the password in particular never goes on a command line,
# where every user of the machine could read it.
LIBPQ_SETTINGS = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
LIBPQ_OPTIONS = {
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


def libpq_environment(settings_dict: dict) -> dict[str, str]:
    env = dict(os.environ)
    for key, variable in LIBPQ_SETTINGS.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for key, variable in LIBPQ_OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(key):
            env[variable] = str(settings_dict["OPTIONS"][key])
    return env


def require_program(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} is not on PATH. Install PostgreSQL's client programs at the server's major "
            f"version or newer (Debian: apt-get install postgresql-client-15)."
        )
    return path


def run_client(args: list[str], settings_dict: dict, what: str) -> str:
    result = subprocess.run(args, env=libpq_environment(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        detail = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(f"{what} failed: {detail}")
    return result.stdout


def dump_postgresql(connection, destination: Path) -> DatabaseFacts:
    """pg_dump in custom format, reading the very snapshot the facts were counted in."""
    pg_dump = require_program("pg_dump")
    settings_dict = connection.settings_dict
    if connection.in_atomic_block:
        # The isolation level can only be set at the start of a transaction.
        raise BackupError("A PostgreSQL backup cannot run inside an open transaction.")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        facts = read_facts(cursor)
        # The transaction stays open until pg_dump has finished, which keeps the snapshot alive.
        run_client(
            [
                pg_dump,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={destination}",
                f"--dbname={settings_dict['NAME']}",
            ],
            settings_dict,
            "pg_dump",
        )
    return facts


def check_postgresql_dump(dump: Path, settings_dict: dict) -> None:
    """pg_restore --list reads the dump's table of contents without touching any database."""
    run_client(
        [require_program("pg_restore"), "--list", str(dump)], settings_dict, "Reading the archive's dump"
    )


def restore_postgresql(connection, dump: Path, replace: bool) -> None:
    """One transaction: a pg_restore that fails at any step leaves the target as it was."""
    check_postgresql_dump(dump, connection.settings_dict)
    settings_dict = connection.settings_dict
    connection.close()
    args = [
        require_program("pg_restore"),
        # The restoring user owns what it creates; the source's role names need not exist here.
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--no-password",
        f"--dbname={settings_dict['NAME']}",
    ]
    if replace:
        args += ["--clean", "--if-exists"]
    run_client([*args, str(dump)], settings_dict, "pg_restore")


# -- Either -------------------------------------------------------------------------------------


def dump_database(connection, destination: Path) -> DatabaseFacts:
    if require_supported(connection) == "sqlite":
        return dump_sqlite(connection, destination)
    return dump_postgresql(connection, destination)


def restore_database(connection, dump: Path, replace: bool) -> None:
    if require_supported(connection) == "sqlite":
        restore_sqlite(connection, dump)
    else:
        restore_postgresql(connection, dump, replace)


def server_version(connection) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0]
    return sqlite3.sqlite_version
