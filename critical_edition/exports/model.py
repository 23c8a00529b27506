"""The reading text as the exports see it: units, headings and inline parts, from the doctrees.

Every export (TEI, annotations, JSON, CSV, plain text) is written from this one
model, taken from each text document's doctree when it is read (see
:mod:`.reading`), with the apparatus records, never from the HTML pages. Inline, a unit is plain text with
the edition's nodes kept apart: a name or term, an adopted reading, the marker
of an authors' or an editors' note.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..text.nodes import block_paragraph_number, card, emendation, mention, note_works, paragraph_number


class Mentioned(NamedTuple):
    """A person or a term where the text names it."""

    kind: str
    record: str
    text: str


class Adopted(NamedTuple):
    """The adopted reading of a textual note; the record gives the copy-text's."""

    record: str
    text: str


class NoteRef(NamedTuple):
    """Where the authors' note ``number`` is marked."""

    number: int


class EditorialRef(NamedTuple):
    """Where the letter of an editorial note stands (after its phrase)."""

    record: str
    letter: str


#: An inline part: plain text or one of the edition's marks.
Inline = str | Mentioned | Adopted | NoteRef | EditorialRef


class Block(NamedTuple):
    """A paragraph-level unit: ``paragraph``, ``quote``, ``table`` or ``list``.

    A paragraph has one row of one cell; a quotation one row per paragraph; a
    table a row per row and a cell per cell; a list a row per item.
    """

    kind: str
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    #: The printed labels of an ordered list's items ("1." ...).
    labels: tuple[str, ...] = ()


class Unit(NamedTuple):
    """An anchored unit of a text document, in reading order."""

    docname: str
    anchor: str
    fragment: str
    #: The section part of the anchor (``4`` of ``7.4.2``).
    section: str
    #: The headings of the document sections it stands in, outermost first.
    headings: tuple[str, ...]
    block: Block
    #: The unit's normalized text, as the domain holds it.
    text: str


SKIPPED = (paragraph_number, block_paragraph_number, card, note_works, nodes.footnote, nodes.system_message)


def inline_parts(node: nodes.Element) -> tuple[Inline, ...]:
    """The inline parts of a paragraph, adjacent texts joined."""
    parts: list[Inline] = []

    def add(part: Inline) -> None:
        if isinstance(part, str) and parts and isinstance(parts[-1], str):
            parts[-1] += part
        elif part != "":
            parts.append(part)

    def walk(current: nodes.Node) -> None:
        for child in current.children:
            if isinstance(child, nodes.Text):
                add(str(child))
            elif isinstance(child, SKIPPED):
                continue
            elif isinstance(child, mention):
                add(Mentioned(child["kind"], child["record"], _text_without_cards(child)))
            elif isinstance(child, emendation):
                add(Adopted(child["record"], _text_without_cards(child)))
            elif isinstance(child, nodes.footnote_reference):
                if "authors_note" in child.attributes:
                    add(NoteRef(int(child["authors_note"])))
                elif "editorial_note" in child.attributes:
                    add(EditorialRef(child["editorial_note"], child.astext()))
            elif isinstance(child, nodes.Element):
                walk(child)

    walk(node)
    return tuple(parts)


def _text_without_cards(node: nodes.Element) -> str:
    return "".join(t.astext() for t in node.findall(nodes.Text) if not any(isinstance(a, card) for a in _ancestors(t, node)))


def _ancestors(node: nodes.Node, stop: nodes.Node) -> Iterator[nodes.Node]:
    current = node.parent
    while current is not None and current is not stop:
        yield current
        current = current.parent


def _cell(entry: nodes.Element) -> tuple[Inline, ...]:
    """A table cell's inline parts, its paragraphs run together."""
    return sum((inline_parts(p) for p in entry.findall(nodes.paragraph)), ())


def block_of(node: nodes.Element) -> Block:
    """The unit's structure with its inline parts."""
    if isinstance(node, nodes.paragraph):
        return Block("paragraph", ((inline_parts(node),),))
    if isinstance(node, nodes.block_quote):
        return Block("quote", tuple((inline_parts(p),) for p in node.findall(nodes.paragraph)))
    if isinstance(node, nodes.table):
        rows = tuple(tuple(_cell(entry) for entry in row.findall(nodes.entry)) for row in node.findall(nodes.row))
        return Block("table", rows)
    items = tuple(tuple(inline_parts(p) for p in item.findall(nodes.paragraph)) for item in node.children)
    labels: tuple[str, ...] = ()
    if isinstance(node, nodes.enumerated_list):
        start = node.get("start", 1)
        labels = tuple(f"{node.get('prefix', '')}{start + i}{node.get('suffix', '.')}" for i in range(len(items)))
    return Block("list", items, labels)


def headings_of(node: nodes.Node) -> tuple[str, ...]:
    """The titles of the sections a unit stands in, outermost first."""
    titles = []
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.section) and current.children and isinstance(current[0], nodes.title):
            titles.append(current[0].astext())
        current = current.parent
    return tuple(reversed(titles))


def text_units(env: BuildEnvironment) -> list[Unit]:
    """Every anchored unit of the text documents, in the order of ``edition_text_documents``, as read."""
    taken = getattr(env, "edition_exports_read", {})
    return [unit for docname in env.config.edition_text_documents for unit in taken.get(docname, {}).get("units", [])]


def plain(parts: tuple[Inline, ...]) -> str:
    """The reading text of inline parts: names, terms and adopted readings as they stand."""
    return "".join(p if isinstance(p, str) else p.text if isinstance(p, (Mentioned, Adopted)) else "" for p in parts)


def unit_plain(block: Block) -> list[str]:
    """The unit's text as lines: a paragraph of a quotation, a row of a table, an item of a list."""
    labels = [f"{label} " for label in block.labels] or [""] * len(block.rows)
    return [label + " ".join(" ".join(plain(cell).split()) for cell in row) for label, row in zip(labels, block.rows, strict=True)]
