"""Links from a chapter to its neighbours in the whole work, which may live elsewhere.

``edition_neighbours`` maps a document to ``[label, address]`` pairs; they are
set after the text as a navigation block (``templates/edition-neighbours.html``),
so a reader can go on in the work.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def add_neighbours(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Give the page template the neighbours of this page, if it has any."""
    links = app.config.edition_neighbours.get(pagename)
    if not links or doctree is None:
        return
    context["edition_neighbours"] = {"label": app.config.edition_neighbours_label, "links": links}
