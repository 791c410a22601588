"""Media on S3-compatible storage when a bucket is named, and only then (settings/base.py).

django-storages and boto3 are not installed here: these tests read the settings only, with
django-storages' presence pretended where needed; uploading to a bucket is not exercised.
"""

import importlib.util
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from .conftest import base_settings

BUCKET = {"AWS_STORAGE_BUCKET_NAME": "ankasam-media"}


@pytest.fixture
def storages_installed(monkeypatch):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        return object() if name == "storages" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_without_a_bucket_media_stay_on_the_file_system(monkeypatch):
    storages = base_settings(monkeypatch)["STORAGES"]

    assert storages["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert "storages" not in sys.modules


def test_a_bucket_switches_media_to_s3_from_the_environment(monkeypatch, storages_installed):
    configured = base_settings(
        monkeypatch,
        **BUCKET,
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_REGION_NAME="eu-central-1",
        PAGE_CACHE_SECONDS="600",
    )

    assert configured["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "ankasam-media",
            "endpoint_url": "https://s3.example.net",
            "region_name": "eu-central-1",
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 4200,
            "file_overwrite": False,
        },
    }
    # Named, not imported: Django imports the backend when media are first stored.
    assert "storages" not in sys.modules


def test_a_bucket_without_django_storages_stops_start_up_naming_the_pins(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "storages" else real_find_spec(name, *a)
    )

    with pytest.raises(ImproperlyConfigured, match=r"django-storages\[s3\]==1\.14\.6.*boto3==1\.44\.5"):
        base_settings(monkeypatch, **BUCKET)
