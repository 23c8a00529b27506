"""Links both ways between a note marker and its sidenote, in HTML.

sphinx-book-theme turns footnotes into sidenotes but keeps no link between
the two: the marker is a label that only a pointer can toggle. Here the
marker becomes a link to the note and the note gets a link back, so that
both can be reached by keyboard, and on narrow screens the linked note is
shown through the ``:target`` rule of the edition's style sheet.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import card, emendation
from .notes import note_ids

SIDENOTE_NAME = "sidenote-role-"


class LinkSidenotes(SphinxPostTransform):
    """Give the theme's sidenotes ids and two-way links."""

    # sphinx-book-theme makes the sidenotes at priority 1; this must run after.
    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs) -> None:
        try:
            from sphinx_book_theme.nodes import SideNoteNode
        except ImportError:  # another theme: footnotes stay footnotes, already linked
            return
        for marker in list(self.document.findall(SideNoteNode)):
            names = [n for n in marker["names"] if n.startswith(SIDENOTE_NAME)]
            if not names:
                continue
            label = names[0][len(SIDENOTE_NAME) :]
            note_id, ref_id = note_ids(label)
            marker["ids"] = [ref_id]
            # The theme puts one superscript node in both the marker and the note: link a copy.
            for index, child in enumerate(marker.children):
                if isinstance(child, nodes.superscript):
                    link = nodes.reference(
                        "", label, refid=note_id, classes=["edition-noteref"], reftitle=f"Note {label}"
                    )
                    linked = nodes.superscript("", "", link)
                    linked.parent = marker
                    marker.children[index] = linked
        for note in list(self.document.findall(nodes.inline)):
            if "sidenote" not in note["classes"] or not note.children:
                continue
            label = note.children[0].astext()
            note_id, ref_id = note_ids(label)
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
