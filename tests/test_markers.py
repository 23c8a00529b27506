"""Every test that needs TeX or a browser says so with its marker, so that it skips without them and fails in CI."""

from __future__ import annotations

import ast
from pathlib import Path

#: What a test calls or asks for that needs each marker's tools.
NEEDS = {
    "pdf": {"pdf_text_of", "make_pdf", "pdf_text"},
    "browser": {"chromium", "require_browser"},
}


def _marks(decorators: list[ast.expr]) -> set[str]:
    """The names of ``pytest.mark.<name>`` among decorators or a ``pytestmark`` value."""
    return {
        node.attr
        for decorator in decorators
        for node in ast.walk(decorator)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "mark"
    }


def unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_marks = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "pytestmark" for t in node.targets):
            module_marks |= _marks([node.value])
    fixtures_needing = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {a.arg for a in node.args.args}
            fixtures_needing[node.name] = used
    problems = []
    for name, used in fixtures_needing.items():
        if not name.startswith("test_"):
            continue
        node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
        marks = module_marks | _marks(node.decorator_list)
        for mark, needs in NEEDS.items():
            if used & needs and mark not in marks:
                problems.append(f"{path.name}::{name} needs the {mark} marker")
    return problems


def test_tests_that_need_tex_or_a_browser_are_marked():
    tests = sorted(Path(__file__).parent.glob("test_*.py"))
    assert [problem for path in tests for problem in unmarked(path)] == []


def test_the_check_finds_an_unmarked_test(tmp_path):
    path = tmp_path / "test_x.py"
    path.write_text(
        "import pytest\n\n"
        "def test_a(pdf_text):\n    pass\n\n"
        "@pytest.mark.pdf\ndef test_b(tmp_path):\n    pdf_text_of(tmp_path)\n\n"
        "def test_c():\n    require_browser()\n",
        encoding="utf-8",
    )
    assert unmarked(path) == ["test_x.py::test_a needs the pdf marker", "test_x.py::test_c needs the browser marker"]
