"""How the LaTeX builder shows the edition's nodes."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.texescape import escape as latex_escape

from ..text.nodes import (
    Visitors,
    block_paragraph_number,
    card,
    emendation,
    mention,
    never_departed,
    note_works,
    paragraph_number,
    skip,
    visit_children,
)


def depart_mention(self, node: nodes.Element) -> None:
    if node.get("index_entry"):
        # Keyed and set as Sphinx keys and sets its own entries, so that a glossary
        # term's entry and the entries of its mentions make one line of the index.
        entry = latex_escape(node["index_entry"]).translate({ord(c): None for c in "@!|"})
        self.body.append(r"\index{%s@\spxentry{%s}}" % (entry, entry))


def visit_paragraph_number(self, node: nodes.Element) -> None:
    # \edanchor is defined in critical-edition.sty: a margin note, and the hyperlink target
    # that links to the paragraph (its HTML id, as Sphinx labels it) lead to.
    self.body.append(r"\edanchor{%s}{%s}" % (latex_escape(node["anchor"]), self.hypertarget(node["refid"], anchor=False)))
    raise nodes.SkipNode


def visit_block_paragraph_number(self, node: nodes.Element) -> None:
    # \edblockanchor sets the number level with the first row of the block that follows.
    self.body.append(r"\edblockanchor{%s}" % latex_escape(node["anchor"]))
    raise nodes.SkipNode


LATEX_VISITORS: dict[type[nodes.Element], Visitors] = {
    mention: (visit_children, depart_mention),
    emendation: (visit_children, visit_children),
    card: (skip, None),
    note_works: (skip, None),
    paragraph_number: (visit_paragraph_number, never_departed),
    block_paragraph_number: (visit_block_paragraph_number, never_departed),
}
