"""A throwaway copy of the project, with its own SQLite database, for trying what a checkout must not
undergo: adding a language rewrites languages.toml and writes migrations and catalogues.

Used by tests/core/test_adding_a_language.py and scripts/take_screenshots.py; it lives with the tests
because a test needs it, and scripts may import from tests, never the other way round.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
SETTINGS = "ankasam.settings.dev"
# The outer run's database, settings and deploy-time values must not reach the copy: with them it
# would migrate the suite's PostgreSQL database or write images into the checkout's media folder.
OUTER_VARIABLES = {
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "PORT",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "ADMIN_PASSWORD",
    "ADMIN_PATH",
    "SITE_NAME",
    "WAGTAILADMIN_BASE_URL",
    "TIME_ZONE",
    "PYTHONPATH",
}
OUTER_PREFIXES = ("PYTEST_", "SECURE_", "COV_CORE_")


class ManageFailed(RuntimeError):
    pass


def project_files(source: Path = PROJECT_DIR) -> list[str]:
    """Tracked files plus new ones not ignored: a fresh clone, with uncommitted work included."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=source,
        capture_output=True,
        check=True,
    )
    names = listing.stdout.decode().split("\0")
    # A tracked file deleted in the working tree is still listed.
    return [name for name in names if name and (source / name).is_file()]


def copy_project(destination: Path, source: Path = PROJECT_DIR) -> Path:
    for name in project_files(source):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
    return destination


def scratch_env(**extra: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in OUTER_VARIABLES and not name.startswith(OUTER_PREFIXES)
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "PYTHONIOENCODING": "utf-8",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(project: Path, *args: str, timeout: float = 600) -> str:
    """Run `manage.py` in the copy; its output, or ManageFailed carrying that output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=project,
        env=scratch_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    if result.returncode:
        raise ManageFailed(f"manage.py {' '.join(args)} exited with {result.returncode}:\n{result.stdout}")
    return result.stdout


def build_site_with_language(
    destination: Path, code: str, before_loading: Callable[[Path], None] | None = None
) -> tuple[Path, str]:
    """The steps of docs/adding-a-language.md on a copy of the site; the copy and add_language's output.

    The site is migrated before the language is added, as a running site would be, so the new
    columns are added to existing tables. `before_loading(project)` may write the new language's
    sections into the copy's demo content before it is loaded.
    """
    project = copy_project(destination)
    manage(project, "migrate", "--noinput", "-v0")
    added = manage(project, "add_language", code)
    if before_loading is not None:
        before_loading(project)
    manage(project, "load_demo_content")
    return project, added


def build_demo_site(destination: Path) -> Path:
    """A copy of the site in its own languages, migrated, with the demo content loaded.

    The catalogues are compiled as `make run` does: the copy has no `.mo` files (git ignores them).
    """
    project = copy_project(destination)
    manage(project, "build_translations")
    manage(project, "migrate", "--noinput", "-v0")
    manage(project, "load_demo_content")
    return project
