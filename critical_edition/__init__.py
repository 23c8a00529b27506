"""A Sphinx extension for critical editions: anchored paragraphs, stand-off apparatus."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .anchors import EstablishAnchors
from .assets import add_assets, add_templates
from .attach import AttachStandoff
from .checks import check_consistency
from .cite_dialog import add_cite_dialog
from .collector import add_collector_tuning
from .config import add_config_values, check_config
from .dependencies import pages_with_changed_records
from .domain import EditionDomain
from .how_to_cite import HowToCite
from .lean_pages import cut_icon_fonts
from .loading import load_apparatus
from .metadata import add_metadata
from .neighbours import add_neighbours
from .nodes import add_nodes
from .notes import AttachAuthorsNotes, AuthorsNoteRole
from .print_notes import LetterEditorialNotesInPrint
from .registers import setup_registers
from .sidenotes import add_sidenotes
from .stability import write_redirects

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the edition's configuration, domain, nodes, roles and transforms."""
    app.setup_extension("myst_parser")
    add_config_values(app)
    add_nodes(app)
    app.add_domain(EditionDomain)
    app.add_role("authors-note", AuthorsNoteRole())
    app.add_transform(EstablishAnchors)
    app.add_transform(AttachAuthorsNotes)
    app.add_transform(AttachStandoff)
    app.add_post_transform(LetterEditorialNotesInPrint)
    setup_registers(app)
    app.add_directive("how-to-cite", HowToCite)
    add_collector_tuning(app)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", load_apparatus)
    app.connect("builder-inited", add_assets)
    app.connect("builder-inited", add_sidenotes)
    app.connect("env-get-outdated", pages_with_changed_records)
    app.connect("html-page-context", add_cite_dialog)
    app.connect("html-page-context", add_metadata)
    app.connect("html-page-context", add_neighbours)
    app.connect("env-check-consistency", check_consistency)
    app.connect("build-finished", write_redirects)
    app.connect("build-finished", cut_icon_fonts)
    return {
        "version": __version__,
        "env_version": EditionDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
