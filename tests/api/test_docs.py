"""docs/api.md's examples answer, and docs/api-openapi.json describes the API that answers them."""

import json
import re
from pathlib import Path

import pytest
from django.urls import resolve

from ankasam.api.urls import api_router
from ankasam.api.views import ArticlesAPIViewSet

from .conftest import get_json

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs"
CURL = re.compile(r"^curl\s+(?:-\S+\s+)*'?(https?://[^'\s]+)'?\s*$")
# The examples' article id; the test's article has its own.
EXAMPLE_ID = re.compile(r"/(articles|pages)/42/")


def curl_examples() -> list[str]:
    examples = []
    for line in (DOCS / "api.md").read_text().splitlines():
        match = CURL.match(line.strip())
        if match:
            examples.append(re.sub(r"^https?://[^/]+", "", match.group(1)))
    return examples


def openapi() -> dict:
    return json.loads((DOCS / "api-openapi.json").read_text())


def test_the_documentation_has_examples_of_every_endpoint():
    paths = " ".join(curl_examples())
    assert len(curl_examples()) >= 8
    for endpoint in ("articles", "pages", "images", "documents"):
        assert f"/api/v2/{endpoint}/" in paths


@pytest.fixture
def image_and_document(article):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images.tests.utils import get_test_image_file

    from ankasam.images.models import CustomImage

    image = CustomImage.objects.create(title="Pipeline", file=get_test_image_file(), caption_tr="Boru hattı")
    # The images endpoint lists images a published page uses.
    article.hero_image = image
    article.save_revision().publish()
    get_document_model().objects.create(title="Annual report", file=ContentFile(b"report", name="report.txt"))


def test_every_curl_example_answers_200_with_json(client, article, image_and_document):
    for example in curl_examples():
        path = EXAMPLE_ID.sub(lambda m: f"/{m.group(1)}/{article.pk}/", example)
        data = get_json(client, path)
        assert data.get("items") or data.get("id") == article.pk, path


def test_the_openapi_description_names_every_endpoint_and_only_those():
    paths = set(openapi()["paths"])
    expected = set()
    for name in api_router._endpoints:
        expected |= {f"/api/v2/{name}/", f"/api/v2/{name}/{{id}}/"}
    assert paths == expected
    for path in paths:
        resolve(path.replace("{id}", "1"))


def test_the_openapi_description_lists_the_articles_parameters():
    spec = openapi()
    listed = {
        spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]["name"]
        for p in spec["paths"]["/api/v2/articles/"]["get"]["parameters"]
    }
    assert listed == ArticlesAPIViewSet.known_query_parameters - {"_"}


def test_the_openapi_article_schema_is_what_the_api_answers(client, article):
    schemas = openapi()["components"]["schemas"]
    detail = get_json(client, f"/api/v2/articles/{article.pk}/?lang=tr")
    summary = get_json(client, "/api/v2/articles/?lang=tr")["items"][0]

    assert set(schemas["Article"]["required"]) == set(detail)
    assert set(schemas["ArticleSummary"]["required"]) == set(summary)
    assert set(schemas["ArticleMeta"]["required"]) == set(detail["meta"])
    assert set(schemas["Author"]["required"]) == set(detail["authors"][0])
    assert set(schemas["Footnote"]["required"]) == set(detail["footnotes"][0])
