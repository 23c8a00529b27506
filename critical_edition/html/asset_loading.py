"""What a page loads before it can be drawn: as little as it needs, nothing held up by scripts.

Sphinx and the book theme put their scripts in the head without ``defer``, so a
phone draws nothing until each has arrived and run; they wait for the page
themselves, so they are deferred, in their order (but Sphinx's
``documentation_options.js``, which the theme's inline scripts read as the page
is parsed). The search page keeps them as they are for Sphinx's own search
script, which expects them loaded before it. A page without highlighted code
does not load the code's style sheet.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript

#: Read by inline scripts while the page is parsed: loaded at once.
READ_WHILE_PARSING = {"_static/documentation_options.js"}


def _deferred(script: Any) -> Any:
    attributes = getattr(script, "attributes", None) or {}
    if (
        isinstance(script, _JavaScript)
        and script.filename
        and str(script.filename) not in READ_WHILE_PARSING
        and not {"async", "defer", "type"} & set(attributes)
    ):
        return _JavaScript(script.filename, priority=script.priority, **attributes, defer="defer")
    return script


def lighten_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    if not app.config.edition_lean_pages or pagename == "search":
        return
    if "script_files" in context:
        context["script_files"] = [_deferred(script) for script in context["script_files"]]
    has_code = doctree is not None and next(iter(doctree.findall(nodes.literal_block)), None) is not None
    if "css_files" in context and doctree is not None and not has_code:
        context["css_files"] = [css for css in context["css_files"] if not str(getattr(css, "filename", css)).endswith("pygments.css")]
