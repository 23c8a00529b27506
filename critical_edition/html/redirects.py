"""Old addresses of moved pages keep working: a small page that forwards, fragment and all.

``edition_redirects`` maps an old page to the page it became; renamed anchors
(``edition_anchor_aliases``) are followed by the page's script instead.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from sphinx.application import Sphinx

from ..config_shapes import config_location
from ..diagnostics import Problem, warn

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
            where = config_location(app.confdir, "edition_redirects", old)
            warn(Problem.alias, f"edition_redirects[{old!r}] = {new!r}: there is no document {new}", where)
            continue
        source = Path(app.outdir, old + app.builder.out_suffix)  # type: ignore[attr-defined]  # an HTML builder's
        source.parent.mkdir(parents=True, exist_ok=True)
        target = app.builder.get_relative_uri(old, new)
        source.write_text(
            REDIRECT_PAGE.format(target=html.escape(target, quote=True), target_js=json.dumps(target)),
            encoding="utf-8",
        )
