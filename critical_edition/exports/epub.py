"""The EPUB: Sphinx's EPUB 3 builder, with the edition's nodes shown as an e-reader needs them.

Readers show notes marked ``epub:type="footnote"`` as pop-ups from their
``noteref`` markers; the margin numbers stay, as plain links; the cards, the
cite controls and dialog, the scripts and the page metadata are for the site
alone. The package's metadata comes from the edition's record.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.writers.html5 import HTML5Translator

from ..text.nodes import (
    block_paragraph_number,
    card,
    emendation,
    mention,
    never_departed,
    note_works,
    paragraph_number,
    skip,
)

STATIC = Path(__file__).parent / "static"


class EpubTranslator(HTML5Translator):
    """Footnotes and their markers as EPUB 3 notes."""

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        classes = ["footnote-reference", self.settings.footnote_references]
        attributes = {"epub:type": "noteref", "role": "doc-noteref", "href": "#" + node["refid"]}
        self.body.append(self.starttag(node, "a", suffix="", classes=classes, **attributes))
        self.body.append('<span class="fn-bracket">[</span>')

    def visit_reference(self, node: nodes.Element) -> None:
        """A link written as to a page of the site (``chapter.html``) leads to that page of the book."""
        uri = node.get("refuri", "")
        path, hash_mark, fragment = uri.partition("#")
        if path.endswith(".html") and "://" not in path and not path.startswith(("/", "mailto:")):
            node["refuri"] = path[: -len(".html")] + self.builder.out_suffix + hash_mark + fragment
        super().visit_reference(node)

    def visit_footnote(self, node: nodes.Element) -> None:
        label_style = self.settings.footnote_references
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append(f'<div class="footnote-list {label_style}">\n')
        attributes = {"epub:type": "footnote", "role": "doc-footnote"}
        self.body.append(self.starttag(node, "aside", classes=[node.tagname, label_style], **attributes))

    def depart_footnote(self, node: nodes.Element) -> None:
        self.body.append("</aside>\n")
        if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
            self.body.append("</div>\n")


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, whose NCX names the book by its identifier as the package does."""

    def toc_metadata(self, level: int, navpoints: list) -> dict:
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = self.config.epub_identifier
        return metadata

    def build_content(self) -> None:
        """The package, with ``properties="svg"`` on the pages that hold inline SVG, as EPUB 3 requires."""
        super().build_content()
        package = self.outdir / "content.opf"
        text = package.read_text(encoding="utf-8")

        def declare(match: re.Match[str]) -> str:
            page = self.outdir / match.group(1)
            has_svg = page.suffix == ".xhtml" and page.is_file() and "<svg" in page.read_text(encoding="utf-8")
            return match.group(0)[:-2].rstrip() + ' properties="svg" />' if has_svg else match.group(0)

        package.write_text(re.sub(r'<item id="[^"]*" href="([^"]*)" media-type="application/xhtml\+xml" />', declare, text), encoding="utf-8")


def _number(node: nodes.Element) -> str:
    return f'<a class="edition-anchor" href="#{node["refid"]}">{node["anchor"]}</a> '


def visit_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(_number(node))
    raise nodes.SkipNode


def visit_block_paragraph_number(self, node: nodes.Element) -> None:
    self.body.append(f'<p class="edition-anchor-block">{_number(node)}</p>')
    raise nodes.SkipNode


def visit_span(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="edition-{node.tagname}">')


def depart_span(self, node: nodes.Element) -> None:
    self.body.append("</span>")


#: How the EPUB shows the edition's nodes.
EPUB_VISITORS = {
    mention: (visit_span, depart_span),
    emendation: (visit_span, depart_span),
    card: (skip, never_departed),
    note_works: (visit_span, depart_span),
    paragraph_number: (visit_paragraph_number, never_departed),
    block_paragraph_number: (visit_block_paragraph_number, never_departed),
}


def epub_handlers(app: Sphinx) -> None:
    """For the EPUB builder: the HTML handlers of every node, the edition's own replaced, and its style."""
    if app.builder.name != "epub":
        return
    # Only now: a translator registered for any builder makes pydata-sphinx-theme
    # wrap that one alone, and leave the HTML builder's without its own.
    app.set_translator("epub", EpubTranslator, override=True)
    handlers = app.registry.translation_handlers
    epub = handlers.setdefault("epub", {})
    for name, pair in handlers.get("html", {}).items():
        epub.setdefault(name, pair)
    for node, pair in EPUB_VISITORS.items():
        epub[node.__name__] = pair
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("edition-epub.css")


def setup_epub(app: Sphinx) -> None:
    app.add_builder(EditionEpubBuilder, override=True)
    app.connect("builder-inited", epub_handlers)
