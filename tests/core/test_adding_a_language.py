"""Adding a language by the documented procedure (docs/adding-a-language.md), on a copy of the site.

The copy is needed because the procedure rewrites languages.toml and writes migrations and a
catalogue; it has its own SQLite database whatever database the suite itself runs on. Inside the
copy, `fetch_pages` (below) renders the pages with Django's test client and hands them back.
"""

import io
import json
import re
import tomllib
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf.locale import LANG_INFO
from django.core.management import CommandError, call_command

from ankasam.core.management.commands import add_language
from ankasam.core.management.commands.add_language import Command, copy_msgids, drafted_profile
from ankasam.settings.language_list import LanguageProfile, append_language_profile, read_language_profiles
from tests.scratch_project import PROJECT_DIR, build_site_with_language, manage

# A right-to-left language the site does not ship (Persian, the docs' example, ships now).
CODE = "ar"
PERSIAN = "fa"
CONTENT = PROJECT_DIR / "ankasam" / "demo" / "content"
ARTICLE_FILE = CONTENT / "articles" / "10-qosh-tepa-amu-darya-water-diplomacy.toml"
HTML_TAG = re.compile(r"<html[^>]*>")
# What a translator writes for the demo in the new language: the `[ar]` sections of its files.
ARABIC_SITE = """
[home.ar]
title = "تحليلات لجوار متغير"
intro = "أبحاث مستقلة في الطاقة والأمن والدبلوماسية من آسيا الوسطى إلى البحر الأسود."
[articles.ar]
title = "تحليلات"
slug = "tahlilat"
intro = "تحليلاتنا وتعليقاتنا وتقاريرنا، الأحدث أولًا."
"""
ARABIC_ARTICLE = """
[ar]
title = "قوش تبه ونهر آمو داريا: دبلوماسية المياه من دون اعتراف"
slug = "qosh-tepa-wa-amu-darya"
standfirst = "أصبحت أكبر قناة ري في أفغانستان أمرًا واقعًا على ضفاف نهر مشترك."
body = "لم يعد السؤال كيف تُوقَف القناة، بل كيف تُدار مياه النهر بين جميع الدول المشاطئة له.[^1]"

[[ar.notes]]
label = "1"
text = "مقابلة أجراها المؤلفون مع مسؤول سابق في قطاع الري، إسطنبول، نوفمبر ٢٠٢٥."
"""


def read_toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def installed_package_migrations() -> set[Path]:
    """Migration files of the apps that live outside the project (Wagtail's, Django's...)."""
    files = set()
    for app_config in apps.get_app_configs():
        path = Path(app_config.path)
        if not path.is_relative_to(PROJECT_DIR):
            files.update((path / "migrations").glob("*.py"))
    return files


def fetch_pages(article_slug: str, paths: list[str], output: str) -> None:
    """Run inside the copy by `manage.py shell`: each page's status and HTML, as JSON.

    The admin's edit view of the article is fetched as a superuser; it is listed as "admin".
    """
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from ankasam.articles.models import ArticlePage

    setup_test_environment()  # lets the test client's host in
    client = Client()
    pages = {}
    for path in paths:
        response = client.get(path)
        pages[path] = {"status": response.status_code, "html": response.content.decode()}
    article = ArticlePage.objects.rewrite(False).get(slug_en=article_slug)
    editor = get_user_model().objects.create_superuser("language-check", "", "not-used")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    pages["admin"] = {"status": response.status_code, "html": response.content.decode()}
    Path(output).write_text(json.dumps(pages), encoding="utf-8")


def write_arabic_demo_sections(project: Path) -> None:
    """The translator's step: the new language's sections of the demo content, in the copy."""
    for name, sections in [("site.toml", ARABIC_SITE), (f"articles/{ARTICLE_FILE.name}", ARABIC_ARTICLE)]:
        path = project / "ankasam" / "demo" / "content" / name
        path.write_text(path.read_text(encoding="utf-8") + sections, encoding="utf-8")


def test_a_language_added_by_the_documented_procedure_is_served_right_to_left_and_editable(tmp_path):
    languages_file = PROJECT_DIR / "ankasam" / "settings" / "languages.toml"
    checkout_languages = languages_file.read_text(encoding="utf-8")
    package_migrations = installed_package_migrations()
    article = tomllib.loads(ARABIC_ARTICLE)
    site = tomllib.loads(ARABIC_SITE)
    article_path = f"/{CODE}/{site['articles'][CODE]['slug']}/{article[CODE]['slug']}/"
    english_slug = read_toml(ARTICLE_FILE)["en"]["slug"]

    project, added = build_site_with_language(tmp_path / "site", CODE, write_arabic_demo_sections)
    manage(
        project,
        "shell",
        "-v0",
        "-c",
        "from tests.core.test_adding_a_language import fetch_pages; "
        f"fetch_pages({english_slug!r}, {[article_path, f'/{CODE}/']!r}, 'pages.json')",
    )
    pages = json.loads((project / "pages.json").read_text(encoding="utf-8"))

    copied_languages = read_toml(project / "ankasam" / "settings" / "languages.toml")
    assert copied_languages["codes"][-1] == CODE
    assert CODE not in read_toml(languages_file)["profiles"]
    drafted = read_language_profiles(project / "ankasam" / "settings" / "languages.toml")[CODE]
    assert drafted == drafted_profile(CODE, LANG_INFO[CODE])
    assert drafted.search_config == "arabic" and drafted.script == "arabic"
    catalogue = project / "locale" / CODE / "LC_MESSAGES" / "django.po"
    assert catalogue.with_suffix(".mo").exists(), added
    assert f'"Language: {CODE}\\n"' in catalogue.read_text(encoding="utf-8")
    assert list(project.glob(f"ankasam/*/migrations/*_add_language_{CODE}.py")), added

    new_article = pages[article_path]
    assert new_article["status"] == 200
    assert HTML_TAG.search(new_article["html"]).group(0) == f'<html lang="{CODE}" dir="rtl">'
    assert article[CODE]["title"] in new_article["html"]
    assert new_article["html"].count('class="footnote"') == len(article[CODE]["notes"])

    new_home = pages[f"/{CODE}/"]
    assert new_home["status"] == 200
    assert HTML_TAG.search(new_home["html"]).group(0) == f'<html lang="{CODE}" dir="rtl">'
    assert site["home"][CODE]["title"] in new_home["html"]
    assert article[CODE]["title"] in new_home["html"]

    editor = pages["admin"]
    assert editor["status"] == 200
    title_input = re.search(rf'<input[^>]*name="title_{CODE}"[^>]*>', editor["html"])
    assert title_input and f'value="{article[CODE]["title"]}"' in title_input.group(0)
    assert re.search(rf'<div id="body_{CODE}"[^>]*data-controller="w-block"', editor["html"])
    assert f"Body [{CODE}]" in editor["html"] and f"Footnotes [{CODE}]" in editor["html"]

    assert installed_package_migrations() == package_migrations
    assert languages_file.read_text(encoding="utf-8") == checkout_languages


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("xx", "'xx' is not a language code Django knows"),
        ("zh-cn", "'zh-cn' is an alias in Django; add 'zh-hans' instead"),
        ("TR", "tr (Turkish) is already a site language"),
    ],
)
def test_a_code_that_cannot_be_added_is_refused_before_anything_changes(code, message):
    languages_file = PROJECT_DIR / "ankasam" / "settings" / "languages.toml"
    before = languages_file.read_text(encoding="utf-8")

    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("add_language", code)

    assert languages_file.read_text(encoding="utf-8") == before


def test_without_xgettext_the_catalogue_copies_the_strings_to_translate(tmp_path):
    source = polib.POFile()
    source.metadata = {"Language": "ru", "Plural-Forms": "nplurals=4; plural=(n%10==1 ? 0 : 1);"}
    source.append(polib.POEntry(msgid="Footnotes", msgstr="Сноски", occurrences=[("templates/x.html", "")]))
    source.append(
        polib.POEntry(
            msgid="{{ minutes }} min read",
            msgid_plural="{{ minutes }} min read",
            msgstr_plural={0: "a", 1: "b", 2: "c", 3: "d"},
            flags=["python-format", "fuzzy"],
        )
    )
    source.save(str(tmp_path / "django.po"))

    catalogue = copy_msgids(tmp_path / "django.po", PERSIAN)

    assert catalogue.metadata["Language"] == PERSIAN
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"  # Django's rule for Persian
    assert [entry.msgid for entry in catalogue] == ["Footnotes", "{{ minutes }} min read"]
    assert catalogue[0].msgstr == "" and catalogue[0].occurrences == [("templates/x.html", "")]
    assert catalogue[1].msgstr_plural == {0: "", 1: ""}
    assert catalogue[1].flags == ["python-format"]


# The language's profile


@pytest.mark.parametrize(
    ("code", "og_locale", "search_config", "script"),
    [
        ("de", "de_DE", "german", "latin"),
        ("pt-br", "pt_BR", "portuguese", "latin"),
        ("uk", "uk_UA", "simple", "cyrillic"),
        ("fa", "fa_IR", "simple", "arabic"),
        ("he", "he_IL", "simple", "hebrew"),
    ],
)
def test_the_drafted_profile_is_derived_from_what_python_and_django_know(
    code, og_locale, search_config, script
):
    profile = drafted_profile(code, LANG_INFO[code])

    assert profile == LanguageProfile(code, og_locale, search_config, script)


def test_the_script_can_be_given_when_the_name_says_another():
    assert drafted_profile("sr-latn", LANG_INFO["sr-latn"], script="latin").script == "latin"
    assert drafted_profile("sr", LANG_INFO["sr"]).script == "cyrillic"


def languages_copy(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "languages.toml"
    path.write_text((PROJECT_DIR / "ankasam" / "settings" / "languages.toml").read_text(encoding="utf-8"))
    monkeypatch.setattr(add_language, "LANGUAGES_FILE", path)
    return path


def test_a_new_languages_profile_is_appended_for_review_keeping_the_file(tmp_path, monkeypatch):
    path = languages_copy(tmp_path, monkeypatch)
    before = path.read_text(encoding="utf-8")
    output = io.StringIO()

    Command(stdout=output).write_profile(drafted_profile("de", LANG_INFO["de"]))

    assert path.read_text(encoding="utf-8").startswith(before)
    assert read_language_profiles(path)["de"] == LanguageProfile("de", "de_DE", "german", "latin")
    assert read_language_profiles(path)["tr"] == read_language_profiles()["tr"]
    assert "Wrote its profile [profiles.de]" in output.getvalue() and "Review it" in output.getvalue()


def test_a_profile_written_before_the_language_is_added_is_kept(tmp_path, monkeypatch):
    path = languages_copy(tmp_path, monkeypatch)
    append_language_profile(LanguageProfile(CODE, "ar_AR", "arabic", "arabic", ("«", "»")), path)
    before = path.read_text(encoding="utf-8")
    output = io.StringIO()

    Command(stdout=output).write_profile(drafted_profile(CODE, LANG_INFO[CODE]))

    assert path.read_text(encoding="utf-8") == before
    assert f"[profiles.{CODE}] was there already; kept" in output.getvalue()


def test_a_script_without_a_shipped_font_is_pointed_out(tmp_path, monkeypatch):
    languages_copy(tmp_path, monkeypatch)
    output = io.StringIO()

    Command(stdout=output).write_profile(drafted_profile("ja", LANG_INFO["ja"]))

    assert "No shipped font covers the cjk script" in output.getvalue()
