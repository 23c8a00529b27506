"""Search that lands on the paragraph: an index of paragraph-level units, searched by MiniSearch.

Sphinx's own index knows pages and headings, and its snippets are cut from
the page's source fetched at search time (nothing over file://). Here each
paragraph-level unit (an anchored paragraph, a list, a table, a glossary
entry, else the section it stands in) is one entry, with the fragment that
leads to it and the words of the text alone: no card, margin number, note
or button. The entries are written as a script beside the MiniSearch library
(from the npm registry, copied in at build time), so the search page works
from a web server and from the file system alike.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..text.nodes import block_paragraph_number, card, paragraph_number

DATA_FILE = "edition-search-data.js"
LIBRARY_FILE = "minisearch.js"

#: Nodes whose words are not the text's: cards, numbers, notes, and what only the build sees.
SKIPPED = (
    card,
    paragraph_number,
    block_paragraph_number,
    nodes.footnote_reference,
    nodes.footnote,
    nodes.citation_reference,
    nodes.system_message,
    nodes.comment,
    nodes.raw,
    nodes.substitution_definition,
    nodes.title,
    addnodes.toctree,
)


def _text(node: nodes.Node) -> str:
    """The words of ``node``, without those of the nodes :data:`SKIPPED`."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, SKIPPED) or type(node).__name__ == "backrefs":
        return ""
    return "".join(_text(child) for child in node.children)


def _label(target: nodes.Element, labels: dict[str, str]) -> str:
    """What a result is called: the paragraph's anchor, or the glossary entry's term."""
    if isinstance(target, nodes.term):
        return target.astext()
    return labels.get(target["ids"][0], "")


def _fragment(node: nodes.Element) -> nodes.Element | None:
    """The nearest element a link can point to: the unit itself, a glossary entry, the section."""
    for ancestor in [node, *_ancestors(node)]:
        if isinstance(ancestor, nodes.definition_list_item):
            term = next(iter(ancestor.findall(nodes.term)), None)
            if term is not None and term["ids"]:
                return term
        if isinstance(ancestor, nodes.Element) and ancestor.get("ids"):
            return ancestor
    return None


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def _section_title(node: nodes.Node) -> str:
    for ancestor in _ancestors(node):
        if isinstance(ancestor, nodes.section) and ancestor.children and isinstance(ancestor[0], nodes.title):
            return ancestor[0].astext()
    return ""


def _inside_skipped(node: nodes.Node) -> bool:
    return any(isinstance(ancestor, SKIPPED) for ancestor in _ancestors(node))


def search_units(doctree: nodes.document) -> list[dict[str, str]]:
    """Every paragraph-level unit of a document: its fragment, its label (the anchor), section and words."""
    labels = {number["refid"]: number["anchor"] for number in doctree.findall(paragraph_number)}
    labels.update({number["refid"]: number["anchor"] for number in doctree.findall(block_paragraph_number)})
    units: dict[str, dict[str, str]] = {}
    for paragraph in doctree.findall(nodes.paragraph):
        if _inside_skipped(paragraph):
            continue
        text = " ".join(_text(paragraph).split())
        target = _fragment(paragraph)
        if not text or target is None:
            continue
        fragment = target["ids"][0]
        unit = units.setdefault(
            fragment,
            {"fragment": fragment, "label": _label(target, labels), "section": _section_title(paragraph), "text": ""},
        )
        unit["text"] = f"{unit['text']} {text}".strip()
    return list(units.values())


def collect_units(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the document's units in the environment, so that a rebuild keeps every page's."""
    if not hasattr(app.env, "edition_search_units"):
        app.env.edition_search_units = {}  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own
    app.env.edition_search_units[app.env.docname] = search_units(doctree)  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own


def purge_units(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "edition_search_units", {}).pop(docname, None)


def merge_units(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    if not hasattr(env, "edition_search_units"):
        env.edition_search_units = {}  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own
    for docname in docnames:
        if docname in getattr(other, "edition_search_units", {}):
            env.edition_search_units[docname] = other.edition_search_units[docname]  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own


def search_library(app: Sphinx) -> Path | None:
    """The MiniSearch script named by ``edition_search_library``, or None when the theme's search is kept."""
    if not app.config.edition_search_library:
        return None
    return Path(app.confdir, app.config.edition_search_library)


def add_search_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Tell the search page's template to load the edition's search instead of Sphinx's."""
    context["edition_search"] = search_library(app) is not None and app.builder.format == "html"


def write_search_data(app: Sphinx, exception: Exception | None) -> None:
    """The entries as a script, and the library beside them, in the site's _static folder."""
    library = search_library(app)
    if exception is not None or library is None or app.builder.format != "html":
        return
    static = Path(app.outdir, "_static")
    static.mkdir(exist_ok=True)
    shutil.copyfile(library, static / LIBRARY_FILE)
    entries: list[dict] = []
    units = getattr(app.env, "edition_search_units", {})
    for docname in sorted(units):
        if docname not in app.env.all_docs:
            continue
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        page = app.builder.get_target_uri(docname)
        for unit in units[docname]:
            section = unit["section"] if unit["section"] != title else ""
            entries.append({"id": len(entries), "page": page, "title": title, **unit, "section": section})
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    (static / DATA_FILE).write_text(f"window.EDITION_SEARCH_ENTRIES = {payload};\n", encoding="utf-8")


def setup_search(app: Sphinx) -> None:
    app.connect("doctree-read", collect_units)
    app.connect("env-purge-doc", purge_units)
    app.connect("env-merge-info", merge_units)
    app.connect("html-page-context", add_search_context)
    app.connect("build-finished", write_search_data)
