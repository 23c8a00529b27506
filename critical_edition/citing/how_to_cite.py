"""The "How to cite" section: generated from the edition's metadata record, never written by hand."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..text.domain import edition_domain
from .citations import FORM_LABELS, FORMS, citation_templates, cite_paragraph, cite_whole, permalink

#: The language of each data format, for highlighting.
CODE_LANGUAGES = {"bibtex": "bibtex", "csl-json": "json"}


def _citation_block(text: str, language: str | None) -> nodes.Element:
    """Data formats as code; styled citations as text a reader can copy, a line each."""
    if language:
        return nodes.literal_block(text, text, language=language)
    lines = nodes.line_block(classes=["edition-citation"])
    for line in text.split("\n"):
        lines += nodes.line(line, line)
    return lines


class HowToCite(SphinxDirective):
    """``{how-to-cite}`` with ``:document:`` (the text) and ``:example:`` (an anchor)."""

    option_spec = {"document": directives.unchanged_required, "example": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        config = self.config
        domain = edition_domain(self.env)
        # Rendered while the page is read: a new address or record must make it be read again.
        domain.note_config_use(self.env.docname, config, "edition_metadata", "html_baseurl", "html_file_suffix")
        metadata, base_url = config.edition_metadata, config.html_baseurl
        page = self.options["document"] + (config.html_file_suffix or ".html")
        anchor = self.options["example"].upper()
        prefix = config.edition_fragment_prefix
        templates = citation_templates(metadata, base_url, page, prefix, str(self.env.doctreedir))
        citations = cite_paragraph(templates, anchor, page)  # without a base address, relative to the site
        link = permalink(base_url, page, f"{prefix}{anchor}")
        result: list[nodes.Node] = [
            nodes.paragraph("", "The chapter as a whole:"),
            _citation_block(cite_whole(metadata, base_url, page), None),
            nodes.paragraph(
                "",
                f"A paragraph, by its number: the permalink of paragraph {anchor} is ",
                nodes.reference(link, link, refuri=link),
                nodes.Text(", and it is cited as follows (“Cite” beside each paragraph gives the same for any other)."),
            ),
        ]
        for form in FORMS:
            result.append(nodes.paragraph("", "", nodes.strong("", FORM_LABELS[form])))
            result.append(_citation_block(citations[form], CODE_LANGUAGES.get(form)))
        return result
