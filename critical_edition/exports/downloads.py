"""The Download page: ``{downloads}`` lists every export with its format, size and licence.

The list is filled in when the page is written, from the exports the build has
made, so that the sizes are those of the files written beside it. Its links are
relative, and work from ``file://``; in an EPUB or in print, which carry no
data, they lead to the published site.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..data.apparatus import KINDS, kind_key
from ..text.domain import EditionDomain
from .files import exports_for, file_size, settings_for


class downloads_list(nodes.General, nodes.Element):
    """Placeholder for the table of exports, filled in when the page is written."""


class DownloadsDirective(SphinxDirective):
    """``{downloads}``: the table of the edition's files."""

    def run(self) -> list[nodes.Node]:
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        digests = domain.apparatus.digests
        for kind in KINDS:
            domain.note_record_use(self.env.docname, kind_key(kind), digests.get(kind_key(kind)))
        self.env.edition_downloads_page = self.env.docname  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own
        return [downloads_list()]


def human_size(size: int) -> str:
    return f"{size:,} bytes" if size < 10_000 else f"{size / 1024:,.0f} KB" if size < 10_000_000 else f"{size / 1048576:,.1f} MB"


def fill_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(downloads_list))
    if not placeholders:
        return
    settings = settings_for(app)
    site = app.builder.name in ("html", "dirhtml")
    page_dir = posixpath.dirname(app.builder.get_target_uri(docname)) if site else ""
    rows = []
    for export in exports_for(app):
        path = f"{settings.dir}/{export.name}"
        if site:
            link: nodes.Node = nodes.reference(export.name, export.name, refuri=posixpath.relpath(path, page_dir or "."))
        elif settings.base_url:  # an EPUB or a PDF carries no data: the published site's
            link = nodes.reference(export.name, export.name, refuri=f"{settings.base_url.rstrip('/')}/{path}")
        else:
            link = nodes.literal(export.name, export.name)
        rows.append((link, export, human_size(file_size(app, export))))
    result = _table(rows) if site else _list(rows)
    for placeholder in placeholders:
        placeholder.replace_self(result.deepcopy())


def _table(rows) -> nodes.table:
    """On the site: file, format, size, licence."""
    table = nodes.table(classes=["edition-downloads"])
    group = nodes.tgroup(cols=4)
    table += group
    group.extend(nodes.colspec(colwidth=width) for width in (3, 3, 1, 2))
    head = nodes.thead()
    group += head
    head += _row(nodes.Text(label) for label in ("File", "Format", "Size", "Licence"))
    body = nodes.tbody()
    group += body
    for link, export, size in rows:
        body += _row(
            [
                nodes.paragraph("", "", link, nodes.Text(f": {export.description}")),
                nodes.Text(export.format),
                nodes.Text(size),
                nodes.Text(export.licence),
            ]
        )
    return table


def _list(rows) -> nodes.bullet_list:
    """In a book or in print, where a table of long names would not fit the page: one item a file."""
    listing = nodes.bullet_list(classes=["edition-downloads"])
    for link, export, size in rows:
        text = f": {export.description}; {export.format}, {size}; licence: {export.licence}."
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(text)))
    return listing


def _row(cells) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.paragraph) else nodes.paragraph("", "", cell)
        row += entry
    return row


def downloads_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """When a page of the text changes, or a file ``make site`` adds, so does the Download page's list."""
    page = getattr(env, "edition_downloads_page", None)
    texts = set(app.config.edition_text_documents)
    stamp = [(str(path), path.stat().st_size if path.is_file() else -1) for path, _, _ in settings_paths(app)]
    old_stamp, env.edition_downloads_stamp = getattr(env, "edition_downloads_stamp", None), stamp  # type: ignore[attr-defined]  # kept on the environment, as sphinx.ext.todo keeps its own
    if page and page in env.all_docs and page not in removed and (texts & (added | changed) or old_stamp != stamp):
        return [page]
    return []


def settings_paths(app: Sphinx) -> list[tuple[Path, str, str]]:
    """The files ``make site`` adds, as ``edition_exports`` names them."""
    return [(Path(app.confdir, path), label, licence) for path, label, licence in app.config.edition_exports.get("site_files", [])]


def setup_downloads(app: Sphinx) -> None:
    app.add_node(downloads_list)
    app.add_directive("downloads", DownloadsDirective)
    app.connect("doctree-resolved", fill_downloads)
    app.connect("env-get-outdated", downloads_outdated)
