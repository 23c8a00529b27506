"""What the exports need from the doctrees, taken while each document is read.

Kept in the build environment per document (purged and merged like the
domain's data), so that writing the exports loads no doctree: the units of
the text documents, the prose of the editorial principles, the versions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..text.anchors import UNIT_TYPES
from ..text.domain import EditionDomain
from .model import Unit, block_of, headings_of
from .settings import DEFAULTS

#: A version: its number, its date (ISO) and what it brought.
Version = tuple[str | None, str | None, str]


def prose(section: nodes.Element) -> tuple[tuple[str, bool], ...]:
    """The paragraphs, list items and subheadings of a section: (text, is a heading)."""
    found = []
    for node in section.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title))):
        if isinstance(node, nodes.title) and node.parent is section:
            continue
        text = " ".join(node.astext().split())
        if text:
            found.append((text, isinstance(node, nodes.title)))
    return tuple(found)


def versions(section: nodes.Element) -> tuple[Version, ...]:
    """One entry per subsection titled like "Version 0.1 (25 November 2026)"."""
    found = []
    for version in section.findall(nodes.section):
        if version is section:
            continue
        title = version[0].astext()
        match = re.match(r"Version (\S+) \((.+)\)", title)
        when = None
        if match:
            try:
                when = datetime.strptime(match.group(2), "%d %B %Y").date().isoformat()
            except ValueError:
                when = None
        text = " ".join(" ".join(p.astext().split()) for p in version.findall(nodes.paragraph))
        found.append((match.group(1) if match else None, when, text or title))
    return tuple(found)


def _units(env: BuildEnvironment, docname: str, doctree: nodes.document) -> list[Unit]:
    domain = env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    units = []
    for unit in domain.units.get(docname, []):
        node = doctree.ids.get(unit.fragment)
        if isinstance(node, UNIT_TYPES):
            parts = unit.anchor.split(".")
            section = parts[-2] if len(parts) > 1 else ""
            units.append(Unit(docname, unit.anchor, unit.fragment, section, headings_of(node), block_of(node), unit.text))
    return units


def _part(doctree: nodes.document, where: str) -> nodes.Element | None:
    section_id = where.partition("#")[2]
    if section_id:
        return doctree.ids.get(section_id)
    return next(iter(doctree.findall(nodes.section)), doctree)


def read_for_exports(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    values = {**DEFAULTS, **app.config.edition_exports}
    taken: dict[str, Any] = {}
    if docname in app.config.edition_text_documents:
        taken["units"] = _units(env, docname, doctree)
    for key, extract in (("principles", prose), ("versions", versions)):
        if values[key] and values[key].partition("#")[0] == docname:
            part = _part(doctree, values[key])
            taken[key] = extract(part) if part is not None else None
    store = exports_read(env)
    store.pop(docname, None)
    if taken:
        store[docname] = taken


def exports_read(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    if not hasattr(env, "edition_exports_read"):
        env.edition_exports_read = {}  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own
    return env.edition_exports_read  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    exports_read(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment) -> None:
    theirs = exports_read(other)
    for docname in docnames:
        if docname in theirs:
            exports_read(env)[docname] = theirs[docname]


def unread(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages read by a build before the exports were there: read them again for their sake."""
    values = {**DEFAULTS, **app.config.edition_exports}
    wanted = {*app.config.edition_text_documents, *(values[k].partition("#")[0] for k in ("principles", "versions") if values[k])}
    store = exports_read(env)
    return sorted(d for d in wanted if d in env.all_docs and d not in store and d not in added | changed | removed)


def setup_reading(app: Sphinx) -> None:
    app.connect("doctree-read", read_for_exports)
    app.connect("env-get-outdated", unread)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
