"""Links from a chapter to its neighbours in the whole work, which may live elsewhere.

``edition_neighbours`` maps a document to ``[label, address]`` pairs; they are
set after the text as a navigation block, so a reader can go on in the work.
"""

from __future__ import annotations

import html
from typing import Any

from sphinx.application import Sphinx


def add_neighbours(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Append the neighbours of this page, if it has any."""
    links = app.config.edition_neighbours.get(pagename)
    if not links or doctree is None:
        return
    items = "".join(
        f'<li><a href="{html.escape(url, quote=True)}">{html.escape(label)}</a></li>' for label, url in links
    )
    label = html.escape(app.config.edition_neighbours_label)
    context["body"] += f'<nav class="edition-neighbours" aria-label="{label}"><p>{label}:</p><ul>{items}</ul></nav>'
