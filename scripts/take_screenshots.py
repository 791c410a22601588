"""Full-page screenshots of one article in every site language, for docs/screenshots.

A scratch copy of the site with the demo content (tests/scratch_project.py) is served with
runserver and photographed in headless Chromium; Persian, right to left, also at phone width. Run
from the project:

    .venv/bin/python -m scripts.take_screenshots

Needs Debian's chromium at /usr/bin/chromium and Playwright (requirements-dev.txt).
"""

import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from ankasam.settings.language_list import read_language_codes
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.scratch_project import PROJECT_DIR, build_demo_site, manage, scratch_env

LANGUAGES = read_language_codes()
# Photographed at phone width too: the right-to-left layout is the one most likely to break there.
PHONE_LANGUAGE = "fa"
CONTENT = PROJECT_DIR / "ankasam" / "demo" / "content"
ARTICLE_FILE = CONTENT / "articles" / "10-qosh-tepa-amu-darya-water-diplomacy.toml"
OUTPUT = PROJECT_DIR / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


def article_paths() -> dict[str, str]:
    site = tomllib.loads((CONTENT / "site.toml").read_text(encoding="utf-8"))
    article = tomllib.loads(ARTICLE_FILE.read_text(encoding="utf-8"))
    return {code: f"/{code}/{site['articles'][code]['slug']}/{article[code]['slug']}/" for code in LANGUAGES}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:  # refused, reset or timed out (URLError is one) while the server starts
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def shrink_png(path: Path) -> None:
    """A full page at 1280 px is over a megabyte in true colour; 256 colours keep text and charts
    legible at under half, so the repository does not grow by megabytes per refresh."""
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    reduced.save(path, optimize=True)


def photograph(base_url: str, paths: dict[str, str]) -> list[Path]:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    shots = [(code, DESKTOP, f"article-{code}.png") for code in LANGUAGES]
    shots.append((PHONE_LANGUAGE, MOBILE, f"article-{PHONE_LANGUAGE}-mobile.png"))
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for code, viewport, name in shots:
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            response = page.goto(base_url + paths[code], wait_until="load")
            if response is None or response.status != 200:
                raise RuntimeError(f"{paths[code]} answered {response and response.status}")
            page.screenshot(path=str(OUTPUT / name), full_page=True)
            shrink_png(OUTPUT / name)
            saved.append(OUTPUT / name)
            context.close()
        browser.close()
    return saved


def main() -> None:
    paths = article_paths()
    with tempfile.TemporaryDirectory(prefix="ankasam-screenshots-") as scratch:
        project = build_demo_site(Path(scratch) / "site")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        manage(project, "set_site_address", base_url)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=project,
            env=scratch_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_serving(base_url + paths["en"], server)
            for path in photograph(base_url, paths):
                print(path.relative_to(PROJECT_DIR))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
