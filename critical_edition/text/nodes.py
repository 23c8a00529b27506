"""The edition's own nodes, made while the text is read.

Every node has a visitor for each builder the edition uses (HTML, LaTeX,
text), registered by :func:`register_nodes` from the visitor tables of
``html``, ``latex`` and ``plaintext``; any other builder says so once
(``edition.builder``, see :mod:`.other_builders`) instead of dropping it.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx

#: A builder's (visit, depart) pair for one node.
Visitors = tuple[Callable[..., None], Callable[..., None] | None]


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


#: Every node a builder must be able to show, in the order they are registered.
EDITION_NODES = (mention, emendation, card, note_works, paragraph_number, block_paragraph_number)


def make_card(text: str, card_id: str) -> card:
    """A card, kept out of the search index: its words are the register's, not the page's."""
    return card("", text, ids=[card_id], classes=["no-search"])


def make_emendation(adopted: str, copy_text: str, record: str, card_id: str) -> emendation:
    """The adopted reading, marked, with a card giving the copy-text's."""
    note_card = make_card(f"The copy-text reads: {copy_text}", card_id)
    return emendation("", "", nodes.Text(adopted), note_card, card_id=card_id, record=record)


def visit_children(self, node: nodes.Element) -> None:
    """Nothing around the node: its children stand for it."""


def skip(self, node: nodes.Element) -> None:
    """The node and its children are not shown by this builder."""
    raise nodes.SkipNode


def never_departed(self, node: nodes.Element) -> None:
    """Never called: the visitor raises SkipNode."""


def register_nodes(app: Sphinx, **visitors_by_builder: dict[type[nodes.Element], Visitors]) -> None:
    """Register every node of the edition with each builder's visitors."""
    for node in EDITION_NODES:
        visitors = {builder: table[node] for builder, table in visitors_by_builder.items()}
        app.add_node(node, **visitors)  # type: ignore[arg-type]  # Sphinx types **kwargs as the pairs' own type
