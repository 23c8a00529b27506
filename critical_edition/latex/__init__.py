"""The print phase: the nodes' visitors, the LaTeX package, the editors' notes lettered, mentions unmarked."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .pdf_metadata import write_pdf_metadata
from .print_marks import (
    EditionReferencesInTheTextFace,
    KeepCodeBlocksWholeInPrint,
    LabelRegisterEntriesInPrint,
    UnmarkMentionsInPrint,
)
from .print_notes import LetterEditorialNotesInPrint

STY = Path(__file__).parent / "critical-edition.sty"


def add_latex_package(app: Sphinx) -> None:
    """The edition's LaTeX package, for the LaTeX builder only."""
    if app.builder.format == "latex":
        app.config.latex_additional_files.append(str(STY))
        app.add_latex_package("critical-edition")


def setup_latex(app: Sphinx) -> None:
    app.add_post_transform(LetterEditorialNotesInPrint)
    app.add_post_transform(UnmarkMentionsInPrint)
    app.add_post_transform(LabelRegisterEntriesInPrint)
    app.add_post_transform(KeepCodeBlocksWholeInPrint)
    app.add_post_transform(EditionReferencesInTheTextFace)
    app.connect("builder-inited", add_latex_package)
    app.connect("build-finished", write_pdf_metadata)
