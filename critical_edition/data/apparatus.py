"""The whole apparatus: every data file read, validated and cross-checked once.

Each kind of record lives in ``<data dir>/<kind>.yaml`` and is checked against
the JSON Schema ``<kind>.schema.json`` that ships with the extension
(``data/schemas/``), which editors' tools read through the file's
``yaml-language-server`` comment. A folder is read again only when the content
of one of its files changed, so a rebuild with unchanged data reads nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Finding, Problem
from .files import SCHEMAS_DIR, DataFile, load_schemas, read_data_file
from .record_checks import cross_check
from .source_policy import check_sources, read_policy
from .records import (
    FATAL,
    Apparatus,
    AuthorsNote,
    BibliographyEntry,
    Citation,
    EditorialNote,
    GlossaryTerm,
    Person,
    Source,
    TextualNote,
)

if TYPE_CHECKING:
    from referencing import Registry

#: The kinds of record with an ``id``, and the class each is read into.
KINDS_BY_ID = {
    "bibliography": BibliographyEntry,
    "textual": TextualNote,
    "editorial": EditorialNote,
    "persons": Person,
    "glossary": GlossaryTerm,
}
#: Every kind, in the order they are read; all are optional but the authors' notes.
KINDS = ("authorial", *KINDS_BY_ID)


def record_key(kind: str, record_id: str | int) -> str:
    """How pages name the records they use."""
    return f"{kind}:{record_id}"


def kind_key(kind: str) -> str:
    """How a page that shows every record of a kind (a register) names them all."""
    return record_key(kind, "*")


def _citation(raw: dict, earlier: dict[int, AuthorsNote]) -> Citation:
    """A note's citation; ``same_as_note`` repeats an earlier note's work."""
    same_as = raw.get("same_as_note")
    if same_as is not None and same_as in earlier and earlier[same_as].cites:
        return earlier[same_as].cites[0]._replace(same_as_note=same_as)
    return Citation(raw.get("work", ""), raw.get("volume"), raw.get("page"), raw.get("issue"), raw.get("date"), same_as)


def _authors_notes(data: DataFile, findings: list[Finding]) -> dict[int, AuthorsNote]:
    notes: dict[int, AuthorsNote] = {}
    for index, raw in enumerate(data.records):
        number = raw["number"]
        if number in notes:
            findings.append(Finding(data.location(index), f"note {number} is defined twice", Problem.duplicate_id))
            continue
        for cite_index, cite in enumerate(raw.get("cites", [])):
            same_as = cite.get("same_as_note")
            if same_as is not None and same_as not in notes:
                findings.append(
                    Finding(
                        data.location(index, "cites", cite_index, "same_as_note"),
                        f"note {number} repeats the citation of note {same_as}, "
                        "which is not an earlier note with a citation",
                        Problem.unknown_id,
                    )
                )
        cites = tuple(_citation(c, notes) for c in raw.get("cites", []))
        notes[number] = AuthorsNote(
            number, raw["text"], cites, raw.get("identification"), Source.all_from_yaml(raw), data.location(index)
        )
    return notes


def _by_id(kind: str, data: DataFile, findings: list[Finding]) -> dict:
    """Records of a kind by their ``id``, flagging ids given twice."""
    records: dict = {}
    for index, raw in enumerate(data.records):
        if raw["id"] in records:
            findings.append(
                Finding(data.location(index, "id"), f"id {raw['id']!r} is defined twice", Problem.duplicate_id)
            )
            continue
        records[raw["id"]] = KINDS_BY_ID[kind].from_yaml(raw, data.location(index))
    return records


def _read_kind(
    data_dir: Path, shown_dir: str, kind: str, schemas: Registry, findings: list[Finding]
) -> DataFile | None:
    path = data_dir / f"{kind}.yaml"
    if not path.exists():
        if kind == "authorial":
            # With a line, or Sphinx would take the path for a document's name.
            findings.append(Finding(f"{shown_dir}/{kind}.yaml:1", "the authors' notes file is missing", Problem.yaml))
        return None
    data, problems = read_data_file(path, f"{shown_dir}/{kind}.yaml", f"{kind}.schema.json", schemas)
    findings.extend(Finding(f"{data.shown_as}:{p.line}", p.message, p.kind) for p in problems)
    return None if problems else data


#: The key under which pages of the text note where records may attach: a new name or target reaches them.
PLACES_KEY = "standoff:places"
#: The key of what the authors' notes cite, without their text: what a list of works shows of them.
CITES_KEY = "authorial:cites"


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _digests(data: dict[str, DataFile | None]) -> dict[str, str]:
    digests = {}
    places = []
    for kind, data_file in data.items():
        digests[kind_key(kind)] = _digest(data_file.records if data_file else None)
        for raw in data_file.records if data_file else []:
            record_id = raw.get("id", raw.get("number"))
            digests[record_key(kind, record_id)] = _digest(raw)
            if kind in {"persons", "glossary", "textual", "editorial"}:
                places.append([kind, record_id, raw.get("forms"), raw.get("target")])
    digests[PLACES_KEY] = _digest(places)
    authorial = data.get("authorial")
    digests[CITES_KEY] = _digest([[raw.get("number"), raw.get("cites")] for raw in authorial.records] if authorial else None)
    return digests


def read_apparatus(data_dir: Path, shown_dir: str) -> Apparatus:
    """Read every data file; invalid files yield findings and no records."""
    findings: list[Finding] = []
    schemas = load_schemas()
    data = {kind: _read_kind(data_dir, shown_dir, kind, schemas, findings) for kind in KINDS}
    notes = _authors_notes(data["authorial"], findings) if data["authorial"] else {}
    by_kind = {kind: _by_id(kind, data[kind], findings) if data[kind] else {} for kind in KINDS_BY_ID}
    apparatus = Apparatus(
        notes,
        by_kind["bibliography"],
        by_kind["textual"],
        by_kind["editorial"],
        by_kind["persons"],
        by_kind["glossary"],
        (),
        _digests(data),
    )
    deny, policy_findings = read_policy(data_dir, shown_dir, schemas)
    findings.extend(policy_findings)
    if not any(f.problem in FATAL for f in findings):
        findings.extend(cross_check(apparatus))
        findings.extend(check_sources(apparatus, deny))
    return apparatus._replace(findings=tuple(findings))


#: A data folder's content, as a hash, with the apparatus read from it.
Stamped = tuple[str, Apparatus]


def _stamp(data_dir: Path, shown_dir: str) -> str:
    """A hash of every file of a data folder and of the schemas: what its apparatus depends on."""
    digest = hashlib.sha256(shown_dir.encode())
    for path in [*sorted(p for p in data_dir.glob("*") if p.is_file()), *sorted(SCHEMAS_DIR.glob("*.json"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def apparatus_in(data_dir: Path, shown_dir: str, earlier: Stamped | None = None) -> Stamped:
    """The apparatus of a data folder with its stamp, read again only when a file changed.

    ``earlier`` is what an earlier build read (kept in the build environment),
    so that a rebuild with unchanged data neither parses nor validates it.
    """
    stamp = _stamp(data_dir, shown_dir)
    if earlier is not None and earlier[0] == stamp:
        return earlier
    return stamp, read_apparatus(data_dir, shown_dir)
