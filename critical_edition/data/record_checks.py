"""Checks across records: every id referred to exists, every work is cited, no form is claimed twice."""

from __future__ import annotations

from collections.abc import Iterator
from ..diagnostics import Finding, Problem
from .records import Apparatus


def _references(apparatus: Apparatus) -> Iterator[tuple[str, str, str]]:
    """Every (work id, who refers to it, where) in the apparatus."""
    for note in apparatus.authors_notes.values():
        for citation in note.cites:
            if citation.work or citation.same_as_note is None:  # a broken "Idem." is reported where it is read
                yield citation.work, f"note {note.number} cites", note.location
        for source in note.sources:
            yield source.work, f"note {note.number} gives as source", note.location
    for kind in ("textual_notes", "editorial_notes", "persons", "glossary"):
        for record in getattr(apparatus, kind).values():
            for source in record.sources:
                yield source.work, f"{record.id!r} gives as source", record.location


def works_cited_by_records(apparatus: Apparatus) -> set[str]:
    """The works the records cite (the pages' own citations are counted as they are read)."""
    return {work for work, _, _ in _references(apparatus)}


def cross_check(apparatus: Apparatus) -> list[Finding]:
    """Ids referenced but not defined, forms claimed by two records."""
    findings = []
    for work, who, location in _references(apparatus):
        if work not in apparatus.bibliography:
            findings.append(Finding(location, f"{who} unknown work {work!r}", Problem.unknown_id))
    for change in apparatus.textual_notes.values():
        number = change.target.note
        if number is None:
            continue
        note = apparatus.authors_notes.get(number)
        if note is None:
            findings.append(Finding(change.location, f"textual note {change.id!r}: there is no note {number}", Problem.unknown_id))
        elif note.text.count(change.target.phrase) != 1:
            count = note.text.count(change.target.phrase)
            findings.append(
                Finding(
                    change.location,
                    f"textual note {change.id!r}: the phrase {change.target.phrase!r} occurs {count} times in note {number}",
                    Problem.target,
                )
            )
    claimed: dict[str, str] = {}
    for record in [*apparatus.persons.values(), *apparatus.glossary.values()]:
        for form in record.forms:
            if form in claimed:
                findings.append(
                    Finding(record.location, f"the form {form!r} is claimed by {claimed[form]!r} too", Problem.duplicate_id)
                )
            claimed[form] = record.id
    return findings
