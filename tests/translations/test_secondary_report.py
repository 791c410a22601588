"""The report of secondary texts readers get in another language, because theirs is missing."""

import csv
import io

import pytest

from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db


def rows_of(response):
    return {(row.item_name, row.field_label, row.missing_in) for row in response.context["object_list"]}


@pytest.fixture
def bio_only_in_turkish(people_index):
    return PersonPageFactory(
        parent=people_index,
        title_en="Ayşe Demir",
        role_en="Fellow",
        role_tr="Araştırmacı",
        role_ru="Научный сотрудник",
        role_fa="پژوهشگر",
        short_bio_en="",
        short_bio_tr="",
        bio_en="",
        bio_tr="<p>Enerji politikası üzerine çalışıyor.</p>",
    )


def test_a_bio_written_only_in_turkish_is_listed_for_english_and_russian(
    client, admin_user, bio_only_in_turkish
):
    client.force_login(admin_user)

    response = client.get("/admin/reports/secondary-texts/")

    assert response.status_code == 200
    listed = rows_of(response)
    assert ("Ayşe Demir", "Bio", "en") in listed
    assert ("Ayşe Demir", "Bio", "ru") in listed
    assert ("Ayşe Demir", "Bio", "tr") not in listed
    # Written in every language: nothing to list.
    assert not {row for row in listed if row[0] == "Ayşe Demir" and row[1] == "Role"}


def test_terms_are_listed_and_the_language_filter_and_export_work(client, admin_user, bio_only_in_turkish):
    TopicFactory(name_en="Energy", name_tr="Enerji", name_ru="")
    client.force_login(admin_user)

    russian = client.get("/admin/reports/secondary-texts/?missing_in=ru")
    assert ("Energy", "Name", "ru") in rows_of(russian)
    assert {row.missing_in for row in russian.context["object_list"]} == {"ru"}

    export = client.get("/admin/reports/secondary-texts/?missing_in=ru&export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert {(row["Item"], row["Field"], row["Missing in"]) for row in rows} >= {
        ("Energy", "Name", "ru"),
        ("Ayşe Demir", "Bio", "ru"),
    }


def test_a_draft_persons_texts_are_not_listed(client, admin_user, bio_only_in_turkish):
    bio_only_in_turkish.unpublish()
    client.force_login(admin_user)

    response = client.get("/admin/reports/secondary-texts/")

    assert not {row for row in rows_of(response) if row[0] == "Ayşe Demir"}
