"""The data phase: the YAML files read, validated against their schemas and cross-checked once per build."""

from __future__ import annotations

from sphinx.application import Sphinx

from .loading import end_of_build, load_apparatus


def setup_data(app: Sphinx) -> None:
    """Read the apparatus once per build, into the domain that keeps it between builds.

    When the builder starts, so that a broken file stops the build before any
    document; for a later build by the same application, before the outdated
    pages are found; a build that ends lets the next one look at the files again.
    """
    app.connect("builder-inited", load_apparatus)
    app.connect("env-get-outdated", load_apparatus, priority=100)
    app.connect("build-finished", end_of_build)
