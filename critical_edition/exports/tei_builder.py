"""``-b tei`` (``make tei``): the TEI document alone, without writing the site."""

from __future__ import annotations

from collections.abc import Iterable, Set

from docutils import nodes
from sphinx.builders import Builder

from ..text.domain import edition_domain
from .model import text_units
from .settings import export_settings
from .tei import tei_document


class TeiBuilder(Builder):
    """Reads the edition as any builder does, then writes its TEI document."""

    name = "tei"
    format = "tei"
    epilog = "The TEI document is in %(outdir)s."
    allow_parallel = True

    def get_outdated_docs(self) -> Iterable[str]:
        return self.env.found_docs

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname + ".html"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        settings = export_settings(self)  # a builder has the config, env and confdir it asks for
        document = tei_document(settings, edition_domain(self.env).apparatus, text_units(self.env))
        (self.outdir / f"{settings.basename}.tei.xml").write_bytes(document)
