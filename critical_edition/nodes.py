"""The edition's own nodes and how each builder shows them.

Every node has a visitor for each builder the edition uses (HTML, LaTeX,
text); any other builder fails loudly on it instead of dropping it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.texescape import escape as latex_escape

from .cite_dialog import cite_button_html


class paragraph_number(nodes.Inline, nodes.Element):
    """The margin number of an anchored unit: its anchor, linking to itself.

    Attributes: ``anchor`` (the citation string, e.g. ``7.4.2``) and
    ``refid`` (the HTML id of the unit).
    """


class block_paragraph_number(nodes.General, nodes.Element):
    """A margin number set before a unit that cannot hold it inline (a table)."""


class mention(nodes.Inline, nodes.TextElement):
    """A name or a term in the text, linked to its register entry, with a card.

    Attributes: ``kind`` (``person`` or ``term``), ``record`` (the id),
    ``index_entry`` (the name or term as the index sorts it).
    """


class emendation(nodes.Inline, nodes.TextElement):
    """The adopted reading where the edition departs from the copy-text; its card gives the copy-text's."""


class card(nodes.Inline, nodes.TextElement):
    """What a mention or an emendation shows on hover and keyboard focus (HTML only)."""


class note_works(nodes.Inline, nodes.TextElement):
    """After an authors' note online: links to the works it cites in Works Cited (not printed)."""


def visit_note_works_html(self, node: nodes.Element) -> None:
    self.body.append('<span class="edition-note-works">')


def make_card(text: str, card_id: str) -> card:
    """A card, kept out of the search index: its words are the register's, not the page's."""
    return card("", text, ids=[card_id], classes=["no-search"])


def make_emendation(adopted: str, copy_text: str, record: str, card_id: str) -> emendation:
    """The adopted reading, marked, with a card giving the copy-text's."""
    note_card = make_card(f"The copy-text reads: {copy_text}", card_id)
    return emendation("", "", nodes.Text(adopted), note_card, card_id=card_id, record=record)


def visit_mention_html(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="edition-mention edition-{node["kind"]}">')


def close_span_html(self, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_emendation_html(self, node: nodes.Element) -> None:
    self.body.append(
        f'<span class="edition-emendation" tabindex="0" aria-describedby="{node["card_id"]}">'
    )


def visit_card_html(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="edition-card" role="tooltip" id="{node["ids"][0]}">')


def visit_mention_latex(self, node: nodes.Element) -> None:
    pass


def depart_mention_latex(self, node: nodes.Element) -> None:
    if node.get("index_entry"):
        # Keyed and set as Sphinx keys and sets its own entries, so that a glossary
        # term's entry and the entries of its mentions make one line of the index.
        entry = latex_escape(node["index_entry"]).translate({ord(c): None for c in "@!|"})
        self.body.append(r"\index{%s@\spxentry{%s}}" % (entry, entry))


def _visit_children(self, node: nodes.Element) -> None:
    """Nothing around the node: its children stand for it."""


def _skip(self, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _anchor_link_html(node: nodes.Element) -> str:
    anchor = node["anchor"]
    return (
        f'<a class="edition-anchor" href="#{node["refid"]}" '
        f'title="Paragraph {anchor}: link to this paragraph">{anchor}</a>' + cite_button_html(anchor)
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
    """Register every node of the edition for every builder used."""
    app.add_node(
        mention,
        html=(visit_mention_html, close_span_html),
        latex=(visit_mention_latex, depart_mention_latex),
        text=(_visit_children, _visit_children),
    )
    app.add_node(
        emendation,
        html=(visit_emendation_html, close_span_html),
        latex=(_visit_children, _visit_children),
        text=(_visit_children, _visit_children),
    )
    app.add_node(card, html=(visit_card_html, close_span_html), latex=(_skip, None), text=(_skip, None))
    app.add_node(note_works, html=(visit_note_works_html, close_span_html), latex=(_skip, None), text=(_skip, None))
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
