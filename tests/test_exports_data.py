"""The JSON, CSV and plain-text exports and the works cited, each read back by the tool its users run."""

from __future__ import annotations

import csv
import json

import bibtexparser
import jsonschema
import pytest
import yaml
from conftest import PROJECT

SCHEMAS = PROJECT / "critical_edition" / "exports" / "schemas"
BASE = "platform-1927-ch07-the-party"


@pytest.fixture(scope="module")
def data_dir(edition_html):
    return edition_html.outdir / "data"


def _yaml(name: str) -> list[dict]:
    return yaml.safe_load((PROJECT / "footnotes" / f"{name}.yaml").read_text(encoding="utf-8"))


def test_the_json_is_valid_against_its_schema_and_holds_every_paragraph_and_record(data_dir):
    data = json.loads((data_dir / f"{BASE}.json").read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    manifest = json.loads((PROJECT / "source" / "anchor-manifest.json").read_text(encoding="utf-8"))
    anchors = [p["anchor"] for p in data["paragraphs"]]
    assert len(anchors) >= 65 and set(anchors) == set(manifest["anchors"])
    first = data["paragraphs"][0]
    assert first["anchor"] == "7.0.1" and first["text"].startswith("NO party in the history") and first["notes"] == [1]
    for kind in ("authorial", "textual", "editorial", "persons", "glossary", "bibliography"):
        assert len(data["records"][kind]) == len(_yaml(kind)), kind


def test_the_csv_has_a_row_per_paragraph(data_dir):
    with open(data_dir / f"{BASE}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0].keys() == {"anchor", "section", "kind", "text", "notes"}
    assert len(rows) >= 65
    by_anchor = {row["anchor"]: row for row in rows}
    assert by_anchor["7.1.2"]["kind"] == "table"
    assert by_anchor["7.4.2"]["kind"] == "quote" and by_anchor["7.4.2"]["notes"] == "7"


def test_the_plain_text_is_the_reading_text(data_dir, chapter_soup):
    from reading_text import reading_tokens

    text = (data_dir / f"{BASE}.txt").read_bytes().decode("utf-8")
    assert text.split() == reading_tokens(chapter_soup)


def test_the_works_cited_are_valid_csl_json(data_dir):
    items = json.loads((data_dir / f"{BASE}.works.csl.json").read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(items)
    assert [item["id"] for item in items] == [work["id"] for work in _yaml("bibliography")]


def test_bibtexparser_reads_every_work_back_without_loss(data_dir):
    library = bibtexparser.parse_string((data_dir / f"{BASE}.works.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    works = _yaml("bibliography")
    assert list(entries) == [work["id"] for work in works]
    for work in works:
        fields = entries[work["id"]].fields_dict
        assert fields["title"].value.replace("\\", "") == work["title"].replace("{", "(").replace("}", ")")
        for variable, field in (("URL", "url"), ("note", "note"), ("page", "pages"), ("volume", "volume")):
            if variable in work:
                assert fields[field].value.replace("\\", "") == str(work[variable]), (work["id"], field)
        if "issued" in work:
            assert fields["date"].value == work["issued"]
        names = [a.get("literal") or f"{a['family']}, {a['given']}" if "given" in a else a.get("literal") or a["family"]
                 for a in work.get("author", [])]
        if names:
            assert fields["author"].value.replace("{", "").replace("}", "").split(" and ") == names
