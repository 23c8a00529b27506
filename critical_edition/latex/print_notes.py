"""The editors' notes in print: a letter in the text, the note in the back matter.

LaTeX footnotes are numbered; the editors' notes are lettered, to be told
apart from the authors' at a glance, so in print they are listed with their
paragraph numbers by the ``editorial-notes`` register instead.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class LetterEditorialNotesInPrint(SphinxPostTransform):
    """Replace each editorial footnote marker by its letter; drop the footnote."""

    # Before Sphinx's LaTeXFootnoteTransform (600), which would set them as numbered footnotes.
    default_priority = 550
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for marker in list(self.document.findall(nodes.footnote_reference)):
            if "editorial_note" in marker.attributes:
                marker.replace_self(nodes.superscript("", marker.astext(), classes=["editorial-note-ref"]))
        for footnote in list(self.document.findall(nodes.footnote)):
            if "editorial-note" in footnote["classes"]:
                footnote.parent.remove(footnote)
