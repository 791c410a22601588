"""What real exports throw at the import: encoded slugs, plain image tags, known people, moves."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage
from ankasam.wordpress.models import ImportedPost

from ..people.factories import PersonPageFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "import-polylang.xml"
UPLOADS = FIXTURES / "uploads"


@pytest.fixture
def site(article_index, people_index):
    return article_index


def export_with(tmp_path, *replacements) -> Path:
    text = EXPORT.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "export.xml"
    path.write_text(text)
    return path


def run(*args) -> str:
    out = StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out)
    return out.getvalue()


def page_of(post_id: int) -> ArticlePage:
    return ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=post_id).page_id)


def test_a_percent_encoded_cyrillic_slug_is_transliterated(client, site, tmp_path):
    encoded = "%d0%b4%d0%b5%d0%bb%d0%b8%d1%82%d1%8c-%d0%b0%d1%80%d0%b0%d0%ba%d1%81"  # делить-аракс
    export = export_with(tmp_path, ("<![CDATA[delit-araks]]>", f"<![CDATA[{encoded}]]>"))

    run(export)

    river = page_of(103)
    assert river.slug_ru == "delit-araks"
    with override("ru"):
        assert client.get("/ru/2024/05/delit-araks/").headers["Location"] == river.get_url()


def test_an_image_without_its_wordpress_class_is_found_by_its_file(site, tmp_path):
    export = export_with(
        tmp_path,
        (
            'src="https://old.example.org/wp-content/uploads/2024/05/aras-basin.png" '
            'alt="Map of the Aras basin" class="wp-image-301"',
            'src="https://old.example.org/wp-content/uploads/2024/05/aras-basin-300x200.png" '
            'alt="Map of the Aras basin"',
        ),
    )

    report = run(export, "--uploads", UPLOADS)

    river = page_of(101)
    assert [block.value["image"] for block in river.body_en if block.block_type == "image"] == [
        river.hero_image
    ]
    assert "not among the imported attachments" not in report


def test_an_author_already_on_the_site_is_matched_by_e_mail_and_slugs_never_collide(site, people_index):
    known = PersonPageFactory(parent=people_index, email="SELIN@example.org")
    namesake = PersonPageFactory(parent=people_index, title_en="Selin Demir", slug_en="selin-demir")

    report = run(EXPORT)

    assert page_of(101).article_authors.get().person.pk == known.pk
    assert PersonPage.objects.count() == 2 and namesake.pk != known.pk
    assert "person: 0 created" in report


def test_a_new_author_with_a_taken_slug_gets_a_free_one_in_latin_letters(site, people_index, tmp_path):
    PersonPageFactory(parent=people_index, title_en="Selin Demir", slug_en="selin-demir")
    export = export_with(
        tmp_path,
        (
            "<![CDATA[Selin Demir]]></wp:author_display_name>",
            "<![CDATA[Selin Demır]]></wp:author_display_name>",
        ),
    )

    run(export)

    author = page_of(101).article_authors.get().person
    assert (author.title_en, author.slug_en) == ("Selin Demır", "selin-demir-2")


def test_a_second_export_over_http_with_www_finds_what_the_first_imported(site, tmp_path):
    run(EXPORT)
    pages = ArticlePage.objects.count()
    moved = EXPORT.read_text().replace("https://old.example.org", "http://www.old.example.org")
    export = tmp_path / "moved.xml"
    export.write_text(moved)

    report = run(export)

    assert ArticlePage.objects.count() == pages
    assert "page: 0 created" in report


def test_a_failure_outside_the_posts_names_its_phase_and_keeps_nothing(site, monkeypatch):
    from ankasam.wordpress import importer

    def broken(*args):
        raise ValueError("the terms table is locked")

    monkeypatch.setattr(importer, "import_categories", broken)

    with pytest.raises(CommandError, match="nothing was kept: categories: the terms table is locked"):
        run(EXPORT)

    assert not PersonPage.objects.exists() and not ArticlePage.objects.exists()


def test_an_export_cut_off_in_the_middle_of_an_item_is_refused_with_its_line_and_keeps_nothing(
    site, tmp_path
):
    text = EXPORT.read_text()
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("<wp:post_id>103</wp:post_id>")])
    run(EXPORT)
    before = {model: model.objects.count() for model in (ArticlePage, PersonPage, ImportedPost)}

    with pytest.raises(CommandError, match=r"The export cannot be read, nothing was imported: .*line \d+"):
        run(cut)

    assert {model: model.objects.count() for model in before} == before
