"""Checks that need every document read: run once the reading is done."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..config_shapes import config_location
from ..data.record_checks import works_cited_by_records
from ..data.records import GlossaryTerm, Person
from ..diagnostics import Problem, warn
from .domain import EditionDomain
from .manifest import compare_manifest, manifest_line, manifest_of, read_manifest, write_manifest
from .targets import locate

logger = logging.getLogger(__name__)


def _check_anchors(domain: EditionDomain) -> None:
    counts = Counter(unit.anchor for _, unit in domain.all_units())
    for docname, unit in domain.all_units():
        if counts[unit.anchor] > 1:
            warn(Problem.anchor_duplicate, f"anchor {unit.anchor} is given to more than one unit", (docname, unit.line))


def _check_manifest(confdir: Path, env: BuildEnvironment, domain: EditionDomain) -> None:
    if not env.config.edition_anchor_manifest:
        return
    path = Path(confdir, env.config.edition_anchor_manifest)
    current = manifest_of(domain.all_units())
    if env.config.edition_update_manifest:
        write_manifest(path, current)
        logger.info("wrote the anchor manifest %s (%d anchors)", env.config.edition_anchor_manifest, len(current))
        return
    for anchor, problem in compare_manifest(read_manifest(path), current):
        warn(Problem.manifest, problem, f"{env.config.edition_anchor_manifest}:{manifest_line(path, anchor)}")


def _check_notes_used(env: BuildEnvironment, domain: EditionDomain) -> None:
    used = {marker.number for markers in domain.markers.values() for marker in markers}
    for number, note in sorted(domain.apparatus.authors_notes.items()):
        if number not in used:
            warn(Problem.unused, f"note {number} is marked nowhere in the text", note.location)


def _check_standoff(env: BuildEnvironment, domain: EditionDomain) -> None:
    """Every textual and editorial note found its phrase; every person and term is named somewhere."""
    apparatus = domain.apparatus
    texts = {unit.anchor: unit.text for _, unit in domain.all_units()}
    for kind, records in (("textual", apparatus.textual_notes), ("editorial", apparatus.editorial_notes)):
        for record in records.values():
            if record.target.note:
                continue  # checked against the note's text when the data is loaded
            _, problem = locate(record.target, texts)
            if problem:
                warn(Problem.target, f"{kind} note {record.id!r}: {problem}", record.location)
    named: list[tuple[str, Person | GlossaryTerm]] = [
        *(("person", person) for person in apparatus.persons.values()),
        *(("term", term) for term in apparatus.glossary.values()),
    ]
    for kind, named_record in named:
        if not domain.mentions_of(kind, named_record.id):
            forms = ", ".join(repr(form) for form in named_record.forms)
            warn(Problem.unused, f"{kind} {named_record.id!r}: no form ({forms}) is found in the reading text", named_record.location)


def _check_aliases(confdir: Path, env: BuildEnvironment, domain: EditionDomain) -> None:
    """Every alias leads from an anchor that no longer exists to one that does."""
    anchors = {unit.anchor for _, unit in domain.all_units()}
    for old, new in env.config.edition_anchor_aliases.items():
        where = config_location(confdir, "edition_anchor_aliases", old)
        alias = f"edition_anchor_aliases[{old!r}] = {new!r}"
        if old.upper() in anchors:
            warn(Problem.alias, f"{alias}: {old} is still an anchor of the text", where)
        if new.upper() not in anchors:
            warn(Problem.alias, f"{alias}: {new} is not an anchor of the text", where)


def _check_works_cited(env: BuildEnvironment, domain: EditionDomain) -> None:
    """Every work is cited by a record or by a page; every page cites works that exist."""
    apparatus = domain.apparatus
    in_pages = {work for works in domain.cited_works.values() for work in works}
    cited = works_cited_by_records(apparatus) | in_pages
    for entry in apparatus.bibliography.values():
        if entry.id not in cited:
            warn(Problem.unused, f"work {entry.id!r} is cited by no record and no page", entry.location)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """Anchors unique and as the manifest says; every note and target used once."""
    domain = env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    _check_anchors(domain)
    _check_manifest(app.confdir, env, domain)
    _check_notes_used(env, domain)
    _check_standoff(env, domain)
    _check_aliases(app.confdir, env, domain)
    _check_works_cited(env, domain)
