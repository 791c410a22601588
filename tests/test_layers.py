"""The apps under ankasam/ import each other only downwards, in the order written here.

Every `import` and `from ... import` counts, at module level and inside functions alike: an
import put inside a function to break a cycle at start-up still ties the two apps together.
An app is the first package under ankasam/; `ankasam.settings` and the project's own modules
(urls.py, wsgi.py) are configuration, not apps. docs/architecture.md ("Layers") explains the order.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import ankasam

ROOT = Path(ankasam.__file__).parent
NOT_APPS = {"settings"}

# Lowest first. An app imports only apps in layers below its own.
LAYERS = [
    # Languages, routing, visibility, slugs: what every page type builds on.
    {"core"},
    # Apps that need nothing but core.
    {"background", "identity", "images", "taxonomy", "users"},
    # A page in several languages.
    {"translations"},
    {"people"},
    {"articles"},
    # The institute's own pages, with an article's blocks.
    {"pages"},
    # Built over the content.
    {"discovery", "editorial", "home", "oai", "search", "serving", "wordpress"},
    # Word files: read with the WordPress importer's HTML-to-blocks converter, so above it.
    {"wordfiles"},
    # The read API: articles through the per-language search, so above `search`.
    {"api"},
    # Tools around the site.
    {"demo", "operations"},
    # Replacements installed into packages, for page types of every app (ankasam/patches/).
    {"patches"},
]


@dataclass(frozen=True)
class Import:
    source: str  # the importing app
    target: str  # the imported app
    where: str  # file:line
    module: str  # what is imported

    def __str__(self):
        return f"{self.where} ({self.source}) imports {self.module} ({self.target})"


def module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(node, package: list[str], root_name: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = package[: len(package) - node.level + 1]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    # `from ankasam import articles` imports the app itself.
    return [f"{prefix}.{alias.name}" for alias in node.names] if prefix == root_name else [prefix]


def app_of(module: str, root: Path) -> str | None:
    parts = module.split(".")
    if parts[0] != root.name or len(parts) < 2 or parts[1] in NOT_APPS:
        return None
    return parts[1] if (root / parts[1]).is_dir() else None


def imports_in(root: Path = ROOT) -> list[Import]:
    """Every import from one app into another, wherever it stands in the file."""
    found = []
    for path in sorted(root.rglob("*.py")):
        source = path.relative_to(root).parts[0]
        if source.endswith(".py") or source in NOT_APPS:
            continue
        name = module_name(path, root)
        package = name if path.name == "__init__.py" else name[:-1]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for module in imported_modules(node, package, root.name):
                target = app_of(module, root)
                if target and target != source:
                    where = f"{path.relative_to(root.parent)}:{node.lineno}"
                    found.append(Import(source, target, where, module))
    return found


def imports_from_core(imports) -> list[Import]:
    return [i for i in imports if i.source == "core"]


def layer_of(app: str, layers) -> int | None:
    return next((n for n, apps in enumerate(layers) if app in apps), None)


def apps_without_a_layer(imports, layers) -> set[str]:
    apps = {i.source for i in imports} | {i.target for i in imports}
    return {app for app in apps if layer_of(app, layers) is None}


def upward_imports(imports, layers) -> list[Import]:
    """Imports of an app in the same layer or a layer above the importer's."""
    wrong = []
    for i in imports:
        source, target = layer_of(i.source, layers), layer_of(i.target, layers)
        if source is not None and target is not None and target >= source:
            wrong.append(i)
    return wrong


def cycle_between_apps(imports) -> list[Import]:
    """One cycle of apps importing each other, as the imports that make it; [] when there is none."""
    first_import = {}
    for i in imports:
        first_import.setdefault((i.source, i.target), i)
    graph = {}
    for source, target in first_import:
        graph.setdefault(source, []).append(target)

    def search(app, path, visiting, done):
        visiting.add(app)
        for target in sorted(graph.get(app, [])):
            if target in visiting:
                apps = path[path.index(target) :] + [target]
                return [first_import[pair] for pair in zip(apps, apps[1:], strict=False)]
            if target not in done:
                found = search(target, path + [target], visiting, done)
                if found:
                    return found
        visiting.discard(app)
        done.add(app)
        return []

    done = set()
    for app in sorted(graph):
        if app not in done:
            found = search(app, [app], set(), done)
            if found:
                return found
    return []


def report(imports) -> str:
    return "\n".join(str(i) for i in imports)


def test_core_imports_no_other_app():
    wrong = imports_from_core(imports_in())
    assert not wrong, "core must not import another app of ankasam:\n" + report(wrong)


def test_no_cycle_between_apps():
    cycle = cycle_between_apps(imports_in())
    assert not cycle, "These imports make a cycle between apps:\n" + report(cycle)


def test_every_app_has_a_place_in_the_layers():
    apps = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()} - NOT_APPS
    missing = apps - set().union(*LAYERS)
    assert not missing, f"Add {sorted(missing)} to LAYERS in tests/test_layers.py and docs/architecture.md"


def test_each_app_imports_only_apps_below_it():
    wrong = upward_imports(imports_in(), LAYERS)
    assert not wrong, "Imports of an app in the same or a higher layer (LAYERS):\n" + report(wrong)


# The checker itself, on graphs made up for it.


def fake(source, target, line=1) -> Import:
    return Import(source, target, f"ankasam/{source}/module.py:{line}", f"ankasam.{target}.models")


def test_the_checker_names_core_importing_articles():
    imports = [fake("articles", "core"), fake("core", "articles", line=7)]
    assert imports_from_core(imports) == [imports[1]]
    assert upward_imports(imports, LAYERS) == [imports[1]]
    assert "ankasam/core/module.py:7" in report(imports_from_core(imports))


def test_the_checker_finds_a_cycle_through_three_apps():
    imports = [
        fake("articles", "people"),
        fake("people", "home"),
        fake("home", "articles"),
        fake("home", "core"),
    ]
    cycle = cycle_between_apps(imports)
    assert {(i.source, i.target) for i in cycle} == {
        ("articles", "people"),
        ("people", "home"),
        ("home", "articles"),
    }
    assert cycle_between_apps([i for i in imports if i.source != "home"]) == []


def test_the_checker_reads_imports_inside_functions_and_relative_ones(tmp_path):
    package = tmp_path / "ankasam"
    for app in ("core", "articles"):
        (package / app).mkdir(parents=True)
        (package / app / "__init__.py").write_text("")
    (package / "core" / "views.py").write_text(
        "def view():\n    from ankasam.articles.models import ArticlePage\n    return ArticlePage\n"
    )
    (package / "articles" / "models.py").write_text("from ..core import views\n")

    found = imports_in(package)

    assert [(i.source, i.target, i.where) for i in found] == [
        ("articles", "core", "ankasam/articles/models.py:1"),
        ("core", "articles", "ankasam/core/views.py:2"),
    ]
    assert [i.where for i in cycle_between_apps(found)] == [
        "ankasam/articles/models.py:1",
        "ankasam/core/views.py:2",
    ]
