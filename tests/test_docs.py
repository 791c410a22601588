"""Every relative link and every repository path named in README.md and docs/ exists.

What is checked, outside fenced code blocks:

- Markdown links and images, `[text](target)` and `![alt](target)`, whose target is relative
  (not `http:`, `https:`, `mailto:` or another scheme, not a bare `#anchor`, not an absolute
  `/path`): the target, without its `#fragment`, resolved against the Markdown file's folder.
- Words inside `code spans` that name a repository path: no scheme (`://`), no placeholder
  (`*`, `<`, `>`, `{`, `}`, `...`, `$`, `=`), a `/` in them, and either a last part with an
  extension (`footnotes.py`) or a trailing `/` (a folder); a `:12`, `:12-30` or `::name` suffix
  is dropped. Such a word is checked when it starts with `./` or `../` (resolved against the
  Markdown file's folder), with a top-level folder of the repository (`ankasam/`, `docs/`,
  `tests/`...), or with the name of an app under `ankasam/` (`core/slugs.py`, as
  docs/architecture.md writes them). It exists when it is found from the repository root, from
  `ankasam/` (app-relative) or from `templates/` (a template's name, `articles/article_page.html`).

An absolute path to a Markdown file (`/srv/notes.md`) is always reported: it names a document
outside the repository, which a reader of the repository does not have.

Not checked: other absolute paths (`/etc/varnish/`, a reader's `/en/analyses/`, which are not files
of this repository), words starting elsewhere (`.venv/bin/python`, `media/`, which set-up makes),
and anything inside fenced code blocks (shell sessions, sample output).
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOP_LEVEL_FOLDERS = {
    "ankasam",
    "bench",
    "deploy",
    "docs",
    "locale",
    "scripts",
    "static",
    "templates",
    "tests",
}
# Files that a procedure a document walks through creates: its example language's catalogue.
MADE_BY_THE_PROCEDURE = {"docs/adding-a-language.md": ("locale/fa/",)}
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
LOCATION_SUFFIX = re.compile(r"(?::\d+(?:-\d+)?|::[\w.]+)$")
PLACEHOLDER = re.compile(r"[*<>{}$=]|\.\.\.|…|://")
MODULE_AND_NAME = re.compile(r"^[a-z_][a-z0-9_]*\.[A-Za-z_][\w.]*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class DeadReference:
    document: str
    line: int
    target: str

    def __str__(self):
        return f"{self.document}:{self.line}: {self.target} does not exist"


def documents(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def prose_lines(text: str):
    """(line number, line) for every line outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def link_targets(line: str) -> list[str]:
    targets = []
    for target in LINK.findall(line):
        if SCHEME.match(target) or target.startswith(("#", "/")):
            continue
        targets.append(target.split("#", 1)[0])
    return [target for target in targets if target]


def app_names(root: Path) -> set[str]:
    return {path.parent.name for path in (root / "ankasam").glob("*/__init__.py")}


def looks_like_a_path(word: str) -> bool:
    if "/" not in word or PLACEHOLDER.search(word) or word.startswith("/"):
        return False
    return word.endswith("/") or "." in word.rsplit("/", 1)[-1]


def code_paths(line: str, apps: set[str]) -> list[str]:
    paths = []
    for _ticks, span in CODE_SPAN.findall(line):
        for word in span.split():
            word = LOCATION_SUFFIX.sub("", word.strip(",;()[]\"'"))
            if word.startswith("/") and word.endswith(".md"):
                paths.append(word)  # a document outside the repository: never there for a reader
            if not looks_like_a_path(word):
                continue
            first = word.split("/", 1)[0]
            if first in {".", ".."} or first in TOP_LEVEL_FOLDERS or first in apps:
                paths.append(word)
    return paths


def link_exists(document: Path, target: str, root: Path) -> bool:
    resolved = (document.parent / target).resolve()
    return resolved.is_relative_to(root) and resolved.exists()


def code_path_exists(document: Path, path: str, root: Path) -> bool:
    if path.startswith("/"):
        return False
    if path.startswith(("./", "../")):
        return link_exists(document, path, root)
    folder, _, last = path.rpartition("/")
    # `serving/views.healthz`: a module and a name in it.
    module = f"{folder}/{last.split('.', 1)[0]}.py"
    candidates = (path, module) if MODULE_AND_NAME.match(last) else (path,)
    return any(
        (base / name).exists() for base in (root, root / "ankasam", root / "templates") for name in candidates
    )


def dead_references(document: Path, root: Path = ROOT) -> list[DeadReference]:
    apps = app_names(root)
    name = document.relative_to(root).as_posix()
    made_later = MADE_BY_THE_PROCEDURE.get(name, ())
    dead = []
    for number, line in prose_lines(document.read_text(encoding="utf-8")):
        dead += [
            DeadReference(name, number, target)
            for target in link_targets(line)
            if not link_exists(document, target, root)
        ]
        dead += [
            DeadReference(name, number, path)
            for path in code_paths(line, apps)
            if not path.startswith(made_later) and not code_path_exists(document, path, root)
        ]
    return dead


@pytest.mark.parametrize("document", documents(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_link_and_path_in_the_docs_exists(document):
    dead = dead_references(document)

    assert not dead, "\n".join(str(reference) for reference in dead)


# The checker itself, on a small repository of its own


@pytest.fixture
def repository(tmp_path):
    for name in (
        "ankasam/core/__init__.py",
        "ankasam/core/slugs.py",
        "docs/decisions/notes.md",
        "templates/a.html",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    return tmp_path


def write_document(repository: Path, text: str) -> Path:
    document = repository / "docs" / "guide.md"
    document.write_text(text, encoding="utf-8")
    return document


def test_the_checker_reports_a_dead_link_and_a_dead_path_with_their_document_and_line(repository):
    document = write_document(
        repository,
        "# Guide\n"
        "See [the notes](decisions/notes.md#why) and [the record](decisions/gone.md).\n"
        "The rule is in `core/slugs.py:12`; the old one was `ankasam/core/discovery.py`.\n"
        "Background: `/srv/shared/notes.md`.\n",
    )

    assert [str(reference) for reference in dead_references(document, repository)] == [
        "docs/guide.md:2: decisions/gone.md does not exist",
        "docs/guide.md:3: ankasam/core/discovery.py does not exist",
        "docs/guide.md:4: /srv/shared/notes.md does not exist",
    ]


def test_the_checker_passes_what_exists_and_skips_what_is_not_a_repository_path(repository):
    document = write_document(
        repository,
        "[Home](../README.md) is missing, but these are fine: [site](https://example.org/x.md),\n"
        "[top](#guide), [mail](mailto:a@example.org), `/etc/varnish/`, `.venv/bin/python`,\n"
        "`locale/<code>/django.po`, `home/migrations/0003`, `a.html` and `core/slugs.py::rule`.\n"
        "```sh\n"
        "cat docs/missing.md  # [fenced](nowhere.md) `docs/missing.md`\n"
        "```\n"
        "[Back](./decisions/notes.md) and `../templates/a.html`.\n",
    )

    assert [str(reference) for reference in dead_references(document, repository)] == [
        "docs/guide.md:1: ../README.md does not exist"
    ]
