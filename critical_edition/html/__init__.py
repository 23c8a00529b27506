"""The HTML phase: the nodes' visitors, sidenotes, the cite dialog, page metadata, assets, redirects."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .cite_dialog import add_cite_dialog
from .icon_font_cut import cut_icon_fonts
from .neighbours import add_neighbours
from .page_metadata import add_metadata
from .redirects import write_redirects
from .sidenotes import add_sidenotes

HTML_DIR = Path(__file__).parent


def add_templates(app: Sphinx, config: Config) -> None:
    """Templates that mend the theme's accessibility, found before the theme's own."""
    config.templates_path.append(str(HTML_DIR / "templates"))


def add_assets(app: Sphinx) -> None:
    """The edition's style sheet and script, for the site's HTML builders only (an EPUB has its own)."""
    if app.builder.format == "html" and app.builder.name != "epub":
        app.config.html_static_path.append(str(HTML_DIR / "static"))
        app.add_css_file("edition.css")
        app.add_js_file("edition.js", loading_method="defer")


def setup_html(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_assets)
    app.connect("builder-inited", add_sidenotes)
    app.connect("html-page-context", add_cite_dialog)
    app.connect("html-page-context", add_metadata)
    app.connect("html-page-context", add_neighbours)
    app.connect("build-finished", write_redirects)
    app.connect("build-finished", cut_icon_fonts)
