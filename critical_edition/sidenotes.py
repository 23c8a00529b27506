"""Links both ways between a note marker and its sidenote, in HTML.

sphinx-book-theme turns footnotes into sidenotes but keeps no link between
the two: the marker is a label that only a pointer can toggle. Here the
marker becomes a link to the note and the note gets a link back, so that
both can be reached by keyboard, and on narrow screens the linked note is
shown through the ``:target`` rule of the edition's style sheet.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import card, emendation
from .notes import note_ids

SIDENOTE_NAME = "sidenote-role-"


def add_one_pass_sidenotes(app) -> None:
    """Take over the theme's sidenote step only where the book theme is at work."""
    if any(step.__name__ == "HandleFootnoteTransform" for step in app.registry.get_post_transforms()):
        app.add_post_transform(MakeSidenotesInOnePass)


class MakeSidenotesInOnePass(SphinxPostTransform):
    """The theme's turning of footnotes into sidenotes, with the same nodes, in one pass.

    sphinx-book-theme searches the whole page again for the note of every
    marker, which made it the costliest step of writing a page of many notes.
    This runs just before it and does the same work with an index of the
    notes, so that the theme's step finds no marker left.
    """

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
                self._make_sidenote(marker, note, SideNoteNode())

    @staticmethod
    def _make_sidenote(marker: nodes.footnote_reference, note: nodes.footnote, sidenote: nodes.Element) -> None:
        """What the theme makes of one marker and its note (sphinx_book_theme/_transforms.py)."""
        parent = note.parent
        content = note.children[1].children
        inline = nodes.inline()
        label = note.children[0].astext()
        if content[0].astext().startswith("{-}"):
            inline["classes"].append("marginnote")
            content[0] = nodes.Text(content[0].replace("{-}", ""))
            inline.children = content
            sidenote["names"].append(f"marginnote-role-{label}")
        else:
            superscript = nodes.superscript("", label)
            inline["classes"].append("sidenote")
            inline.children = [superscript] + content
            sidenote["names"].append(f"sidenote-role-{label}")
            sidenote.append(superscript)
        container = marker.parent
        duplicate = inline.deepcopy()
        while not isinstance(container, (nodes.section, addnodes.document)):
            if not isinstance(container, (nodes.paragraph, nodes.footnote)):
                container.replace_self([inline, container])
                duplicate["classes"].append("d-n")
                break
            container = container.parent
        marker.replace_self([sidenote, duplicate])
        parent.remove(note)


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
