"""The test database as migrations left it, put back after tests that empty it.

A transactional test (a live server, a server in another process, a migration test) ends by
emptying every table: the next test would find no default site, no groups and no workflow.
serialized_rollback cannot help: Playwright's sync API keeps an event loop running, so Django's
connection handler hands the test a new wrapper, without the copy the database was serialized to.
"""

from django.core.management import call_command
from django.db import connection


def write_snapshot(path) -> None:
    path.write_text(connection.creation.serialize_db_to_string())


def load_snapshot(snapshot) -> None:
    # The flush leaves the content types post_migrate made again; they go too, so that the
    # snapshot's own rows (and primary keys) load. loaddata, not deserialize_db_from_string:
    # it also resets PostgreSQL's sequences.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    call_command("loaddata", snapshot, verbosity=0)


def emptied() -> bool:
    from wagtail.models import Site

    return not Site.objects.exists()


def empties_the_database(item) -> bool:
    """Whether a collected test runs in a transactional test case."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if fixtures & {"transactional_db", "live_server", "django_db_serialized_rollback"}:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
