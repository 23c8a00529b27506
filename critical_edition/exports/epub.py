"""EPUB support (placeholder while the exports are assembled)."""

from sphinx.application import Sphinx


def setup_epub(app: Sphinx) -> None:
    pass
