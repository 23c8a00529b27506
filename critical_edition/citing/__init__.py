"""Citing: citations rendered by a CSL processor from the edition's metadata record, and the How to cite page."""

from __future__ import annotations

from sphinx.application import Sphinx

from .how_to_cite import HowToCite


def setup_citing(app: Sphinx) -> None:
    app.add_directive("how-to-cite", HowToCite)
