"""Works Cited as the CSL processor renders it: citeproc-py, Chicago's bibliography style.

The bibliography's records are CSL-JSON already; what the editors add about a
work (``note``: which note cites it, what it was used for; ``copy_of``: what a
web page copies) is no part of the reference and follows the entry as an annotation. Each entry is rendered once
and kept beside the doctrees: the style is large, and citeproc-py takes a
hundredth of a second an entry even with its look-ups kept (``style_lookups``).
"""

from __future__ import annotations

import json
import re
import warnings
from functools import cache
from html.parser import HTMLParser
from typing import Any

from docutils import nodes

from ..build_cache import cached_bytes
from ..data.records import BibliographyEntry
from .style_lookups import lookups_kept

#: The style of every entry, the same as the Chicago forms of the Cite dialog.
STYLE = "chicago-notes-bibliography-17th-edition"
#: Part of the cache key of rendered entries: raised whenever the rendering changes.
RENDERING_VERSION = "2"
#: Fields of a record that are the editors', not the work's: never given to the processor.
EDITORS_FIELDS = frozenset({"note", "kind", "copy_of"})
DATE_FIELDS = ("issued", "accessed")


def csl_item(record: dict[str, Any]) -> dict[str, Any]:
    """The record as CSL-JSON: dates as date-parts, the editors' fields left out."""
    item = {key: value for key, value in record.items() if key not in EDITORS_FIELDS}
    for field in DATE_FIELDS:
        if isinstance(item.get(field), str):
            iso = item[field].removeprefix("c. ")
            item[field] = {"date-parts": [[int(part) for part in iso.split("-")]]}
            if iso != record[field]:
                item[field]["circa"] = True
    return item


#: The name variables for which Chicago substitutes the title when a work has none.
NAME_FIELDS = ("author", "editor", "translator", "collection-editor")


def corrected(html: str, item: dict[str, Any]) -> str:
    """citeproc-py 0.11's output, less two gaps of its CSL support that this style meets.

    A title substituted for a missing author is not suppressed after (CSL 1.0.2,
    cs:substitute), so it comes twice; and a label of an absent edition is printed
    ("Edition."), where CSL prints a label only with its variable.
    """
    if not any(item.get(field) for field in NAME_FIELDS):
        html = re.sub(r"^(.+?)\. \1\. ", r"\1. ", html)
    if not item.get("edition"):
        html = re.sub(r"(?<=\. )Edition\.(?: |$)", "", html).rstrip()
    return html


@cache
def _render(item_json: str) -> str:
    """One entry in the style, as citeproc-py's HTML formatter gives it (once a process: builds repeat)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    from .citations import _style

    item = json.loads(item_json)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it does not know
        bibliography = CitationStylesBibliography(_style(STYLE), CiteProcJSON([item]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return corrected(str(bibliography.bibliography()[0]), item)


def rendered_entry(record: dict[str, Any], cache_dir: str | None = None) -> str:
    """The entry of one record, in citeproc-py's HTML (kept between builds with ``cache_dir``)."""
    item_json = json.dumps(csl_item(record), sort_keys=True, ensure_ascii=False)
    if cache_dir is None:
        return _render(item_json)
    key = json.dumps([STYLE, item_json, RENDERING_VERSION]).encode()
    return cached_bytes(cache_dir, "works-cited", key, lambda: _render(item_json).encode()).decode()


#: The inline markup of citeproc-py's HTML formatter, as docutils nodes.
TAGS = {"i": nodes.emphasis, "b": nodes.strong, "sup": nodes.superscript, "sub": nodes.subscript}


class _EntryParser(HTMLParser):
    """citeproc-py's HTML (a handful of inline tags) into docutils nodes; the address as a link."""

    def __init__(self, url: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.stack: list[nodes.Element] = [nodes.inline()]

    def handle_starttag(self, tag: str, attrs) -> None:
        element = TAGS.get(tag, nodes.inline)()
        self.stack[-1] += element
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        parts = data.split(self.url) if self.url else [data]
        for index, part in enumerate(parts):
            if index:
                self.stack[-1] += nodes.reference(self.url, self.url, refuri=self.url)
            if part:
                self.stack[-1] += nodes.Text(part)


def entry_nodes(html: str, url: str | None) -> list[nodes.Node]:
    """The nodes of a rendered entry."""
    parser = _EntryParser(url)
    parser.feed(html)
    parser.close()
    return list(parser.stack[0].children)


def sort_key(html: str) -> str:
    """Alphabetical by the entry's first words, as a bibliography is: markup and quotation marks aside."""
    return re.sub(r"<[^>]+>|[“”‘’\"']", "", html).casefold()


#: A clause of the editors' note that already says which of the authors' notes cite the work.
NAMES_THE_NOTES = re.compile(r"\bauthors['’] notes?\b")


def annotation(note: str | None, citing: list[int], copy_of: str | None = None) -> str:
    """What the editors add about a work, said once: what a web page copies, the citing notes unless their note names them."""
    parts = [f"A copy of {copy_of}."] if copy_of and not copy_of.startswith("none") else []
    if citing and not (note and NAMES_THE_NOTES.search(note)):
        parts.append("Cited in the authors' note" + ("s " if len(citing) > 1 else " ") + ", ".join(map(str, citing)) + ".")
    if note:
        parts.append(note)
    return " ".join(parts)


def works_cited_nodes(works: list[BibliographyEntry], citing: dict[str, list[int]], cache_dir: str | None = None) -> list[nodes.Node]:
    """Every work, an entry with a hanging indent, then its annotation."""
    with lookups_kept():
        rendered = sorted(((rendered_entry(work.csl, cache_dir), work) for work in works), key=lambda pair: sort_key(pair[0]))
    container = nodes.container(classes=["edition-register", "edition-works"])
    for html, work in rendered:
        paragraph = nodes.paragraph("", "", *entry_nodes(html, work.csl.get("URL")), ids=[f"work-{work.id}"], classes=["edition-work"])
        note = annotation(work.csl.get("note"), citing.get(work.id, []), work.csl.get("copy_of"))
        if note:
            paragraph += nodes.Text(" ")
            paragraph += nodes.inline(note, note, classes=["edition-work-annotation"])
        container += paragraph
    return [container]
