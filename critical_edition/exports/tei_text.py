"""The TEI text: divisions, units with their anchors, and the apparatus inline.

Names and terms become ``persName``/``term`` pointing at their records; an
adopted reading a ``choice`` of the copy-text's (``sic``/``orig``) and the
edition's (``corr``/``reg``) with its reason in a textual note; the authors'
notes ``note type="authorial"`` where their marker stands; the editors' notes
``note type="editorial"`` spanning their phrase between two anchors.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from ..data.apparatus import Apparatus
from ..data.records import Source, TextualNote
from .model import Adopted, Block, EditorialRef, Inline, Mentioned, NoteRef, Unit, plain

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Which pair of ``choice`` a kind of textual note takes: copy-text's, edition's.
CHOICE_PAIRS = {"spacing": ("orig", "reg")}
DEFAULT_PAIR = ("sic", "corr")


def tei(tag: str) -> str:
    return f"{{{TEI}}}{tag}"


def sub(parent: Element, tag: str, text: str | None = None, **attributes: str | None) -> Element:
    """A child element; ``xml_id`` stands for ``xml:id``; an attribute given None is left out."""
    if "xml_id" in attributes:
        attributes[XML_ID] = attributes.pop("xml_id")
    element = SubElement(parent, tei(tag), {k: v for k, v in attributes.items() if v is not None})
    if text:
        element.text = text
    return element


def append_text(element: Element, text: str) -> None:
    """Text after the element's last child (or inside it, when it has none)."""
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def sources_list(parent: Element, sources: tuple[Source, ...]) -> None:
    """The sources of a record, each a pointer into the list of works."""
    if not sources:
        return
    listing = sub(parent, "listBibl", type="sources")
    for source in sources:
        bibl = sub(listing, "bibl")
        sub(bibl, "ptr", target=f"#w-{source.work}")
        if source.locator:
            sub(bibl, "citedRange", source.locator)
        if source.supports:
            sub(bibl, "note", source.supports, type="supports")


def choice(parent: Element, note: TextualNote, reading: str) -> None:
    """The copy-text's reading beside the edition's, and why."""
    original, edited = CHOICE_PAIRS.get(note.kind, DEFAULT_PAIR)
    copy_reading = reading.replace(note.adopted, note.copy_text) if note.adopted in reading else note.copy_text
    element = sub(parent, "choice", xml_id=f"tn-{note.id}")
    sub(element, original, copy_reading)
    sub(element, edited, reading, type=note.kind)
    remark = sub(parent, "note", note.reason, type="textual", subtype=note.kind, target=f"#tn-{note.id}")
    sources_list(remark, note.sources)


class TextWriter:
    """Writes units into a TEI body, with the apparatus the model marks."""

    def __init__(self, apparatus: Apparatus):
        self.apparatus = apparatus

    def authors_note(self, parent: Element, number: int) -> None:
        note = self.apparatus.authors_notes[number]
        element = sub(parent, "note", type="authorial", n=str(number), place="foot", xml_id=f"authors-note-{number}")
        rest = note.text
        for change in self.apparatus.textual_notes.values():
            if change.target.note == number and change.target.phrase in rest:
                before, _, rest = rest.partition(change.target.phrase)
                append_text(element, before)
                choice(element, change, change.adopted)
        append_text(element, rest)
        for citation in note.cites:
            if citation.work in self.apparatus.bibliography:
                sub(element, "ptr", type="cites", target=f"#w-{citation.work}")

    def editorial_note(self, parent: Element, record: str, letter: str) -> None:
        note = self.apparatus.editorial_notes[record]
        sub(parent, "anchor", xml_id=f"ee-{record}")
        element = sub(
            parent, "note", note.text, type="editorial", n=letter, target=f"#es-{record}", targetEnd=f"#ee-{record}"
        )
        sources_list(element, note.sources)

    def inline(self, parent: Element, parts: tuple[Inline, ...]) -> None:
        """Inline parts, with an anchor where each editorial note's phrase begins."""
        starts = self._phrase_starts(parts)
        offset = 0
        for part in parts:
            if isinstance(part, str):
                cut = 0
                for position, record in sorted(p for p in starts if offset <= p[0] < offset + len(part)):
                    append_text(parent, part[cut : position - offset])
                    sub(parent, "anchor", xml_id=f"es-{record}")
                    cut = position - offset
                    starts.remove((position, record))
                append_text(parent, part[cut:])
            else:
                for position, record in sorted(p for p in starts if p[0] <= offset):
                    sub(parent, "anchor", xml_id=f"es-{record}")
                    starts.remove((position, record))
                if isinstance(part, Mentioned):
                    if part.kind == "person":
                        sub(parent, "persName", part.text, ref=f"#person-{part.record}")
                    else:
                        sub(parent, "term", part.text, ref=f"#term-{part.record}")
                elif isinstance(part, Adopted):
                    choice(parent, self.apparatus.textual_notes[part.record], part.text)
                elif isinstance(part, NoteRef):
                    self.authors_note(parent, part.number)
                elif isinstance(part, EditorialRef):
                    self.editorial_note(parent, part.record, part.letter)
            offset += len(plain((part,)))

    def _phrase_starts(self, parts: tuple[Inline, ...]) -> list[tuple[int, str]]:
        starts = []
        offset = 0
        for part in parts:
            if isinstance(part, EditorialRef):
                phrase = self.apparatus.editorial_notes[part.record].target.phrase
                starts.append((max(offset - len(phrase), 0), part.record))
            offset += len(plain((part,)))
        return starts

    def unit(self, parent: Element, unit: Unit) -> None:
        block: Block = unit.block
        ids = {"xml_id": unit.fragment, "n": unit.anchor}
        if block.kind == "paragraph":
            self.inline(sub(parent, "p", **ids), block.rows[0][0])
        elif block.kind == "quote":
            quote = sub(parent, "quote", **ids)
            for row in block.rows:
                self.inline(sub(quote, "p"), row[0])
        elif block.kind == "table":
            table = sub(parent, "table", **ids)
            for row in block.rows:
                row_element = sub(table, "row")
                for cell in row:
                    self.inline(sub(row_element, "cell"), cell)
        else:
            listing = sub(parent, "list", rend="numbered" if block.labels else "bulleted", **ids)
            for index, row in enumerate(block.rows):
                if block.labels:
                    sub(listing, "label", block.labels[index])
                item = sub(listing, "item")
                for cell in row:
                    self.inline(item, cell)

    def body(self, parent: Element, units: list[Unit]) -> None:
        """Divisions by the document's headings, then by the section of each anchor."""
        stack: list[tuple[str, Element]] = []
        for unit in units:
            common = 0
            while common < min(len(stack), len(unit.headings)) and stack[common][0] == unit.headings[common]:
                common += 1
            del stack[common:]
            for heading in unit.headings[common:]:
                outer = stack[-1][1] if stack else parent
                division = sub(outer, "div", type="chapter" if not stack else "part")
                sub(division, "head", heading)
                stack.append((heading, division))
            outer = stack[-1][1] if stack else parent
            last = outer[-1] if len(outer) else None
            if last is None or last.tag != tei("div") or last.get("n") != unit.section or last.get("type") != "section":
                last = sub(outer, "div", type="section", n=unit.section)
            self.unit(last, unit)
