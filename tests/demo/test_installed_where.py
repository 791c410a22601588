"""The demo is development and test content: production does not install it, and `make run` and
`make serve` still load it (the Makefile runs `load_demo_content` through the development settings)."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_APP = "ankasam.demo"
# Imported in a child process: production's settings read the environment at import.
READ_INSTALLED_APPS = """
import importlib, json, sys
print(json.dumps({name: importlib.import_module(name).INSTALLED_APPS for name in sys.argv[1:]}))
"""
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "example.org",
    "EMAIL_HOST": "smtp.example.org",
}


def installed_apps(*settings_modules: str) -> dict[str, list[str]]:
    outer = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", READ_INSTALLED_APPS, *settings_modules],
        cwd=ROOT,
        env={**outer, **PRODUCTION_ENVIRONMENT},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_only_development_and_test_settings_install_the_demo():
    apps = installed_apps(*(f"ankasam.settings.{name}" for name in ("base", "production", "dev", "test")))

    assert DEMO_APP not in apps["ankasam.settings.base"]
    assert DEMO_APP not in apps["ankasam.settings.production"]
    assert DEMO_APP in apps["ankasam.settings.dev"]
    assert DEMO_APP in apps["ankasam.settings.test"]


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_code_outside_the_demo_imports_it():
    importers = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "ankasam").rglob("*.py"))
        if "demo" not in path.relative_to(ROOT / "ankasam").parts
        and any(name == DEMO_APP or name.startswith(DEMO_APP + ".") for name in imports_of(path))
    ]

    assert importers == []


def test_the_makefile_loads_the_demo_through_settings_that_install_it():
    makefile = (ROOT / "Makefile").read_text()
    demo_settings = re.search(r"^DEMO_SETTINGS := DJANGO_SETTINGS_MODULE=(\S+)$", makefile, re.MULTILINE)
    loading = [line.strip() for line in makefile.splitlines() if "manage.py load_demo_content" in line]

    assert demo_settings, "the Makefile names no DEMO_SETTINGS"
    assert DEMO_APP in installed_apps(demo_settings.group(1))[demo_settings.group(1)]
    # `site` (which `run` and `serve` use) and `import-sample`.
    assert len(loading) == 2
    assert all(line.startswith("$(DEMO_SETTINGS) ") for line in loading), loading
