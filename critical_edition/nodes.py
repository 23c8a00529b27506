"""The edition's own nodes and how each builder shows them.

Every node has a visitor for each builder the edition uses (HTML, LaTeX,
text); any other builder fails loudly on it instead of dropping it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.texescape import escape as latex_escape


class paragraph_number(nodes.Inline, nodes.Element):
    """The margin number of an anchored unit: its anchor, linking to itself.

    Attributes: ``anchor`` (the citation string, e.g. ``7.4.2``) and
    ``refid`` (the HTML id of the unit).
    """


class block_paragraph_number(nodes.General, nodes.Element):
    """A margin number set before a unit that cannot hold it inline (a table)."""


def _anchor_link_html(node: nodes.Element) -> str:
    anchor = node["anchor"]
    return (
        f'<a class="edition-anchor" href="#{node["refid"]}" '
        f'title="Paragraph {anchor}: link to this paragraph">{anchor}</a>'
    )


def visit_paragraph_number_html(self, node: nodes.Element) -> None:
    self.body.append(_anchor_link_html(node))
    raise nodes.SkipNode


def visit_block_paragraph_number_html(self, node: nodes.Element) -> None:
    self.body.append(f'<div class="edition-anchor-block">{_anchor_link_html(node)}</div>')
    raise nodes.SkipNode


def visit_paragraph_number_latex(self, node: nodes.Element) -> None:
    # \edanchor is defined in critical-edition.sty: a margin note with a hyperlink target.
    self.body.append(r"\edanchor{%s}" % latex_escape(node["anchor"]))
    raise nodes.SkipNode


def visit_block_paragraph_number_latex(self, node: nodes.Element) -> None:
    # \edblockanchor sets the number level with the first row of the block that follows.
    self.body.append(r"\edblockanchor{%s}" % latex_escape(node["anchor"]))
    raise nodes.SkipNode


def visit_paragraph_number_text(self, node: nodes.Element) -> None:
    self.add_text(f"[{node['anchor']}] ")
    raise nodes.SkipNode


def _skip_departure(self, node: nodes.Element) -> None:
    """Never called: the visitors raise SkipNode."""


def add_nodes(app: Sphinx) -> None:
    """Register both margin-number nodes for every builder used."""
    app.add_node(
        paragraph_number,
        html=(visit_paragraph_number_html, _skip_departure),
        latex=(visit_paragraph_number_latex, _skip_departure),
        text=(visit_paragraph_number_text, _skip_departure),
    )
    app.add_node(
        block_paragraph_number,
        html=(visit_block_paragraph_number_html, _skip_departure),
        latex=(visit_block_paragraph_number_latex, _skip_departure),
        text=(visit_paragraph_number_text, _skip_departure),
    )
