"""The style sheet for HTML and the LaTeX package, added for their builders only."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

PACKAGE_DIR = Path(__file__).parent


def add_templates(app: Sphinx, config) -> None:
    """Templates that mend the theme's accessibility, found before the theme's own."""
    config.templates_path.append(str(PACKAGE_DIR / "templates"))


def add_assets(app: Sphinx) -> None:
    """Make the builder at hand copy the edition's own support files."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(PACKAGE_DIR / "static"))
        app.add_css_file("edition.css")
        app.add_js_file("edition.js", loading_method="defer")
    elif app.builder.format == "latex":
        app.config.latex_additional_files.append(str(PACKAGE_DIR / "latex" / "critical-edition.sty"))
        app.add_latex_package("critical-edition")
