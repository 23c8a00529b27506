"""The package as the ecosystem expects it: a clean sdist and wheel, no import cycle, modules of one concern."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import PROJECT

PACKAGE = PROJECT / "critical_edition"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> tuple[Path, str]:
    """The sdist and the wheel, built as a packager would (an isolated build), and what the build printed."""
    out = tmp_path_factory.mktemp("dist")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(PROJECT)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done.stdout + done.stderr


def test_the_sdist_and_the_wheel_build_without_a_warning(dist):
    _, printed = dist
    # pip's own notes on this machine's package index are not the package's.
    lines = [line for line in printed.splitlines() if not line.startswith("WARNING: Location ")]
    assert [line for line in lines if "warning" in line.lower()] == []


def test_the_wheel_carries_the_schemas_templates_styles_and_fonts(dist):
    out, _ = dist
    (wheel,) = out.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (
        "critical_edition/data/schemas/authorial.schema.json",
        "critical_edition/data/schemas/common.schema.json",
        "critical_edition/html/static/edition.js",
        "critical_edition/html/static/edition.css",
        "critical_edition/html/templates/edition-sidebar-nav-bs.html",
        "critical_edition/html/templates/static/webpack-macros.html",
        "critical_edition/html/icon_fonts/fa-solid-900.woff2",
        "critical_edition/latex/critical-edition.sty",
    ):
        assert path in names, path
    assert not any(name.startswith(("footnotes/", "source/", "tests/")) for name in names)


def _imports(path: Path) -> set[str]:
    """The modules of the package that a module imports, resolved to dotted names."""
    module = ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
            found.add(target)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("critical_edition"):
            found.add(node.module or "")
    return found


def test_no_module_of_the_package_imports_itself_back():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = _imports(path)

    def resolve(target: str) -> str | None:
        while target and target not in graph:
            target = target.rpartition(".")[0]
        return target or None

    edges = {name: {resolve(t) for t in targets} - {None, name} for name, targets in graph.items()}
    # A package's __init__ gathers its modules' setups: it imports downwards only, so it is not a cycle.
    for name in edges:
        edges[name] = {t for t in edges[name] if not (t and name.startswith(t + "."))}
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            assert state.get(target) != 1, "import cycle: " + " -> ".join([*path, name, target])
            if target not in state:
                visit(target, [*path, name])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [])


def test_no_module_is_over_300_lines():
    long = {str(p.relative_to(PROJECT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}


def test_each_phase_is_a_subpackage_with_its_setup():
    import critical_edition

    source = Path(critical_edition.__file__).read_text(encoding="utf-8")
    for phase in ("data", "text", "html", "latex", "citing"):
        assert (PACKAGE / phase / "__init__.py").exists()
        assert f"setup_{phase}(app)" in source


def test_the_readme_documents_every_configuration_value_and_no_other():
    import re

    from critical_edition.config import CONFIG_VALUES

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Configuration values", 1)[1].split("\n\n#", 1)[0]
    documented = re.findall(r"^\| `(edition_\w+)` \|", table, re.MULTILINE)
    assert sorted(documented) == sorted(CONFIG_VALUES)
    assert len(documented) == len(set(documented))
