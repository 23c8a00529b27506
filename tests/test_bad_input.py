"""Bad input gets a warning that names the file and the line: one small root per family of mistakes.

Each ``tests/roots/test-bad-<family>/`` holds its inputs as files and, beside
them, the exact text the build must give: ``warnings.txt`` (the warnings, in
order, paths relative to the root) and, when the build must stop,
``error.txt`` (the error that stops it).
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from sphinx.errors import ConfigError

from conftest import ROOTS
from critical_edition.diagnostics import ApparatusError

#: The good root's inputs, for tests that build variants of it.
TEXT = (ROOTS / "test-basic" / "index.md").read_text(encoding="utf-8")
NOTES = (ROOTS / "test-basic" / "footnotes" / "authorial.yaml").read_text(encoding="utf-8")

FAMILIES = sorted(path.name.removeprefix("test-") for path in ROOTS.glob("test-bad-*"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def expected(family: str, name: str) -> list[str]:
    path = ROOTS / f"test-{family}" / name
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def said(app_or_stream, srcdir) -> list[str]:
    """The warnings as lines, paths made relative to the root."""
    text = app_or_stream.getvalue() if isinstance(app_or_stream, StringIO) else app_or_stream.warning.getvalue()
    return [line for line in ANSI.sub("", text).replace(f"{srcdir}/", "").splitlines() if line]


def build_family(make_root, tmp_path, family: str, **kwargs) -> tuple[list[str], str | None]:
    """Build a bad root: its warnings, and the error that stopped it (``None`` if it finished)."""
    warnings = StringIO()
    try:
        app = make_root(family, warning=warnings, **kwargs)
    except (ApparatusError, ConfigError) as error:
        return said(warnings, tmp_path / family), str(error)
    app.build()
    return said(app, app.srcdir), None


def test_there_is_a_root_for_every_family():
    assert FAMILIES == [
        "bad-anchors", "bad-config", "bad-notes", "bad-records", "bad-schema", "bad-targets", "bad-yaml",
    ]


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_gives_exactly_its_warnings(make_root, tmp_path, family):
    warnings, error = build_family(make_root, tmp_path, family)
    assert warnings == expected(family, "warnings.txt")
    assert (error.splitlines() if error else []) == expected(family, "error.txt")


def test_data_that_cannot_be_read_stops_the_build_with_the_count(make_root):
    with pytest.raises(ApparatusError, match=r"^6 problems in the data files of footnotes/ "):
        make_root("bad-yaml")


def test_every_configuration_problem_is_listed_at_once(make_root):
    with pytest.raises(ConfigError) as raised:
        make_root("bad-config")
    assert len(str(raised.value).splitlines()) == 6


def test_a_good_configuration_passes_the_check(make_root):
    app = make_root(
        "basic",
        confoverrides={
            "edition_metadata": {
                "title": "T", "container_title": "C", "authors": [{"literal": "A"}], "issued": "2026", "version": "1",
            },
            "html_baseurl": "https://edition.invalid/",
            "edition_fragment_prefix": "para-",
        },
    )
    app.build()
    assert app.warning.getvalue() == ""


def test_a_strict_build_fails_on_an_edition_warning(make_root):
    app = make_root("bad-notes", warningiserror=True)
    app.build()
    assert app.statuscode == 1


def test_one_subtype_can_be_silenced_and_the_others_still_speak(make_root, tmp_path):
    warnings, _ = build_family(make_root, tmp_path, "bad-notes", confoverrides={"suppress_warnings": ["edition.note_missing"]})
    assert warnings == [line for line in expected("bad-notes", "warnings.txt") if "[edition.note_missing]" not in line]
    assert len(warnings) == 2


def test_the_whole_type_can_be_silenced(make_root, tmp_path):
    warnings, _ = build_family(make_root, tmp_path, "bad-targets", confoverrides={"suppress_warnings": ["edition"]})
    assert warnings == []


def test_the_good_root_builds_clean(make_root):
    app = make_root("basic", warningiserror=True)
    app.build()
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""


def test_every_schema_of_the_edition_is_a_valid_json_schema():
    import json

    import jsonschema

    from conftest import PROJECT

    schemas = sorted((PROJECT / "critical_edition/data/schemas").glob("*.schema.json"))
    assert len(schemas) >= 7
    for path in schemas:
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema).check_schema(schema)
