"""What the exports say about the edition, gathered once per build from the configuration.

``edition_exports`` in ``conf.py`` adds what the metadata record does not hold:
the publisher, the editors, the licences, the copy-text's record in the
bibliography (``edition_copy_text`` names its file), the pages that state the
editorial principles and the versions, and the files ``make site`` adds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, NamedTuple

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..diagnostics import Problem, warn
from ..text.domain import edition_domain

#: The keys of ``edition_exports`` and their defaults.
DEFAULTS: dict[str, Any] = {
    "basename": "edition",
    "dir": "data",
    "publisher": "The editors",
    "editors": ["The editors"],
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "text_terms": "",
    "text_licence": "",
    "copy_text_work": "",
    "principles": "",
    "versions": "",
    "site_files": [],
}


class ExportSettings(NamedTuple):
    metadata: dict[str, Any]
    base_url: str
    basename: str
    dir: str
    publisher: str
    editors: list[str]
    licence: str
    licence_url: str
    text_terms: str
    #: How the reading text may be reused, in a few words (the Download page's licence column).
    text_licence: str
    copy_text_work: str
    copy_text_sha256: str | None
    anchor_pattern: str
    fragment_prefix: str
    example_anchor: str
    #: The editorial principles: (text, is a heading) of each paragraph.
    principles: tuple[tuple[str, bool], ...] | None
    #: The versions: (number, ISO date, what it brought).
    versions: tuple[tuple[str | None, str | None, str], ...] | None
    #: Files beside the data when they exist: (path, format, licence).
    site_files: list[tuple[Path, str, str]]


def conf_location(app: Sphinx | Builder, name: str) -> str:
    """``conf.py:LINE`` of the line that sets ``name`` (the first line when none does)."""
    try:
        lines = Path(app.confdir, "conf.py").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    line = next((n for n, text in enumerate(lines, 1) if text.startswith(name)), 1)
    return f"conf.py:{line}"


def _taken(app: Sphinx | Builder, key: str, where: str):
    """What was read for ``key`` from the page (``page`` or ``page#section-id``) that ``where`` names."""
    if not where:
        return None
    docname = where.partition("#")[0]
    if docname not in app.env.all_docs:
        warn(Problem.export, f"edition_exports names the page {docname!r}, which the edition does not have", conf_location(app, "edition_exports"))
        return None
    taken = getattr(app.env, "edition_exports_read", {}).get(docname, {}).get(key)
    if taken is None:
        warn(Problem.export, f"edition_exports names the section {where!r}, which the page does not have", conf_location(app, "edition_exports"))
    return taken


def export_settings(app: Sphinx | Builder) -> ExportSettings:
    """From the application or a builder: both hold the config, the env and the confdir."""
    config = app.config
    values = {**DEFAULTS, **config.edition_exports}
    confdir = Path(app.confdir)
    copy_text = confdir / config.edition_copy_text if config.edition_copy_text else None
    digest = hashlib.sha256(copy_text.read_bytes()).hexdigest() if copy_text and copy_text.is_file() else None
    if copy_text and digest is None:
        warn(Problem.export, f"edition_copy_text {config.edition_copy_text!r} is not a file beside conf.py", conf_location(app, "edition_copy_text"))
    domain = edition_domain(app.env)
    example = next((unit.anchor for _, unit in domain.all_units()), "1.1")
    return ExportSettings(
        metadata=config.edition_metadata,
        base_url=config.html_baseurl,
        basename=values["basename"],
        dir=values["dir"],
        publisher=values["publisher"],
        editors=list(values["editors"]),
        licence=values["licence"],
        licence_url=values["licence_url"],
        text_terms=values["text_terms"],
        text_licence=values["text_licence"],
        copy_text_work=values["copy_text_work"],
        copy_text_sha256=digest,
        anchor_pattern=config.edition_anchor_pattern,
        fragment_prefix=config.edition_fragment_prefix,
        example_anchor=example,
        principles=_taken(app, "principles", values["principles"]),
        versions=_taken(app, "versions", values["versions"]),
        site_files=[(confdir / path, label, licence) for path, label, licence in values["site_files"]],
    )
