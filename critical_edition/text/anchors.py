"""Paragraph anchors: from the ids written in the source to citable units.

An anchor is written before its unit with MyST's block attribute
(``{id="7.4.2"}``; the shorter ``{#...}`` form admits no dots). Docutils keeps names in lower case, so anchors are matched
and shown in upper case; the unit's HTML id is the anchor behind a prefix
letter (``p7.4.2``), which keeps it a valid XML and CSS name.
"""

from __future__ import annotations

import hashlib
import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..config import anchor_regex
from ..diagnostics import Problem, warn
from .domain import AnchoredUnit, EditionDomain
from .nodes import block_paragraph_number, paragraph_number
from .targets import unit_text

#: The paragraph-level units of a text: what an anchor can stand on.
UNIT_TYPES = (nodes.paragraph, nodes.block_quote, nodes.bullet_list, nodes.enumerated_list, nodes.table)

#: What is not the text of a unit: note markers, margin numbers.
NOT_TEXT = (nodes.footnote_reference, nodes.footnote, paragraph_number, block_paragraph_number)


def fragment_of(anchor: str, prefix: str) -> str:
    """The documented rule: the HTML id is the prefix letter, then the anchor."""
    return f"{prefix}{anchor}"


def normalized_text(node: nodes.Element) -> str:
    """The words of a unit, as the manifest hashes them: notes and numbers left out."""
    return " ".join(unit_text(node, NOT_TEXT)[0].split())


def text_digest(text: str) -> str:
    """Short, stable hash of a unit's normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _looks_like_anchor(name: str, prefix: str) -> bool:
    return bool(re.match(rf"(?:{re.escape(prefix)})?[0-9]", name, re.IGNORECASE))


def _set_id(document: nodes.document, node: nodes.Element, name: str, fragment: str) -> None:
    """Give the unit its anchor's id in place of the one docutils made up."""
    for old in node["ids"]:
        document.ids.pop(old, None)
    node["ids"] = [fragment]
    document.ids[fragment] = node
    document.nameids[name] = fragment


def _add_margin_number(unit: nodes.Element, anchor: str, fragment: str) -> None:
    """Put the number inside the unit's first paragraph; before a table."""
    number_args = {"anchor": anchor, "refid": fragment}
    if isinstance(unit, nodes.table):
        unit.parent.insert(unit.parent.index(unit), block_paragraph_number("", **number_args))
        return
    first = unit if isinstance(unit, nodes.paragraph) else next(unit.findall(nodes.paragraph), None)
    if first is not None:
        first.insert(0, paragraph_number("", **number_args))


def _top_level_units(document: nodes.document) -> list[nodes.Element]:
    """The units that stand directly in a section: each needs an anchor."""
    return [
        child
        for parent in [document, *document.findall(nodes.section)]
        for child in parent.children
        if isinstance(child, UNIT_TYPES)
    ]


class EstablishAnchors(SphinxTransform):
    """Turn the source's anchor ids into anchored units with margin numbers."""

    # Before Sphinx's doctree-read handlers register labels (they run after
    # all transforms), and before the notes are attached (priority 450).
    default_priority = 400

    def apply(self, **kwargs) -> None:
        pattern = anchor_regex(self.config)
        prefix = self.config.edition_fragment_prefix
        units: list[AnchoredUnit] = []
        anchored: set[int] = set()
        for node in list(self.document.findall(nodes.Element)):
            if not isinstance(node, UNIT_TYPES):
                continue
            for name in node["dupnames"]:
                if _looks_like_anchor(name, prefix):
                    warn(Problem.anchor_duplicate, f"anchor {name.upper()} is given twice in this document", node)
            names = [n for n in node["names"] if _looks_like_anchor(n, prefix)]
            for name in names:
                anchor = name.upper()
                if not pattern.fullmatch(anchor):
                    warn(
                        Problem.anchor_malformed,
                        f"anchor {anchor} does not follow the scheme {self.config.edition_anchor_pattern}",
                        node,
                    )
                    continue
                fragment = fragment_of(anchor, prefix)
                text = normalized_text(node)
                _set_id(self.document, node, name, fragment)
                _add_margin_number(node, anchor, fragment)
                units.append(AnchoredUnit(anchor, fragment, text_digest(text), text, node.line))
                anchored.add(id(node))
                break
        if self.env.docname in self.config.edition_text_documents:
            for node in _top_level_units(self.document):
                if id(node) not in anchored:
                    warn(Problem.anchor_missing, "this paragraph of the reading text has no anchor", node)
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        domain.units[self.env.docname] = units
