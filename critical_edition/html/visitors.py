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
    self.body.append(self.starttag(node, "span", "", CLASS="edition-note-works"))


def visit_mention(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS=f"edition-mention edition-{node['kind']}"))


def close_span(self, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_emendation(self, node: nodes.Element) -> None:
    self.body.append(
        self.starttag(node, "span", "", CLASS="edition-emendation", tabindex="0", **{"aria-describedby": node["card_id"]})
    )


def visit_card(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="edition-card", role="tooltip"))


def _anchor_link(self, node: nodes.Element) -> str:
    """The margin number, a link to its own paragraph, and the control that cites it."""
    anchor = node["anchor"]
    link = self.starttag(
        node, "a", anchor, CLASS="edition-anchor", href=f"#{node['refid']}", title=f"Paragraph {anchor}: link to this paragraph"
    )
    return f"{link}</a>{cite_button_html(anchor)}"


def visit_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(_anchor_link(self, node))
    raise nodes.SkipNode


def visit_block_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="edition-anchor-block") + _anchor_link(self, node) + "</div>")
    raise nodes.SkipNode


HTML_VISITORS: dict[type[nodes.Element], Visitors] = {
    mention: (visit_mention, close_span),
    emendation: (visit_emendation, close_span),
    card: (visit_card, close_span),
    note_works: (visit_note_works, close_span),
    paragraph_number: (visit_paragraph_number, never_departed),
    block_paragraph_number: (visit_block_paragraph_number, never_departed),
}
