"""The exports: the text and its apparatus as open data, and the EPUB.

Every file is made once per build, in memory, from the records and the
doctrees (never from the pages), when the Download page first needs their
sizes or when the build ends; the HTML builder then writes them into the
site under ``edition_exports["dir"]``.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .downloads import setup_downloads
from .epub import setup_epub
from .files import write_exports
from .reading import setup_reading
from .tei_builder import TeiBuilder


def setup_exports(app: Sphinx) -> None:
    setup_reading(app)
    setup_downloads(app)
    setup_epub(app)
    app.add_builder(TeiBuilder)
    app.connect("build-finished", write_exports)
