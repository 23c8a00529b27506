"""Old addresses keep working: aliases of renamed anchors, redirects of moved pages.

The manifest promises that an anchor never silently disappears; when one must
be renamed or split, ``edition_anchor_aliases`` maps the old anchor to the new
one (the page's script follows it), and ``edition_redirects`` leaves a small
page at a moved page's old address that forwards the fragment too.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .diagnostics import Problem, warn
from .domain import EditionDomain


def check_aliases(env: BuildEnvironment, domain: EditionDomain) -> None:
    """Every alias leads from an anchor that no longer exists to one that does."""
    anchors = {unit.anchor for _, unit in domain.all_units()}
    for old, new in env.config.edition_anchor_aliases.items():
        if old.upper() in anchors:
            warn(Problem.alias, f"alias {old} -> {new}: {old} is still an anchor of the text", "conf.py:1")
        if new.upper() not in anchors:
            warn(Problem.alias, f"alias {old} -> {new}: {new} is not an anchor of the text", "conf.py:1")


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Moved</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<script>window.location.replace({target_js} + window.location.hash);</script>
</head><body><p>This page has moved to <a href="{target}">{target}</a>.</p></body></html>
"""


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """Leave a forwarding page at every old address of a moved page."""
    if exception is not None or app.builder.format != "html":
        return
    for old, new in app.config.edition_redirects.items():
        if new not in app.env.all_docs:
            warn(Problem.alias, f"redirect {old} -> {new}: there is no document {new}", "conf.py:1")
            continue
        source = Path(app.outdir, old + app.builder.out_suffix)
        source.parent.mkdir(parents=True, exist_ok=True)
        target = app.builder.get_relative_uri(old, new)
        source.write_text(
            REDIRECT_PAGE.format(target=html.escape(target, quote=True), target_js=json.dumps(target)),
            encoding="utf-8",
        )
