"""Migration 0003 keys existing origin records on their host, so a second import still finds them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("wordpress", "0002_imported_post_fingerprint")]
AFTER = [("wordpress", "0003_origin_site")]


@pytest.mark.django_db(transaction=True)
def test_existing_records_get_their_host_as_their_site(home_page):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    old_apps.get_model("wordpress", "ImportedPost").objects.create(
        source="old.example.org", post_id=7, page_id=home_page.pk, language="en"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps

    record = new_apps.get_model("wordpress", "ImportedPost").objects.get(post_id=7)
    assert (record.site, record.source) == ("old.example.org", "old.example.org")
