"""How the HTML builders show the edition's nodes."""

from __future__ import annotations

from docutils import nodes

from ..text.nodes import (
    Visitors,
    block_paragraph_number,
    card,
    emendation,
    mention,
    never_departed,
    note_works,
    paragraph_number,
)
from .cite_dialog import cite_button_html


def visit_note_works(self, node: nodes.Element) -> None:
    self.body.append('<span class="edition-note-works">')


def visit_mention(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="edition-mention edition-{node["kind"]}">')


def close_span(self, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_emendation(self, node: nodes.Element) -> None:
    self.body.append(
        f'<span class="edition-emendation" tabindex="0" aria-describedby="{node["card_id"]}">'
    )


def visit_card(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="edition-card" role="tooltip" id="{node["ids"][0]}">')


def _anchor_link(node: nodes.Element) -> str:
    anchor = node["anchor"]
    return (
        f'<a class="edition-anchor" href="#{node["refid"]}" '
        f'title="Paragraph {anchor}: link to this paragraph">{anchor}</a>' + cite_button_html(anchor)
    )


def visit_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(_anchor_link(node))
    raise nodes.SkipNode


def visit_block_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(f'<div class="edition-anchor-block">{_anchor_link(node)}</div>')
    raise nodes.SkipNode


HTML_VISITORS: dict[type[nodes.Element], Visitors] = {
    mention: (visit_mention, close_span),
    emendation: (visit_emendation, close_span),
    card: (visit_card, close_span),
    note_works: (visit_note_works, close_span),
    paragraph_number: (visit_paragraph_number, never_departed),
    block_paragraph_number: (visit_block_paragraph_number, never_departed),
}
