"""Attaching the stand-off records to the phrases of the reading text.

Textual notes mark their adopted reading; editorial notes put their letter
after their phrase; persons and terms link every form found as whole words.
Where two would overlap, a textual note wins, then the longer phrase, so that
"Lenin enrolment" links the term and not the person inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from string import ascii_lowercase

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .anchors import NOT_TEXT
from ..data.apparatus import PLACES_KEY, Apparatus, record_key
from ..diagnostics import Problem, warn
from .domain import EditionDomain, Mention
from .nodes import card, make_card, make_emendation, mention
from .authors_notes import note_footnote, note_ids
from ..data.records import GlossaryTerm, Person
from .targets import Span, form_matches, locate, non_overlapping, unit_text, wrap_spans

TEXTUAL, EDITORIAL, NAME = 3, 2, 1
#: The data file of each kind of span.
DATA_KIND = {"person": "persons", "term": "glossary", "textual": "textual", "editorial": "editorial"}


def note_letter(index: int) -> str:
    """The letter of the editorial note at ``index``: a ... z, aa, ab ..."""
    return ascii_lowercase[index] if index < 26 else note_letter(index // 26 - 1) + ascii_lowercase[index % 26]


def _card_text(record: Person | GlossaryTerm) -> str:
    if isinstance(record, Person):
        life = f" ({record.life})" if record.life else ""
        return f"{record.name}{life}: {record.role}"
    return f"{record.term}: {record.definition}"


class AttachStandoff(SphinxTransform):
    """Wrap the phrases the apparatus points to, in every anchored unit of a text document."""

    # After the anchors (400) and the authors' notes (450), which these phrases live among.
    default_priority = 460

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        domain.mentions[docname] = []
        if docname not in self.config.edition_text_documents:
            return
        apparatus = domain.apparatus
        domain.note_record_use(docname, PLACES_KEY, apparatus.digests.get(PLACES_KEY))
        self._cards = 0
        footnotes: list[nodes.footnote] = []
        for unit in domain.units.get(docname, []):
            node = self.document.ids[unit.fragment]
            text, pieces = unit_text(node, NOT_TEXT)
            spans = list(self._candidates(apparatus, unit.anchor, text, footnotes))
            for span in spans:
                key = record_key(DATA_KIND[span.kind], span.record)
                domain.note_record_use(docname, key, apparatus.digests.get(key))
            kept = non_overlapping(spans)
            for span in wrap_spans(pieces, kept):
                if span.rank == TEXTUAL:
                    warn(Problem.target, f"textual note {span.record!r}: its phrase in {unit.anchor} crosses markup", node)
            for span in kept:
                domain.mentions[docname].append(Mention(span.kind, span.record, unit.anchor, unit.fragment))
        if footnotes:
            sections = list(self.document.findall(nodes.section))
            (sections[0] if sections else self.document).extend(footnotes)

    def _candidates(self, apparatus: Apparatus, anchor: str, text: str, footnotes: list[nodes.footnote]):
        """Every span the apparatus asks for in one unit."""
        texts = {anchor: text}
        for note in apparatus.textual_notes.values():
            if note.target.anchor == anchor and not note.target.note and note.kind != "structure":
                start, _ = locate(note.target, texts)
                if start is not None:
                    wrap = self._emendation(note.copy_text, note.id)
                    yield Span(start, start + len(note.target.phrase), wrap, TEXTUAL, "textual", note.id)
        for index, note in enumerate(apparatus.editorial_notes.values()):
            if note.target.anchor == anchor:
                start, _ = locate(note.target, texts)
                if start is not None:
                    end = start + len(note.target.phrase)
                    yield Span(end, end, self._editorial_marker(note, index, footnotes), EDITORIAL, "editorial", note.id)
        for kind, records in (("person", apparatus.persons), ("term", apparatus.glossary)):
            for record in records.values():
                for form in record.forms:
                    for start in form_matches(text, form):
                        yield Span(start, start + len(form), self._mention(kind, record), NAME, kind, record.id)

    def _next_card_id(self) -> str:
        """Cards are numbered in the order they are made, one series per page."""
        self._cards += 1
        return f"edition-card-{self._cards}"

    def _card(self, text: str) -> card:
        return make_card(text, self._next_card_id())

    def _emendation(self, copy_text: str, record: str) -> Callable[[str], nodes.Node]:
        def build(text: str) -> nodes.Node:
            return make_emendation(text, copy_text, record, self._next_card_id())

        return build

    def _mention(self, kind: str, record: Person | GlossaryTerm) -> Callable[[str], nodes.Node]:
        def build(text: str) -> nodes.Node:
            if kind == "person":
                xref = addnodes.pending_xref("", refdomain="edition", reftype="person", reftarget=record.id)
            else:
                xref = addnodes.pending_xref("", refdomain="std", reftype="term", reftarget=record.term)
            xref["refexplicit"] = True
            xref["refwarn"] = True
            xref += nodes.inline(text, text)
            index_entry = record.index_name if kind == "person" else record.term
            return mention("", "", xref, self._card(_card_text(record)), kind=kind, record=record.id, index_entry=index_entry)

        return build

    def _editorial_marker(self, note, index: int, footnotes: list[nodes.footnote]) -> Callable[[str], nodes.Node]:
        label = note_letter(index)
        note_id, ref_id = note_ids(label)

        def build(_: str) -> nodes.Node:
            footnotes.append(note_footnote(label, note.text, ref_id, "editorial-note"))
            return nodes.footnote_reference(
                f"[{label}]", label, ids=[ref_id], refid=note_id, classes=["editorial-note-ref"], editorial_note=note.id
            )

        return build
