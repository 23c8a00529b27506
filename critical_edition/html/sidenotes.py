"""Sidenotes in HTML, linked both ways to their markers.

sphinx-book-theme turns footnotes into sidenotes, but it searches the whole
page again for the note of every marker, which made it the costliest step of
writing a page of many notes, and it keeps no link between a marker and its
note: the marker is a label that only a pointer can toggle. Here the same
nodes are made in one pass, just before the theme's step (which then finds no
marker left), and the marker becomes a link to the note and the note gets a
link back, so that both can be reached by keyboard; on narrow screens the
linked note is shown through the ``:target`` rule of the edition's style sheet.

This module is the one place that copies the theme's private code: it follows
``HandleFootnoteTransform`` of the version below, and a test fails when the
installed theme's transform is no longer that one.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..text.authors_notes import note_ids
from ..text.nodes import card, emendation

#: The theme and version whose footnote transform :func:`_make_sidenote` follows.
FOLLOWS_THEME = ("sphinx-book-theme", "1.4.0")
#: SHA-256 of that transform's source (``sphinx_book_theme/_transforms.py``, the class).
FOLLOWS_SOURCE_SHA256 = "697d453630f6ddf7586dcded8b775b8f197341729041be21f96bf7aeb37aa8b8"


def add_sidenotes(app) -> None:
    """Make the sidenotes only where the book theme is at work; other themes keep footnotes."""
    if any(step.__name__ == "HandleFootnoteTransform" for step in app.registry.get_post_transforms()):
        app.add_post_transform(MakeLinkedSidenotes)


class MakeLinkedSidenotes(SphinxPostTransform):
    """The theme's sidenotes, made with its own nodes in one pass, and linked both ways."""

    default_priority = 0  # the theme's step runs at 1
    formats = ("html",)

    def run(self, **kwargs) -> None:
        from sphinx_book_theme.nodes import SideNoteNode  # registered only under the book theme

        if not self.config.html_theme_options.get("use_sidenotes", False):
            return
        notes: dict[str, nodes.footnote] = {}
        for note in self.document.findall(nodes.footnote):
            if note["backrefs"]:
                notes.setdefault(note["backrefs"][0], note)
        for marker in list(self.document.findall(nodes.footnote_reference)):
            note = notes.pop(marker["ids"][0], None) if marker["ids"] else None
            if note is not None:
                _make_sidenote(marker, note, SideNoteNode())


def _make_sidenote(marker: nodes.footnote_reference, note: nodes.footnote, sidenote: nodes.Element) -> None:
    """What the theme makes of one marker and its note (sphinx_book_theme/_transforms.py), linked."""
    parent = note.parent
    content = note.children[1].children
    inline = nodes.inline()
    label = note.children[0].astext()
    if content[0].astext().startswith("{-}"):  # a margin note: no number, nothing to link
        inline["classes"].append("marginnote")
        content[0] = nodes.Text(content[0].replace("{-}", ""))
        inline.children = content
        sidenote["names"].append(f"marginnote-role-{label}")
        linked = False
    else:
        superscript = nodes.superscript("", label)
        inline["classes"].append("sidenote")
        inline.children = [superscript, *content]
        sidenote["names"].append(f"sidenote-role-{label}")
        sidenote.append(superscript)
        linked = True
    container = marker.parent
    duplicate = inline.deepcopy()
    shown_before = None
    while not isinstance(container, (nodes.section, addnodes.document)):
        if not isinstance(container, (nodes.paragraph, nodes.footnote)):
            container.replace_self([inline, container])
            duplicate["classes"].append("d-n")
            shown_before = inline
            break
        container = container.parent
    marker.replace_self([sidenote, duplicate])
    parent.remove(note)
    if linked:
        _link(sidenote, label, [shown_before, duplicate])


def _link(marker: nodes.Element, label: str, notes: list[nodes.inline | None]) -> None:
    """The marker a link to its note; the note (and the theme's second copy of it) a link back."""
    note_id, ref_id = note_ids(label)
    marker["ids"] = [ref_id]
    # The theme puts one superscript node in both the marker and the note: link a copy.
    link = nodes.reference("", label, refid=note_id, classes=["edition-noteref"], reftitle=f"Note {label}")
    linked = nodes.superscript("", "", link)
    linked.parent = marker
    marker.children[0] = linked
    for note in filter(None, notes):
        if "d-n" not in note["classes"]:
            note["ids"] = [note_id]
        else:  # the theme's second copy of a note: its cards need ids of their own
            for copied in note.findall(card):
                copied["ids"] = [f"{i}-copy" for i in copied["ids"]]
            for copied in note.findall(emendation):
                copied["card_id"] = f"{copied['card_id']}-copy"
        note["classes"].append("authors-note" if label.isdigit() else "editorial-note")
        note.append(nodes.Text(" "))
        note.append(
            nodes.reference(
                "", "\u21a9", refid=ref_id, classes=["edition-backref"], reftitle=f"Back to the text of note {label}"
            )
        )
