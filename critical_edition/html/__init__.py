"""The HTML phase: the nodes' visitors, sidenotes, the cite dialog, page metadata, assets, redirects."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .asset_loading import lighten_assets
from .cite_dialog import add_cite_dialog
from .icon_font_cut import cut_icon_fonts
from .lean_css import drop_unshipped_font_faces, lean_stylesheets
from .neighbours import add_neighbours
from .page_metadata import add_metadata
from .redirects import write_redirects
from .search import setup_search
from .sidenotes import add_sidenotes

HTML_DIR = Path(__file__).parent


def add_templates(app: Sphinx, config: Config) -> None:
    """Templates that mend the theme's accessibility, found before the theme's own."""
    config.templates_path.append(str(HTML_DIR / "templates"))


#: Run in the head, before the page is drawn: the reading view the reader chose, and a
#: colour mode the theme accepts (its own script sets an empty one when none is stored,
#: then reports it as invalid in the console).
HEAD_SCRIPT = (
    "(function(){var d=document.documentElement;"
    "if(!/^(light|dark|auto)$/.test(d.dataset.mode||''))d.dataset.mode='auto';"
    "if(!/^(light|dark)$/.test(d.dataset.theme||''))"
    "d.dataset.theme=window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';"
    "try{if(localStorage.getItem('edition-reading-view')==='on')d.classList.add('edition-reading')}catch(e){}})();"
)


def add_assets(app: Sphinx) -> None:
    """The edition's style sheet and script, for the site's HTML builders only (an EPUB has its own)."""
    if app.builder.format == "html" and app.builder.name != "epub":
        app.config.html_static_path.append(str(HTML_DIR / "static"))
        app.add_css_file("edition.css")
        app.add_js_file(None, body=HEAD_SCRIPT, priority=100)
        app.add_js_file("edition.js", loading_method="defer")


def lean_pages(app: Sphinx, exception: Exception | None) -> None:
    """The theme's style sheets cut to what the pages use, then its icon fonts, then their font faces."""
    if exception is not None or app.builder.format != "html" or not app.config.edition_lean_pages:
        return
    indexes = lean_stylesheets(Path(app.outdir), app.doctreedir)
    cut_icon_fonts(app, exception)  # reads the kept rules' icons, removes the fonts no page uses
    drop_unshipped_font_faces(indexes)


def setup_html(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_assets)
    app.connect("builder-inited", add_sidenotes)
    app.connect("html-page-context", add_cite_dialog)
    app.connect("html-page-context", add_metadata)
    app.connect("html-page-context", add_neighbours)
    app.connect("html-page-context", lighten_assets, priority=900)
    setup_search(app)
    app.connect("build-finished", write_redirects)
    app.connect("build-finished", lean_pages)
