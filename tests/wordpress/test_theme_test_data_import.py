"""WordPress's own theme test exports imported whole, read from ../shared/ (never copied here)."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from ankasam.articles.models import ArticlePage

from ..services import missing, shared_folder

pytestmark = pytest.mark.django_db

SHORTCODE = re.compile(
    r"\[/?(?:gallery|audio|video|playlist|embed|caption|wp_caption)\b[^\]]*\]"
    r"|\[[a-zA-Z][\w-]*\s+[\w-]+\s*=[^\]]*\]|\[/[a-zA-Z][\w-]*\]"
)


def shared_export(name: str):
    folder = shared_folder("wordpress-test-data")
    if folder is None or not (folder / name).is_file():
        missing("WordPress's theme test data is not in ../shared/wordpress-test-data/")
    return folder / name


def body_text(page) -> str:
    pieces = []
    for block in page.body_en:
        value = block.value
        pieces.append(
            BeautifulSoup(value.source, "html.parser").get_text(" ")
            if hasattr(value, "source")
            else str(value)
        )
    return " ".join(pieces)


@pytest.mark.parametrize("name", ["64-block-test-data.xml", "themeunittestdata.wordpress.xml"])
def test_no_raw_shortcode_is_left_in_any_imported_body(article_index, people_index, name):
    out = StringIO()
    call_command("import_wordpress", str(shared_export(name)), stdout=out)

    pages = list(ArticlePage.objects.all())
    assert pages
    left = [(page.pk, found) for page in pages for found in SHORTCODE.findall(body_text(page))]
    assert left == []
