"""The reading phase: anchors, the authors' notes, stand-off records attached to the text, registers."""

from __future__ import annotations

from sphinx.application import Sphinx

from .anchors import EstablishAnchors
from .attach import AttachStandoff
from .authors_notes import AttachAuthorsNotes, AuthorsNoteRole
from .consistency import check_consistency
from .domain import EditionDomain
from .inventory import EditionStandardDomain
from .other_builders import ShowAsPlainText, note_nodes_without_visitor
from .outdated_pages import pages_with_changed_records
from .references import setup_references
from .registers import setup_registers


def setup_text(app: Sphinx) -> None:
    """The domain, the role and transforms that read the text, the registers, the checks after reading."""
    app.add_domain(EditionDomain)
    app.add_domain(EditionStandardDomain, override=True)
    app.add_role("authors-note", AuthorsNoteRole())
    app.add_transform(EstablishAnchors)
    app.add_transform(AttachAuthorsNotes)
    app.add_transform(AttachStandoff)
    app.add_post_transform(ShowAsPlainText)
    app.connect("builder-inited", note_nodes_without_visitor)
    setup_registers(app)
    setup_references(app)
    app.connect("env-get-outdated", pages_with_changed_records)
    app.connect("env-check-consistency", check_consistency)
