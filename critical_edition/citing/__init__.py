"""Citing: citations rendered by a CSL processor from the edition's metadata record, and the How to cite page."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

from .how_to_cite import HowToCite

logger = logging.getLogger(__name__)

#: Said once per HTML build without a base address: a fact of the build, not a fault (the strict build stays clean).
NO_BASE_ADDRESS = (
    "no base address is set (html_baseurl, from EDITION_BASEURL in the edition's conf.py): "
    "the pages cite the address they are read at; set it before building for publication"
)


def say_when_no_base_address(app: Sphinx) -> None:
    if app.builder.format == "html" and app.config.edition_metadata and not app.config.html_baseurl:
        logger.info(NO_BASE_ADDRESS)


def setup_citing(app: Sphinx) -> None:
    app.add_directive("how-to-cite", HowToCite)
    app.connect("builder-inited", say_when_no_base_address)
