"""The data phase: the YAML files read, validated against their schemas and cross-checked once per build."""

from __future__ import annotations

from sphinx.application import Sphinx

from .loading import load_apparatus


def setup_data(app: Sphinx) -> None:
    """Read the apparatus as soon as the builder exists, before any document."""
    app.connect("builder-inited", load_apparatus)
