"""For corpus tools: the paragraphs and every record as JSON, the paragraphs as CSV, the text as UTF-8.

The JSON follows ``schemas/corpus.schema.json``, which ships beside it.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..data.apparatus import Apparatus
from .model import Adopted, EditorialRef, Mentioned, NoteRef, Unit, unit_plain
from .settings import ExportSettings
from .works import csl_items


def _marks(unit: Unit) -> tuple[list[int], list[dict[str, str]]]:
    notes, records = [], []
    for row in unit.block.rows:
        for cell in row:
            for part in cell:
                if isinstance(part, NoteRef):
                    notes.append(part.number)
                elif isinstance(part, Mentioned):
                    records.append({"kind": part.kind, "id": part.record})
                elif isinstance(part, Adopted):
                    records.append({"kind": "textual", "id": part.record})
                elif isinstance(part, EditorialRef):
                    records.append({"kind": "editorial", "id": part.record})
    return notes, records


def paragraph_records(units: list[Unit]) -> list[dict]:
    rows = []
    for unit in units:
        notes, records = _marks(unit)
        rows.append(
            {
                "anchor": unit.anchor,
                "fragment": unit.fragment,
                "page": unit.docname,
                "section": unit.section,
                "kind": unit.block.kind,
                "text": "\n".join(unit_plain(unit.block)),
                "notes": notes,
                "records": records,
            }
        )
    return rows


def _sources(sources) -> list[dict]:
    return [{k: v for k, v in s._asdict().items() if v is not None} for s in sources]


def apparatus_records(apparatus: Apparatus) -> dict[str, list[dict]]:
    """Every record, as plain JSON values (the location in the YAML files left out)."""
    def plain(record) -> dict:
        values = record._asdict()
        values.pop("location", None)
        if "target" in values:
            values["target"] = {k: v for k, v in record.target._asdict().items() if v is not None}
        if "sources" in values:
            values["sources"] = _sources(record.sources)
        if "cites" in values:
            values["cites"] = [{k: v for k, v in c._asdict().items() if v is not None} for c in record.cites]
        if "forms" in values:
            values["forms"] = list(record.forms)
        return {k: v for k, v in values.items() if v is not None}

    return {
        "authorial": [plain(n) for n in apparatus.authors_notes.values()],
        "textual": [plain(n) for n in apparatus.textual_notes.values()],
        "editorial": [plain(n) for n in apparatus.editorial_notes.values()],
        "persons": [plain(n) for n in apparatus.persons.values()],
        "glossary": [plain(n) for n in apparatus.glossary.values()],
        "bibliography": csl_items(apparatus),
    }


def corpus_json(settings: ExportSettings, apparatus: Apparatus, units: list[Unit]) -> bytes:
    metadata = settings.metadata
    data: dict[str, Any] = {
        "edition": {
            "title": metadata["title"],
            "container_title": metadata["container_title"],
            "version": metadata["version"],
            "issued": metadata["issued"],
            "licence": settings.licence,
        },
        "paragraphs": paragraph_records(units),
        "records": apparatus_records(apparatus),
    }
    if settings.base_url:
        data["edition"]["url"] = settings.base_url
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def corpus_csv(units: list[Unit]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["anchor", "section", "kind", "text", "notes"])
    for row in paragraph_records(units):
        writer.writerow([row["anchor"], row["section"], row["kind"], row["text"], " ".join(map(str, row["notes"]))])
    return out.getvalue().encode("utf-8")


def reading_text(units: list[Unit]) -> bytes:
    """The headings once each, then each unit's lines, a blank line between units."""
    lines: list[str] = []
    headings: tuple[str, ...] = ()
    for unit in units:
        for index, heading in enumerate(unit.headings):
            if index >= len(headings) or headings[index] != heading:
                lines += [heading, ""]
        headings = unit.headings
        lines += [*unit_plain(unit.block), ""]
    return "\n".join(lines).encode("utf-8")
