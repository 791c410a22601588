"""`manage.py add_language fa`: make a language one of the site's, from the list to the database.

Settings (LANGUAGES, the modeltranslation fields) are read once when a process starts, so every
step after editing languages.toml runs in a fresh `manage.py` process that sees the new language.
The procedure it belongs to is docs/adding-a-language.md.
"""

import locale
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale

from ankasam.core.languages import SCRIPTS_WITH_FONTS
from ankasam.settings.language_list import (
    LANGUAGES_FILE,
    LanguageProfile,
    append_language_profile,
    default_profile,
    read_language_codes,
    read_language_profiles,
    write_language_codes,
)

from .update_catalogues import NOT_OURS

# The last step, which a failure earlier leaves to be run by hand. (The translation status report
# needs none: `migrate` queues the rows of the new language, docs/translations.md.)
FINISH = "`manage.py build_translations`"
# What gettext assumes without a rule; only used for a language Django has no catalogue for.
DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
# PostgreSQL's own text search configurations for a language (`\dF` in PostgreSQL 16), each named
# after it in English; a new language whose English name has none is searched with "simple".
POSTGRES_TEXT_SEARCH_CONFIGS = {
    *("arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french"),
    *("german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian"),
    *("nepali", "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish"),
    *("tamil", "turkish", "yiddish"),
}
OG_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")


@dataclass(frozen=True)
class Step:
    title: str
    command: tuple[str, ...]
    if_it_fails: str


def normalise(code: str) -> str:
    return code.strip().lower().replace("_", "-")


def check_new_language(code: str, current: list[str]) -> dict:
    info = LANG_INFO.get(code)
    if info is None:
        raise CommandError(
            f"{code!r} is not a language code Django knows. Use one listed in Django's "
            "django/conf/locale/__init__.py (LANG_INFO), e.g. fa, de, pt-br, zh-hans."
        )
    if "name" not in info:
        # LANG_INFO keeps aliases such as zh-cn that only point at another code.
        raise CommandError(f"{code!r} is an alias in Django; add {info['fallback'][0]!r} instead.")
    if code in current:
        raise CommandError(f"{code} ({info['name']}) is already a site language: {', '.join(current)}.")
    return info


def migration_files() -> set[Path]:
    files = set()
    for app_config in apps.get_app_configs():
        files.update((Path(app_config.path) / "migrations").glob("*.py"))
    return files


def plural_forms(code: str) -> str | None:
    """The plural rule of Django's own catalogue for the language, which gettext needs."""
    django_po = (
        Path(django.__file__).parent / "conf" / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"
    )
    if not django_po.exists():
        return None
    return polib.pofile(str(django_po)).metadata.get("Plural-Forms")


def set_catalogue_headers(catalogue: polib.POFile, code: str) -> None:
    catalogue.metadata.update(
        {
            "Language": to_locale(code),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(code) or DEFAULT_PLURAL_FORMS,
        }
    )


def copy_msgids(source: Path | None, code: str) -> polib.POFile:
    """A catalogue with the source's strings left to translate, for when xgettext is missing."""
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.header = f"{LANG_INFO[code]['name']} translation of the site's interface."
    set_catalogue_headers(catalogue, code)
    nplurals = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for entry in polib.pofile(str(source)) if source else []:
        if entry.obsolete:
            continue
        catalogue.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural=dict.fromkeys(range(nplurals), "") if entry.msgid_plural else {},
                occurrences=entry.occurrences,
                comment=entry.comment,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
            )
        )
    return catalogue


def written_script(info: dict) -> str:
    """The script of the language's own name ("فارسی" is arabic), from Unicode's character names."""
    letter = next(character for character in info["name_local"] if character.isalpha())
    return unicodedata.name(letter).split()[0].lower()


def drafted_profile(code: str, info: dict, script: str | None = None) -> LanguageProfile:
    """The profile add_language writes, from what Python and Django know; a person reviews it."""
    # The C library's locale aliases name the language's main territory: fa_IR, uk_UA, pt_BR.
    territory_locale = locale.normalize(to_locale(code)).split(".")[0]
    configs = [word for word in info["name"].lower().split() if word in POSTGRES_TEXT_SEARCH_CONFIGS]
    return LanguageProfile(
        code,
        og_locale=territory_locale if OG_LOCALE.match(territory_locale) else default_profile(code).og_locale,
        search_config=configs[0] if configs else "simple",
        script=script or written_script(info),
    )


class StepFailed(CommandError):
    pass


class Command(BaseCommand):
    help = (
        "Add a site language (e.g. fa): list it in languages.toml, make the migrations for its "
        "columns, create its interface catalogue, migrate the database (which lists the new "
        "language in the translation status report) and compile the catalogues."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="A language code Django knows, e.g. fa, de, pt-br.")
        parser.add_argument(
            "--script",
            help="The script it is written in (latin, cyrillic, arabic...) when the one read from "
            "its name is wrong, e.g. for a language written in two.",
        )

    def handle(self, *args, code, script=None, **options):
        self.verbosity = options["verbosity"]
        self.project_dir = Path(settings.BASE_DIR)
        self.locale_dir = Path(settings.LOCALE_PATHS[0])
        code = normalise(code)
        current = read_language_codes(LANGUAGES_FILE)
        info = check_new_language(code, current)
        self.check_no_pending_migrations()
        direction = "right-to-left" if info["bidi"] else "left-to-right"
        self.stdout.write(f"Adding {info['name']} ({code}, {info['name_local']}, {direction}).")

        created = self.list_and_make_migrations(code, current, drafted_profile(code, info, script))
        catalogue = self.create_catalogue(code, current)
        self.run_step(
            Step(
                "4/5 Migrating the database (new columns, then the pages' URL paths)",
                ("migrate", "--noinput"),
                f"Fix the error above, then run `manage.py migrate --noinput` and {FINISH}. languages.toml, "
                "the migrations and the catalogue are in place: do not run add_language again.",
            )
        )
        self.run_step(
            Step(
                "5/5 Compiling the interface catalogues",
                ("build_translations",),
                "Fix the error above (a malformed .po file?), then run `manage.py build_translations`.",
            )
        )
        self.report(code, info, [LANGUAGES_FILE, *created, catalogue])

    def check_no_pending_migrations(self):
        """Unrelated model changes would otherwise end up in the new language's migrations."""
        try:
            call_command("makemigrations", check=True, dry_run=True, verbosity=0)
        except SystemExit as exit_:
            if exit_.code:
                raise CommandError(
                    "Some model changes have no migration yet; make and commit them first "
                    "(`manage.py makemigrations`), then add the language."
                ) from None

    def list_and_make_migrations(self, code: str, current: list[str], profile: LanguageProfile) -> list[Path]:
        """Steps 1 and 2, undone together when either fails: nothing else has changed yet."""
        original_list = LANGUAGES_FILE.read_text(encoding="utf-8")
        before = migration_files()

        def undo():
            LANGUAGES_FILE.write_text(original_list, encoding="utf-8")
            for path in migration_files() - before:
                path.unlink()

        self.stdout.write(f"1/5 Listed {code} in {self.relative(LANGUAGES_FILE)}.")
        # The profile first: a listed language without one makes the file invalid.
        self.write_profile(profile)
        write_language_codes([*current, code], LANGUAGES_FILE)
        undone = (
            "Undone: languages.toml is as it was and no migration was left behind. Fix the error "
            "and run add_language again."
        )
        try:
            self.run_step(
                Step(
                    "2/5 Making the migrations for the new columns",
                    ("makemigrations", "--noinput", "--name", f"add_language_{code.replace('-', '_')}"),
                    undone,
                )
            )
        except StepFailed:
            undo()
            raise
        created = sorted(migration_files() - before)
        outside = [path for path in created if not path.is_relative_to(self.project_dir)]
        if outside:
            undo()
            raise CommandError(
                f"makemigrations wrote into installed packages: {', '.join(map(str, outside))}. A model of "
                "a third-party app is registered for translation while MIGRATION_MODULES does not point "
                f"that app at migrations of ours. {undone}"
            )
        return created

    def write_profile(self, profile: LanguageProfile):
        """The drafted profile, unless the file holds one for the language already (Persian's)."""
        if profile.code in read_language_profiles(LANGUAGES_FILE):
            self.stdout.write(f"    Its profile [profiles.{profile.code}] was there already; kept as it is.")
            return
        append_language_profile(profile, LANGUAGES_FILE)
        self.stdout.write(
            f"    Wrote its profile [profiles.{profile.code}]: og_locale {profile.og_locale}, search_config "
            f"{profile.search_config}, script {profile.script}. Review it (docs/adding-a-language.md)."
        )
        if profile.script not in SCRIPTS_WITH_FONTS:
            self.stdout.write(
                self.style.WARNING(
                    f"    No shipped font covers the {profile.script} script: share cards and PDFs would "
                    "show empty boxes. Add a font to static/fonts first (docs/adding-a-language.md)."
                )
            )

    def create_catalogue(self, code: str, current: list[str]) -> Path:
        catalogue = self.locale_dir / to_locale(code) / "LC_MESSAGES" / "django.po"
        title = f"3/5 Creating the interface catalogue {self.relative(catalogue)}"
        if_it_fails = (
            "Fix the error above and create the catalogue with `manage.py update_catalogues`, then run "
            f"`manage.py migrate --noinput` and {FINISH}. languages.toml and the migrations are in place: "
            "do not run add_language again."
        )
        if shutil.which("xgettext"):
            # Only the new catalogue: refreshing the others is `make messages`, a change of its own.
            ignores = [arg for pattern in NOT_OURS for arg in ("--ignore", pattern)]
            options = ("--domain", "django", "--add-location", "file", "--no-obsolete", *ignores)
            self.run_step(Step(title, ("makemessages", "--locale", to_locale(code), *options), if_it_fails))
            po = polib.pofile(str(catalogue), wrapwidth=79)
            set_catalogue_headers(po, code)
            po.save()
            return catalogue
        self.stdout.write(f"{title} (xgettext is not installed: copying the strings of another catalogue)")
        if catalogue.exists():
            self.stdout.write("    It exists already; left as it is.")
            return catalogue
        others = [self.locale_dir / to_locale(other) / "LC_MESSAGES" / "django.po" for other in current]
        source = next((path for path in others if path.exists()), None)
        try:
            catalogue.parent.mkdir(parents=True, exist_ok=True)
            copy_msgids(source, code).save(str(catalogue))
        except (OSError, ValueError) as error:
            raise CommandError(f"{title} failed: {error}\n{if_it_fails}") from error
        if source is None:
            self.stdout.write("    No catalogue to copy from: headers only. Run `make messages` later.")
        return catalogue

    def run_step(self, step: Step):
        self.stdout.write(f"{step.title}: manage.py {' '.join(step.command)}")
        command = [sys.executable, str(self.project_dir / "manage.py"), *step.command, f"-v{self.verbosity}"]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE, "PYTHONIOENCODING": "utf-8"}
        with subprocess.Popen(
            command,
            cwd=self.project_dir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            errors="replace",
        ) as process:
            for line in process.stdout:
                self.stdout.write(f"    {line.rstrip()}")
        if process.returncode:
            raise StepFailed(f"{step.title} failed (exit status {process.returncode}).\n{step.if_it_fails}")

    def report(self, code: str, info: dict, changed: list[Path]):
        catalogue = changed[-1]
        strings = len(polib.pofile(str(catalogue)))
        self.stdout.write(self.style.SUCCESS(f"{info['name']} ({code}) is a site language now."))
        self.stdout.write("Files to commit:\n" + "\n".join(f"    {self.relative(path)}" for path in changed))
        self.stdout.write(
            "Next steps (docs/adding-a-language.md):\n"
            f"    1. Translate the {strings} interface strings in {self.relative(catalogue)}, then run "
            "`manage.py build_translations` (`make test` fails while one is untranslated).\n"
            "    2. Restart the server: the language list is read at start-up.\n"
            f"    3. Give translators {info['name']} (admin: Settings > Users > Translation languages) and "
            f"translate the content: each translated field has a [{code}] version.\n"
            "    4. Commit the files above (not the .mo files: they are built).\n"
            "    5. On each server, after deploying: `manage.py migrate --noinput`, then "
            "`manage.py build_translations`."
        )

    def relative(self, path: Path) -> Path:
        return path.relative_to(self.project_dir) if path.is_relative_to(self.project_dir) else path
