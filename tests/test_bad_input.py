"""Bad input fails the build with a message that names the file and the line."""

from __future__ import annotations

from io import StringIO

import pytest

from critical_edition.diagnostics import ApparatusError

TEXT = """# A text

{id="1.0.1"}
The first paragraph, with the authors' note.{authors-note}`1`

{id="1.1.1"}
> A quotation, with a second note.{authors-note}`2`

{id="1.P1.1"}
1. one item
2. another item
"""

NOTES = """- number: 1
  text: "A note that cites a work, p.3."
  cites:
    - work: "a-work"
      page: "3"

- number: 2
  text: "Idem."
  cites:
    - same_as_note: 1
"""


def fatal_warnings(make_root, **files) -> str:
    """Build a root whose data is broken: the build must stop; its warnings are returned."""
    warnings = StringIO()
    with pytest.raises(ApparatusError, match=r"in the data files of footnotes/"):
        make_root("basic", files=files, warning=warnings)
    return warnings.getvalue()


def build_warnings(make_root, **files) -> str:
    """Build a root with strict warnings: the build must fail; its warnings are returned."""
    app = make_root("basic", files=files, warningiserror=True)
    app.build()
    assert app.statuscode == 1
    return app.warning.getvalue()


def test_a_marker_with_no_note(make_root):
    warnings = build_warnings(make_root, **{"index.md": TEXT + "\nA third.{authors-note}`3`\n"})
    assert "index.md:13: WARNING: marker of note 3, but the data holds no note 3 [edition.note_missing]" in warnings


def test_a_note_no_marker_uses(make_root):
    warnings = build_warnings(make_root, **{"index.md": TEXT.replace("{authors-note}`2`", "")})
    assert "footnotes/authorial.yaml:7: WARNING: note 2 is marked nowhere in the text [edition.unused]" in warnings


def test_a_note_marked_twice(make_root):
    warnings = build_warnings(make_root, **{"index.md": TEXT + "\nAgain.{authors-note}`1`\n"})
    assert "index.md:13: WARNING: note 1 is marked more than once [edition.note_duplicate]" in warnings


def test_a_yaml_syntax_error(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace('  text: "Idem."', '  text: "Idem.')})
    assert "footnotes/authorial.yaml:8: WARNING: YAML syntax error: while scanning a quoted scalar" in warnings
    assert "found unexpected end of stream (line 11)" in warnings
    assert "[edition.yaml]" in warnings


def test_a_note_missing_a_required_field(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace('  text: "Idem."\n', "")})
    assert (
        "footnotes/authorial.yaml:7: WARNING: field 'text' is required but missing [edition.schema]" in warnings
    )


def test_a_field_of_the_wrong_type(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace("- number: 2", '- number: "two"')})
    assert "footnotes/authorial.yaml:7: WARNING: field 'number': 'two' is not of type 'integer' [edition.schema]" in warnings


def test_an_unknown_field(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace('  text: "Idem."', '  text: "Idem."\n  txet: "x"')})
    assert "footnotes/authorial.yaml:7: WARNING: unknown field: Additional properties are not allowed ('txet' was unexpected)" in warnings


def test_a_duplicate_key(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace('  text: "Idem."', '  text: "Idem."\n  text: "Again."')})
    assert "footnotes/authorial.yaml:9: WARNING: duplicate key 'text' [edition.yaml]" in warnings


def test_a_file_that_is_not_utf8(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace("Idem.", "Id\u00e9m.").encode("latin-1")})
    assert "footnotes/authorial.yaml:8: WARNING: not UTF-8 text" in warnings


def test_an_empty_file(make_root):
    warnings = fatal_warnings(make_root, **{"footnotes/authorial.yaml": "# nothing yet\n"})
    assert "footnotes/authorial.yaml:1: WARNING: the file is empty: it must hold a list of records [edition.yaml]" in warnings


def test_a_note_defined_twice(make_root):
    warnings = build_warnings(make_root, **{"footnotes/authorial.yaml": NOTES + NOTES.split("\n\n")[1]})
    assert "footnotes/authorial.yaml:11: WARNING: note 2 is defined twice [edition.duplicate_id]" in warnings


def test_a_citation_of_an_unknown_work(make_root):
    warnings = build_warnings(make_root, **{"footnotes/authorial.yaml": NOTES.replace('"a-work"', '"no-such-work"')})
    assert "footnotes/authorial.yaml:1: WARNING: note 1 cites unknown work 'no-such-work' [edition.unknown_id]" in warnings
    assert "footnotes/bibliography.yaml:1: WARNING: work 'a-work' is cited by no record and no page [edition.unused]" in warnings


def test_a_textual_note_whose_phrase_matches_nothing(make_root):
    textual = """- id: a-change
  target:
    anchor: "1.0.1"
    phrase: "no such words"
  adopted: "x"
  copy_text: "y"
  kind: emendation
  reason: "a test"
"""
    warnings = build_warnings(make_root, **{"footnotes/textual.yaml": textual})
    assert (
        "footnotes/textual.yaml:1: WARNING: textual note 'a-change': the phrase 'no such words' "
        "is not in paragraph 1.0.1 [edition.target]"
    ) in warnings


def test_a_textual_note_whose_phrase_is_ambiguous(make_root):
    textual = """- id: a-change
  target:
    anchor: "1.0.1"
    phrase: "th"
  adopted: "x"
  copy_text: "y"
  kind: emendation
  reason: "a test"
"""
    warnings = build_warnings(make_root, **{"footnotes/textual.yaml": textual})
    assert "the phrase 'th' occurs 3 times in paragraph 1.0.1; give its occurrence [edition.target]" in warnings


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
