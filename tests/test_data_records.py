"""The data files read straight into records, without a build: fast enough to run under mutation testing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOTS

from critical_edition.data.apparatus import (
    FATAL,
    KINDS,
    PLACES_KEY,
    apparatus_in,
    kind_key,
    read_apparatus,
    record_key,
)
from critical_edition.data.files import DataFile, load_schemas, read_data_file
from critical_edition.data.record_checks import works_cited_by_records
from critical_edition.data.records import Citation, Source, Target
from critical_edition.diagnostics import Problem


def read(root: str):
    return read_apparatus(ROOTS / f"test-{root}" / "footnotes", "footnotes")


def as_warnings(apparatus) -> list[str]:
    """The findings as the build prints them (what each root's warnings.txt holds)."""
    return [f"{f.location}: WARNING: {f.message} [edition.{f.problem.value}]" for f in apparatus.findings]


def expected_warnings(root: str) -> list[str]:
    return (ROOTS / f"test-{root}" / "warnings.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("root", ["bad-yaml", "bad-schema"])
def test_unreadable_files_give_every_fatal_finding_and_no_records(root):
    apparatus = read(root)
    assert as_warnings(apparatus) == expected_warnings(root)
    assert apparatus.fatal == apparatus.findings
    assert all(f.problem in FATAL for f in apparatus.findings)
    assert not any(apparatus[:6])


def test_cross_checks_are_the_first_warnings_of_the_build():
    apparatus = read("bad-records")
    assert apparatus.textual_notes["in-note-9"].target == Target("", "p.3", None, 9)
    found = as_warnings(apparatus)
    assert found == expected_warnings("bad-records")[: len(found)]
    assert len(found) == 9
    assert apparatus.fatal == ()


def test_fatal_problems_skip_the_cross_checks(tmp_path):
    for path in (ROOTS / "test-bad-records" / "footnotes").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "glossary.yaml").write_text("- id: x\n", encoding="utf-8")
    apparatus = read_apparatus(tmp_path, "data")
    assert {f.problem for f in apparatus.findings} == {Problem.schema, Problem.duplicate_id, Problem.unknown_id}
    assert not [f for f in apparatus.findings if "unknown work" in f.message or "claimed" in f.message]
    assert [f.location for f in apparatus.findings if f.problem is Problem.schema] == ["data/glossary.yaml:1"] * 4


def test_the_records_of_a_good_root():
    apparatus = read("apparatus")
    assert apparatus.findings == ()
    note = apparatus.authors_notes[1]
    assert note == (1, "A Work, p.3.", (Citation("a-work", None, "3", None, None, None),), None, (), "footnotes/authorial.yaml:1")
    assert list(apparatus.bibliography) == ["a-work", "a-glossary"]
    assert apparatus.bibliography["a-glossary"].location == "footnotes/bibliography.yaml:10"
    assert apparatus.bibliography["a-work"].csl["author"] == [{"family": "Writer", "given": "A."}]
    ivanov = apparatus.persons["ivanov"]
    assert ivanov.name == "Ivan Ivanovich Ivanov" and ivanov.index_name == "Ivanov, Ivan Ivanovich"
    assert ivanov.forms == ("Ivanov",) and ivanov.born == "1880" and ivanov.died == "1937"
    assert ivanov.role == "Secretary of a committee" and ivanov.wikidata == "Q42"
    assert ivanov.sources == (Source("a-glossary", None, "dates, role"),)
    assert ivanov.life == "1880\u20131937"
    assert apparatus.persons["lenin"].wikidata is None
    assert apparatus.persons["lenin"].location == "footnotes/persons.yaml:15"
    uyezd = apparatus.glossary["uyezd"]
    assert (uyezd.term, uyezd.forms, uyezd.definition, uyezd.also) == ("Uyezd", ("Uyezd",), "A county.", "уезд")
    assert apparatus.glossary["lenin-enrolment"].also is None
    change = apparatus.textual_notes["formerly"]
    assert change.target == Target("1.0.1", "formerly", None, None)
    assert (change.adopted, change.copy_text, change.kind) == ("formerly", "formely", "emendation")
    assert change.reason.startswith("A misprint")
    note = apparatus.editorial_notes["top-down"]
    assert note.target == Target("1.1.1", "looked at from the top down", None)
    assert note.text == "An explanatory note." and note.sources == (Source("a-work", "p. 4", None),)
    assert works_cited_by_records(apparatus) == {"a-work", "a-glossary"}


def test_idem_repeats_the_work_of_the_earlier_note_and_remembers_it():
    apparatus = read("basic")
    assert apparatus.findings == ()
    assert apparatus.authors_notes[2].cites == (Citation("a-work", None, "3", None, None, 1),)
    assert apparatus.authors_notes[1].cites[0].same_as_note is None


def test_a_person_without_dates_has_no_life_and_the_index_sorts_the_name(tmp_path):
    (tmp_path / "authorial.yaml").write_text('- number: 1\n  text: "N."\n', encoding="utf-8")
    (tmp_path / "persons.yaml").write_text(
        '- id: x\n  name: "X Y"\n  forms: ["Xy"]\n  role_1927: "R"\n  authority_note: "N."\n  born: "1901-02-03"\n'
        '  sources: [{work: w}]\n- id: z\n  name: "Z"\n  forms: ["Zz"]\n  role_1927: "R"\n  authority_note: "N."\n  sources: [{work: w}]\n',
        encoding="utf-8",
    )
    persons = read_apparatus(tmp_path, "d").persons
    assert persons["x"].life == "1901\u2013?"
    assert persons["z"].life == "" and persons["z"].index_name == "Z"


def test_a_target_anchor_is_matched_in_upper_case_and_names_its_note():
    assert Target.from_yaml({"anchor": "7.p3.1", "phrase": "x"}) == Target("7.P3.1", "x", None, None)
    assert Target.from_yaml({"anchor": "7.4.2", "phrase": "x", "occurrence": 2}) == Target("7.4.2", "x", 2, None)
    assert str(Target("7.P3.1", "x", None)) == "7.P3.1"
    assert str(Target("", "x", None, 4)) == "note 4"


def test_digests_change_with_a_record_and_name_every_kind(tmp_path):
    for path in (ROOTS / "test-apparatus" / "footnotes").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = read_apparatus(tmp_path, "footnotes").digests
    assert {kind_key(kind) for kind in KINDS} | {PLACES_KEY} <= set(before)
    assert record_key("persons", "ivanov") == "persons:ivanov" and kind_key("glossary") == "glossary:*"
    assert {"authorial:1", "persons:ivanov", "persons:lenin", "glossary:uyezd", "textual:formerly"} <= set(before)
    assert all(len(digest) == 16 for digest in before.values())
    persons = tmp_path / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace("Secretary of a committee", "Chairman"), encoding="utf-8")
    after = read_apparatus(tmp_path, "footnotes").digests
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"persons:ivanov", "persons:*"}
    persons.write_text(persons.read_text(encoding="utf-8").replace('["Ivanov"]', '["Ivanov", "Vanya"]'), encoding="utf-8")
    assert read_apparatus(tmp_path, "footnotes").digests[PLACES_KEY] != after[PLACES_KEY]


def test_a_folder_is_read_again_only_when_a_file_changed(tmp_path):
    for path in (ROOTS / "test-basic" / "footnotes").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = apparatus_in(tmp_path, "footnotes")
    assert apparatus_in(tmp_path, "footnotes", first) is first
    assert apparatus_in(tmp_path, "elsewhere", first) is not first
    (tmp_path / "bibliography.yaml").write_text('- id: a-work\n  type: book\n  kind: scholarly\n  title: "Retitled"\n', encoding="utf-8")
    second = apparatus_in(tmp_path, "footnotes", first)
    assert second[0] != first[0]
    assert second[1].bibliography["a-work"].csl["title"] == "Retitled"


def test_every_value_keeps_its_line(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "# a comment\n- id: a\n  term: A\n  forms:\n    - Aa\n    - Bb\n  definition: D\n  sources: [{work: w}]\n", encoding="utf-8"
    )
    data, problems = read_data_file(path, "g.yaml", "glossary.schema.json", load_schemas())
    assert problems == []
    assert isinstance(data, DataFile) and data.records[0]["forms"] == ["Aa", "Bb"]
    assert data.lines[()] == 2 and data.lines[(0,)] == 2
    assert data.lines[(0, "forms")] == 4 and data.lines[(0, "forms", 1)] == 6
    assert data.line_of((0, "forms", 7, "x")) == 4
    assert data.line_of(("nowhere",)) == 2
    assert data.location(0, "definition") == "g.yaml:7"


def test_a_file_that_is_no_list_keeps_no_records(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    data, problems = read_data_file(path, "g.yaml", "glossary.schema.json", load_schemas())
    assert data.records == []
    assert [(p.line, p.kind) for p in problems] == [(1, Problem.schema)]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"- a: 1\n  b: [1, 2\n", 2, "YAML syntax error: while parsing a flow sequence: did not find expected ',' or ']' (line 3)"),
        (b"- a: 1\n\t- b\n", 1, "YAML syntax error: while scanning a plain scalar: found a tab character that violates indentation (line 2)"),
        (b"- a: 1\n- \xff\n", 2, "not UTF-8 text (byte 9)"),
        (b"", 1, "the file is empty: it must hold a list of records"),
        (b"- a: 1\n  a: 2\n", 2, "duplicate key 'a'"),
        (b"- a: 1\n\n- b: \x07\n", 3, "YAML syntax error: unacceptable character #x0007: control characters are not allowed"),
        ("- a: 1\n- b: [\u00e9\u00e9\u00e9,\n    \u00e9\u00e9]\n- c: \x1b\n".encode(), 4,
         "YAML syntax error: unacceptable character #x001b: control characters are not allowed"),
        (b"- a: 1\n- b:\n    c: 2026-13-45\n", 3, "YAML value error: month must be in 1..12"),
    ],
)
def test_unreadable_yaml_is_located(tmp_path, content, line, message):
    path = tmp_path / "authorial.yaml"
    path.write_bytes(content)
    _, problems = read_data_file(path, "a.yaml", "authorial.schema.json", load_schemas())
    assert [(p.line, p.message) for p in problems if p.kind is Problem.yaml] == [(line, message)]


def test_every_duplicate_key_is_flagged_at_its_line(tmp_path):
    path = tmp_path / "authorial.yaml"
    path.write_bytes(b"- number: 1\n  text: x\n  text: y\n  number: 2\n")
    _, problems = read_data_file(path, "a.yaml", "authorial.schema.json", load_schemas())
    assert [(p.line, p.message, p.kind) for p in problems] == [
        (3, "duplicate key 'text'", Problem.yaml), (4, "duplicate key 'number'", Problem.yaml)
    ]


def test_problems_come_sorted_by_line(tmp_path):
    path = tmp_path / "authorial.yaml"
    path.write_text('- number: 0\n  text: ""\n- number: 2\n  text: "x"\n  text: "y"\n', encoding="utf-8")
    _, problems = read_data_file(path, "a.yaml", "authorial.schema.json", load_schemas())
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert [p.kind for p in problems] == [Problem.schema, Problem.schema, Problem.yaml]


def test_the_schemas_are_found_by_their_ids():
    registry = load_schemas()
    assert registry.contents("common.schema.json")["$defs"]["id"]["pattern"] == "^[a-z0-9][a-z0-9-]*$"
    assert registry.contents("persons.schema.json")["items"]["required"] == ["id", "name", "forms", "role_1927", "sources"]


def test_an_empty_folder_lacks_the_authors_notes_only(tmp_path):
    apparatus = read_apparatus(tmp_path, "data")
    assert as_warnings(apparatus) == ["data/authorial.yaml:1: WARNING: the authors' notes file is missing [edition.yaml]"]


def test_a_missing_file_of_another_kind_is_no_problem(tmp_path):
    (tmp_path / "authorial.yaml").write_text('- number: 1\n  text: "N."\n', encoding="utf-8")
    apparatus = read_apparatus(tmp_path, "data")
    assert apparatus.findings == () and list(apparatus.authors_notes) == [1]
    assert apparatus.digests[kind_key("persons")] == apparatus.digests[kind_key("glossary")]


def test_the_data_of_a_root_is_in_the_repository():
    assert Path(ROOTS / "test-apparatus" / "footnotes" / "textual.yaml").exists()


def write(folder: Path, **files: str) -> Path:
    for kind, content in files.items():
        (folder / f"{kind}.yaml").write_text(content, encoding="utf-8")
    return folder


NOTES_WITH_EVERY_PART = """- number: 1
  text: "Works, XVII, nos. 1-2, p. 3."
  cites:
    - work: w
      volume: "XVII"
      page: "3"
      issue: "1-2"
      date: "1927-11-07"

- number: 2
  text: "Idem, p. 4."
  cites:
    - page: "4"
      same_as_note: 9

- number: 2
  text: "The same number again."

- number: 3
  text: "After the note given twice."
  identification: "The works, as the editors identify them."
  sources:
    - work: w
"""


def test_a_citation_keeps_every_part_and_a_broken_idem_is_located_at_its_field(tmp_path):
    write(tmp_path, authorial=NOTES_WITH_EVERY_PART, bibliography='- id: w\n  type: book\n  kind: scholarly\n  title: "W"\n')
    apparatus = read_apparatus(tmp_path, "d")
    assert apparatus.authors_notes[1].cites == (Citation("w", "XVII", "3", "1-2", "1927-11-07", None),)
    assert apparatus.authors_notes[2].cites == (Citation("", None, "4", None, None, 9),)
    assert apparatus.authors_notes[3].identification == "The works, as the editors identify them."
    assert apparatus.authors_notes[1].identification is None
    assert as_warnings(apparatus) == [
        "d/authorial.yaml:14: WARNING: note 2 repeats the citation of note 9, which is not an earlier note with a citation [edition.unknown_id]",
        "d/authorial.yaml:16: WARNING: note 2 is defined twice [edition.duplicate_id]",
    ]


def test_idem_repeats_an_unknown_work_and_is_reported_with_it(tmp_path):
    write(tmp_path, authorial='- number: 1\n  text: "A."\n  cites:\n    - work: zz\n- number: 2\n  text: "Idem."\n  cites:\n    - same_as_note: 1\n')
    assert as_warnings(read_apparatus(tmp_path, "d")) == [
        "d/authorial.yaml:1: WARNING: note 1 cites unknown work 'zz' [edition.unknown_id]",
        "d/authorial.yaml:5: WARNING: note 2 cites unknown work 'zz' [edition.unknown_id]",
    ]


def test_a_repeated_id_is_located_at_the_id_and_the_records_after_it_are_read(tmp_path):
    entry = '- type: book\n  id: {}\n  kind: scholarly\n  title: "{}"\n'
    write(
        tmp_path,
        authorial='- number: 1\n  text: "N."\n  cites:\n    - work: a\n    - work: b\n',
        bibliography=entry.format("a", "A") + entry.format("a", "A again") + entry.format("b", "B"),
    )
    apparatus = read_apparatus(tmp_path, "d")
    assert as_warnings(apparatus) == ["d/bibliography.yaml:6: WARNING: id 'a' is defined twice [edition.duplicate_id]"]
    assert [(e.id, e.csl["title"], e.location) for e in apparatus.bibliography.values()] == [
        ("a", "A", "d/bibliography.yaml:1"), ("b", "B", "d/bibliography.yaml:9"),
    ]


TEXTUAL_ON_NOTES = """- id: in-the-text
  target:
    anchor: "1.0.1"
    phrase: "first"
  adopted: "first"
  copy_text: "fist"
  kind: emendation
  reason: "R."

- id: twice
  target:
    note: 1
    phrase: "ab"
  adopted: "AB"
  copy_text: "ab"
  kind: emendation
  reason: "R."

- id: once
  target:
    note: 1
    phrase: "abc"
    occurrence: 1
  adopted: "ABC"
  copy_text: "abc"
  kind: emendation
  reason: "R."
"""


def test_a_textual_note_on_a_note_needs_its_phrase_once_there(tmp_path):
    write(tmp_path, authorial='- number: 1\n  text: "abc ab"\n', textual=TEXTUAL_ON_NOTES)
    apparatus = read_apparatus(tmp_path, "d")
    assert as_warnings(apparatus) == [
        "d/textual.yaml:10: WARNING: textual note 'twice': the phrase 'ab' occurs 2 times in note 1 [edition.target]"
    ]
    assert apparatus.textual_notes["once"].target == Target("", "abc", 1, 1)
    assert apparatus.textual_notes["in-the-text"].location == "d/textual.yaml:1"


def test_every_record_keeps_its_id_and_place(tmp_path):
    apparatus = read("apparatus")
    for kind in ("bibliography", "textual_notes", "editorial_notes", "persons", "glossary"):
        for record_id, record in getattr(apparatus, kind).items():
            assert record.id == record_id
            assert re.fullmatch(r"footnotes/\w+\.yaml:[1-9][0-9]*", record.location), record
    assert apparatus.editorial_notes["top-down"].location == "footnotes/editorial.yaml:1"
    assert apparatus.glossary["lenin-enrolment"].location == "footnotes/glossary.yaml:9"


def test_a_record_digest_ignores_the_order_of_its_keys(tmp_path):
    write(tmp_path, authorial='- number: 1\n  text: "N."\n', bibliography='- id: a\n  type: book\n  kind: scholarly\n  title: "A"\n')
    before = read_apparatus(tmp_path, "d").digests
    write(tmp_path, bibliography='- title: "A"\n  kind: scholarly\n  type: book\n  id: a\n')
    assert read_apparatus(tmp_path, "d").digests == before


@pytest.mark.parametrize(
    ("kind", "old", "new"),
    [
        ("glossary", '["Uyezd"]', '["Uyezd", "uyezd"]'),
        ("textual", 'phrase: "formerly"', 'phrase: "a town"'),
        ("editorial", '"looked at from the top down"', '"the top down"'),
    ],
)
def test_where_records_attach_is_part_of_the_places_digest(tmp_path, kind, old, new):
    for path in (ROOTS / "test-apparatus" / "footnotes").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = read_apparatus(tmp_path, "footnotes").digests[PLACES_KEY]
    path = tmp_path / f"{kind}.yaml"
    assert old in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert read_apparatus(tmp_path, "footnotes").digests[PLACES_KEY] != before


def test_a_changed_schema_reads_the_data_again(tmp_path, monkeypatch):
    from critical_edition.data import apparatus as module

    write(tmp_path, authorial='- number: 1\n  text: "N."\n')
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for path in module.SCHEMAS_DIR.glob("*.json"):
        (schemas / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(module, "SCHEMAS_DIR", schemas)
    first = apparatus_in(tmp_path, "d")
    (schemas / "glossary.schema.json").write_text("{}", encoding="utf-8")
    assert apparatus_in(tmp_path, "d", first)[0] != first[0]


def test_findings_name_the_folder_as_shown(tmp_path):
    _, apparatus = apparatus_in(tmp_path, "my-notes")
    assert [f.location for f in apparatus.findings] == ["my-notes/authorial.yaml:1"]


def test_a_value_is_placed_at_its_nearest_known_parent():
    data = DataFile("g.yaml", [], {(): 1, (0,): 2, (0, "forms"): 4})
    assert data.line_of((0, "forms", 7)) == 4
    assert data.line_of((0, "nothing", 1)) == 2
    assert DataFile("g.yaml", [], {}).line_of((0,)) == 1


def test_a_duplicate_key_deep_in_a_record_is_flagged(tmp_path):
    path = tmp_path / "textual.yaml"
    path.write_text('- id: a\n  target:\n    anchor: "1.0.1"\n    anchor: "1.0.2"\n', encoding="utf-8")
    _, problems = read_data_file(path, "t.yaml", "textual.schema.json", load_schemas())
    assert [(p.line, p.message) for p in problems if p.kind is Problem.yaml] == [(4, "duplicate key 'anchor'")]


def test_a_bad_value_after_a_list_is_found_at_its_line(tmp_path):
    path = tmp_path / "bibliography.yaml"
    path.write_text("- id: a\n  author: [x, y]\n- id: b\n  issued: 2026-13-45\n", encoding="utf-8")
    _, problems = read_data_file(path, "b.yaml", "bibliography.schema.json", load_schemas())
    assert [(p.line, p.message) for p in problems] == [(4, "YAML value error: month must be in 1..12")]


def test_a_forbidden_character_is_placed_by_characters_with_the_python_loader(tmp_path, monkeypatch):
    import yaml

    from critical_edition.data import files

    monkeypatch.setattr(files, "SAFE_LOADER", yaml.SafeLoader)
    path = tmp_path / "authorial.yaml"
    path.write_bytes("- a: [\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9,\n  \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9]\n- b: x\n- c: \x1b\n".encode())
    _, problems = read_data_file(path, "a.yaml", "authorial.schema.json", load_schemas())
    assert [p.line for p in problems] == [4]


def test_a_schema_without_an_id_is_known_by_its_file_name(tmp_path):
    schema = '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array"}'
    (tmp_path / "plain.schema.json").write_text(schema, encoding="utf-8")
    assert load_schemas(tmp_path).contents("plain.schema.json")["type"] == "array"
