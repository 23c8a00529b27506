"""How the plain-text builder shows the edition's nodes: numbers in brackets, no cards."""

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
    skip,
    visit_children,
)


def visit_paragraph_number(self, node: nodes.Element) -> None:
    self.add_text(f"[{node['anchor']}] ")
    raise nodes.SkipNode


TEXT_VISITORS: dict[type[nodes.Element], Visitors] = {
    mention: (visit_children, visit_children),
    emendation: (visit_children, visit_children),
    card: (skip, None),
    note_works: (skip, None),
    paragraph_number: (visit_paragraph_number, never_departed),
    block_paragraph_number: (visit_paragraph_number, never_departed),
}
