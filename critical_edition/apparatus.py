"""The whole apparatus: every data file read, validated and cross-checked once.

Each kind of record lives in ``<data dir>/<kind>.yaml`` beside the JSON Schema
``<kind>.schema.json`` that editors' tools can check as they type. Files are
read once per change of their modification time, so a live preview that
rebuilds after each edit reads only what was edited.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import NamedTuple

from .datafiles import DataFile, DataProblem, load_schema, read_data_file
from .records import AuthorsNote, BibliographyEntry, Citation, Target, TextualNote

#: The kinds of record, in the order they are read; each is optional but the notes.
KINDS = ("authorial", "bibliography", "textual")


class Finding(NamedTuple):
    """A problem found while loading, with where it is."""

    #: ``file:line`` of the problem.
    location: str
    #: What is wrong.
    message: str
    #: The :class:`~critical_edition.diagnostics.Problem` value.
    problem: str


class Apparatus(NamedTuple):
    """All records, by kind and id, with the files they came from."""

    #: The authors' notes by number.
    authors_notes: dict[int, AuthorsNote]
    #: The works cited, by id.
    bibliography: dict[str, BibliographyEntry]
    #: The textual notes, by id.
    textual_notes: dict[str, TextualNote]
    #: The files read, by kind: what pages that use a kind depend on.
    files: dict[str, Path]
    #: Schema and syntax problems (fatal) and cross-reference problems (warnings).
    findings: tuple[Finding, ...]
    #: A hash of every record's content, by ``kind:id``: what tells a page it must be read again.
    digests: dict[str, str]

    @property
    def fatal(self) -> tuple[Finding, ...]:
        """The findings that stop the build: unreadable or invalid files."""
        return tuple(f for f in self.findings if f.problem in {"yaml", "schema"})


def _citation(raw: dict, earlier: dict[int, AuthorsNote]) -> Citation:
    """A note's citation; ``same_as_note`` repeats an earlier note's work."""
    same_as = raw.get("same_as_note")
    if same_as is not None and same_as in earlier and earlier[same_as].cites:
        return earlier[same_as].cites[0]._replace(same_as_note=same_as)
    return Citation(
        raw.get("work", ""),
        raw.get("volume"),
        raw.get("page"),
        raw.get("issue"),
        raw.get("date"),
        same_as,
    )


def _authors_notes(data: DataFile, findings: list[Finding]) -> dict[int, AuthorsNote]:
    notes: dict[int, AuthorsNote] = {}
    for index, raw in enumerate(data.records):
        number = raw["number"]
        location = data.location(index)
        if number in notes:
            findings.append(Finding(location, f"note {number} is defined twice", "duplicate_id"))
            continue
        for cite_index, cite in enumerate(raw.get("cites", [])):
            same_as = cite.get("same_as_note")
            if same_as is not None and same_as not in notes:
                findings.append(
                    Finding(
                        data.location(index, "cites", cite_index, "same_as_note"),
                        f"note {number} repeats the citation of note {same_as}, "
                        "which is not an earlier note with a citation",
                        "unknown_id",
                    )
                )
        cites = tuple(_citation(c, notes) for c in raw.get("cites", []))
        notes[number] = AuthorsNote(number, raw["text"], cites, location)
    return notes


def _by_id(data: DataFile, findings: list[Finding]) -> dict[str, tuple[int, dict]]:
    """Records by their ``id``, flagging ids given twice."""
    records: dict[str, tuple[int, dict]] = {}
    for index, raw in enumerate(data.records):
        if raw["id"] in records:
            findings.append(
                Finding(data.location(index, "id"), f"id {raw['id']!r} is defined twice", "duplicate_id")
            )
            continue
        records[raw["id"]] = (index, raw)
    return records


def _bibliography(data: DataFile, findings: list[Finding]) -> dict[str, BibliographyEntry]:
    return {
        id_: BibliographyEntry(id_, raw, data.location(index))
        for id_, (index, raw) in _by_id(data, findings).items()
    }


def _textual_notes(data: DataFile, findings: list[Finding]) -> dict[str, TextualNote]:
    notes = {}
    for id_, (index, raw) in _by_id(data, findings).items():
        target = raw["target"]
        notes[id_] = TextualNote(
            id_,
            Target(target["anchor"], target["phrase"], target.get("occurrence")),
            raw["adopted"],
            raw["copy_text"],
            raw["kind"],
            raw["reason"],
            data.location(index),
        )
    return notes


def _cross_check(notes: dict[int, AuthorsNote], bibliography: dict[str, BibliographyEntry]) -> list[Finding]:
    """Ids referenced but not defined, and works nothing cites."""
    findings = []
    cited = set()
    for note in notes.values():
        for citation in note.cites:
            cited.add(citation.work)
            if citation.work not in bibliography:
                findings.append(
                    Finding(note.location, f"note {note.number} cites unknown work {citation.work!r}", "unknown_id")
                )
    for entry in bibliography.values():
        if entry.id not in cited:
            findings.append(Finding(entry.location, f"work {entry.id!r} is cited by no record", "unused"))
    return findings


def _read_kind(data_dir: Path, shown_dir: str, kind: str, findings: list[Finding]) -> DataFile | None:
    path = data_dir / f"{kind}.yaml"
    if not path.exists():
        if kind == "authorial":
            findings.append(Finding(f"{shown_dir}/{kind}.yaml", "the authors' notes file is missing", "yaml"))
        return None
    schema = load_schema(data_dir / f"{kind}.schema.json")
    data, problems = read_data_file(path, f"{shown_dir}/{kind}.yaml", schema)
    findings.extend(Finding(f"{data.shown_as}:{p.line}", p.message, p.kind) for p in problems)
    return None if problems else data


def record_key(kind: str, record_id: str | int) -> str:
    """How pages name the records they use."""
    return f"{kind}:{record_id}"


def _digests(data: dict[str, DataFile | None]) -> dict[str, str]:
    digests = {}
    for kind, data_file in data.items():
        for raw in data_file.records if data_file else []:
            record_id = raw.get("id", raw.get("number"))
            content = json.dumps(raw, sort_keys=True, ensure_ascii=False).encode("utf-8")
            digests[record_key(kind, record_id)] = hashlib.sha256(content).hexdigest()[:16]
    return digests


def read_apparatus(data_dir: Path, shown_dir: str) -> Apparatus:
    """Read every data file; invalid files yield findings and no records."""
    findings: list[Finding] = []
    files = {kind: data_dir / f"{kind}.yaml" for kind in KINDS if (data_dir / f"{kind}.yaml").exists()}
    data = {kind: _read_kind(data_dir, shown_dir, kind, findings) for kind in KINDS}
    notes = _authors_notes(data["authorial"], findings) if data["authorial"] else {}
    bibliography = _bibliography(data["bibliography"], findings) if data["bibliography"] else {}
    textual = _textual_notes(data["textual"], findings) if data["textual"] else {}
    if not any(f.problem in {"yaml", "schema"} for f in findings):
        findings.extend(_cross_check(notes, bibliography))
    return Apparatus(notes, bibliography, textual, files, tuple(findings), _digests(data))


_cache: dict[Path, tuple[tuple[float, ...], Apparatus]] = {}


def apparatus_in(data_dir: Path, shown_dir: str) -> Apparatus:
    """The apparatus of a data folder, read again only when a file changed."""
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(data_dir.glob("*")) if p.is_file())
    cached = _cache.get(data_dir)
    if cached is None or cached[0] != stamp:
        cached = (stamp, read_apparatus(data_dir, shown_dir))
        _cache[data_dir] = cached
    return cached[1]
