"""A Sphinx extension for critical editions: anchored paragraphs, stand-off apparatus.

Each subpackage is one phase of a build and registers what it needs with its
own ``setup_<phase>``: ``data`` (the YAML apparatus, kept in the domain of
``text``), ``text`` (reading the text), ``html``, ``latex`` and ``plaintext``
(each builder's output), ``citing`` (citations of the edition) and
``exports`` (open data, the EPUB).
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from sphinx.application import Sphinx

from .citing import setup_citing
from .config import add_config_values, check_config
from .data import setup_data
from .exports import setup_exports
from .gc_freeze import add_gc_freeze
from .html import setup_html
from .html.chart_svg import HTML_CHART
from .html.visitors import HTML_VISITORS
from .latex import setup_latex
from .latex.chart_tikz import LATEX_CHART
from .latex.visitors import LATEX_VISITORS
from .plaintext.visitors import TEXT_VISITORS
from .text import setup_text
from .text.charts import setup_charts
from .text.domain import EditionDomain
from .text.nodes import register_nodes

#: The installed distribution's version: pyproject.toml is its one source.
__version__ = version("critical-edition")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the edition's configuration, nodes and every phase."""
    app.setup_extension("myst_parser")
    add_config_values(app)
    app.connect("config-inited", check_config)
    add_gc_freeze(app)
    register_nodes(app, html=HTML_VISITORS, latex=LATEX_VISITORS, text=TEXT_VISITORS)
    setup_data(app)
    setup_text(app)
    setup_charts(app, html=HTML_CHART, latex=LATEX_CHART)
    setup_html(app)
    setup_latex(app)
    setup_citing(app)
    setup_exports(app)
    return {
        "version": __version__,
        "env_version": EditionDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
