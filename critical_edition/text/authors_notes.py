"""The authors' notes: a marker in the text, the note's text from the data.

The marker ``{authors-note}`7``` stands where the authors put their note; the
note itself is an ordinary docutils footnote built from the YAML record, so
that each builder shows it its own way: a sidenote in HTML, a footnote at the
foot of the page in LaTeX, a list at the end in plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxRole

from ..data.apparatus import record_key
from ..data.records import AuthorsNote, BibliographyEntry, TextualNote
from ..diagnostics import Problem, warn
from .domain import EditionDomain, NoteMarker
from .nodes import make_emendation, note_works


def note_ids(label: str) -> tuple[str, str]:
    """The HTML ids of a note and of its marker, from the note's label."""
    kind = "authors-note" if label.isdigit() else "editorial-note"
    return f"{kind}-{label}", f"{kind}-ref-{label}"


class AuthorsNoteRole(SphinxRole):
    """``{authors-note}`N```: the marker of the authors' note number N."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if not self.text.strip().isdigit():
            warn(Problem.note_missing, f"note marker {self.text!r} is not a note number", self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        label = str(int(self.text))
        note_id, ref_id = note_ids(label)
        marker = nodes.footnote_reference(
            self.rawtext, label, ids=[ref_id], refid=note_id, classes=["authors-note-ref"], authors_note=int(label)
        )
        self.set_source_info(marker)
        return [marker], []


def _note_text(text: str, number: int | None, textual: Iterable[TextualNote]) -> list[nodes.Node]:
    """A note's text, with the edition's emendations of it marked."""
    parts: list[nodes.Node] = [nodes.Text(text)]
    for change in textual:
        if number is None or change.target.note != number:
            continue
        last = str(parts[-1])
        before, found, after = last.partition(change.target.phrase)
        if found:
            marked = make_emendation(change.adopted, change.copy_text, change.id, f"edition-card-note-{change.id}")
            parts[-1:] = [nodes.Text(before), marked, nodes.Text(after)]
    return parts


def _works_links(note: AuthorsNote, bibliography: dict[str, BibliographyEntry]) -> list[nodes.Node]:
    """After a note online: links to the works it cites, and the editors' identification of them."""
    works = list(dict.fromkeys(citation.work for citation in note.cites if citation.work in bibliography))
    if not works and not note.identification:
        return []
    links = note_works("", "")
    if works:
        links += nodes.Text(" Works cited: ")
    for index, work in enumerate(works):
        if index:
            links += nodes.Text("; ")
        # Optional: a project without a works-cited register shows the title unlinked, unwarned.
        xref = addnodes.pending_xref(
            "", refdomain="edition", reftype="work", reftarget=work, refexplicit=True, edition_optional=True
        )
        title = bibliography[work].csl["title"]
        xref += nodes.inline(title, title)
        links += xref
    if note.identification:
        links += nodes.Text(" ")
        links += nodes.inline("", f"[Editors: {note.identification}]", classes=["edition-identification"])
    return [links]


def _shown_records(note: AuthorsNote) -> list[str]:
    """The records a note shows besides its own: the works it links (by their titles), the notes it repeats."""
    keys = [record_key("bibliography", citation.work) for citation in note.cites if citation.work]
    keys += [record_key("authorial", c.same_as_note) for c in note.cites if c.same_as_note is not None]
    return keys


def note_footnote(
    label: str, text: str, ref_id: str, kind: str, textual: Iterable[TextualNote] = (), extra: Iterable[nodes.Node] = ()
) -> nodes.footnote:
    """A docutils footnote holding one note, authors' or editors'."""
    note_id, _ = note_ids(label)
    number = int(label) if label.isdigit() else None
    return nodes.footnote(
        "",
        nodes.label("", label),
        nodes.paragraph("", "", *_note_text(text, number, textual), *extra),
        ids=[note_id],
        backrefs=[ref_id],
        classes=[kind],
    )


class AttachAuthorsNotes(SphinxTransform):
    """Give every marker its note from the data, and note what it uses."""

    default_priority = 450

    def apply(self, **kwargs) -> None:
        markers = [
            node for node in self.document.findall(nodes.footnote_reference) if "authors_note" in node.attributes
        ]
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        domain.markers[self.env.docname] = []
        if not markers:
            return
        apparatus = domain.apparatus
        seen: set[int] = set()
        footnotes = []
        for marker in markers:
            number = marker["authors_note"]
            domain.markers[self.env.docname].append(NoteMarker(number, marker.line))
            key = record_key("authorial", number)
            domain.note_record_use(self.env.docname, key, apparatus.digests.get(key))
            note = apparatus.authors_notes.get(number)
            if note is None:
                warn(Problem.note_missing, f"marker of note {number}, but the data holds no note {number}", marker)
                marker.replace_self(nodes.problematic(marker.rawsource, marker.rawsource))
                continue
            if number in seen:
                warn(Problem.note_duplicate, f"note {number} is marked more than once", marker)
                marker.replace_self(nodes.problematic(marker.rawsource, marker.rawsource))
                continue
            seen.add(number)
            textual = [t for t in apparatus.textual_notes.values() if t.target.note == number]
            works = _works_links(note, apparatus.bibliography)
            for key in _shown_records(note):
                domain.note_record_use(self.env.docname, key, apparatus.digests.get(key))
            footnotes.append(note_footnote(str(number), note.text, marker["ids"][0], "authors-note", textual, works))
            for change in textual:
                key = record_key("textual", change.id)
                domain.note_record_use(self.env.docname, key, apparatus.digests.get(key))
        sections = list(self.document.findall(nodes.section))
        (sections[0] if sections else self.document).extend(footnotes)
