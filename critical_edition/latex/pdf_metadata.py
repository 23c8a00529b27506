"""The PDF's metadata and title pages, from the edition's metadata record.

Two files are written beside the LaTeX sources: ``<name>.xmpdata``, which the
pdfx package turns into the info dictionary and the XMP packet of a PDF/A
file, and ``edition-metadata.def``, macros the title page and its verso use
(critical-edition.sty reads it). Nothing of the record is typed twice.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.texescape import escape as latex_escape

from ..citing.citations import cite_whole, permalink

#: Characters that must be escaped in pdfx's .xmpdata (its fields are read as LaTeX).
XMP_ESCAPES = str.maketrans({c: "\\" + c for c in "#%&_$"} | {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}"})


#: pdfx's separator between the items of a list field (authors, keywords).
SEP = r"\sep "


def person_names(people: list[dict[str, str]]) -> list[str]:
    """CSL names as a title page prints them: ``literal``, or given name then family name."""
    return [p.get("literal") or " ".join(filter(None, [p.get("given"), p.get("family")])) for p in people]


def print_title(metadata: dict[str, Any]) -> str:
    """The title of the printed edition: the book, then the chapter's own title."""
    return f"{metadata['container_title']}: {metadata['title']}"


def long_date(iso: str) -> str:
    """``2026-11-25`` as ``25 November 2026``; a year or a month alone as given."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return f"{day.day} {day:%B %Y}"
    if len(parts) == 2:
        return f"{datetime.date(parts[0], parts[1], 1):%B %Y}"
    return str(parts[0])


def xmpdata(metadata: dict[str, Any], base_url: str) -> str:
    """pdfx's metadata file: title, authors, subject, keywords, language, date, licence, address."""

    def field(name: str, value: str | list[str] | None) -> str:
        if not value:
            return ""
        values = [value] if isinstance(value, str) else value
        joined = SEP.join(v.translate(XMP_ESCAPES) for v in values)
        return f"\\{name}{{{joined}}}\n"

    return "".join(
        [
            field("Title", print_title(metadata)),
            field("Author", person_names(metadata["authors"])),
            field("Subject", metadata.get("description")),
            # One field, comma-separated: pdfx leaves a list (\sep) out of the info dictionary.
            field("Keywords", ", ".join(metadata.get("keywords", []))),
            field("Language", metadata.get("language", "en")),
            field("Date", metadata["issued"]),
            field("Publisher", metadata.get("publisher")),
            field("Copyright", metadata.get("rights")),
            field("CopyrightURL", metadata.get("licence_url")),
            field("URLlink", base_url or None),
        ]
    )


def _url(address: str) -> str:
    return r"\url{%s}" % address.replace("%", r"\%").replace("#", r"\#")


def macros(metadata: dict[str, Any], base_url: str, page: str) -> str:
    """``\\Edition...`` macros: the record's values, and the suggested citation as citeproc-py renders it."""
    address = permalink(base_url, page, "")[:-1]
    citation = cite_whole(metadata, base_url, page)
    if not base_url:  # an unpublished build: no address to print, rather than one relative to no site
        citation = re.sub(rf"\s*{re.escape(address)}\.?$", "", citation)
    before, _, after = citation.partition(address) if base_url else (citation, "", "")
    based_on = metadata.get("based_on") or {}
    values = {
        "Title": latex_escape(metadata["title"]),
        "ContainerTitle": latex_escape(metadata["container_title"]),
        "PrintTitle": latex_escape(print_title(metadata)),
        "Authors": latex_escape(" and ".join(person_names(metadata["authors"]))),
        "Editors": latex_escape(" and ".join(person_names(metadata.get("editors", [])))),
        "Version": latex_escape(metadata["version"]),
        "Date": latex_escape(long_date(metadata["issued"])),
        "Address": _url(base_url) if base_url else "",
        "Licence": _url(metadata["licence_url"]) if metadata.get("licence_url") else "",
        "LicenceStatement": latex_escape(metadata.get("rights", "")),
        "BasedOnTitle": latex_escape(based_on.get("title", "")),
        "BasedOnAddress": _url(based_on["url"]) if based_on.get("url") else "",
        "Citation": latex_escape(before) + (_url(address) + latex_escape(after) if _ else ""),
    }
    lines = ["% Written by the build from the edition's metadata record: edit that, not this."]
    lines += [r"\def\Edition%s{%s}" % item for item in values.items()]
    # XeTeX has no \pdfcreationdate; pdfx needs one for the XMP packet to match the info dictionary.
    # (pdfx reads the date with every character of category "other": hence \string before the letter.)
    lines.append(r"\ifdefined\pdfcreationdate\else\edef\pdfcreationdate{\string%s}\fi" % creation_date())
    return "\n".join(lines) + "\n"


def creation_date() -> str:
    """The build's time in PDF's date form, from SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.strftime(" D:%Y%m%d%H%M%S+00'00'")


def write_pdf_metadata(app: Sphinx, exception: Exception | None) -> None:
    """After a LaTeX build: the metadata files beside each document's .tex."""
    if exception is not None or app.builder.format != "latex" or not app.config.edition_metadata:
        return
    metadata, base_url = app.config.edition_metadata, app.config.html_baseurl
    documents = app.config.edition_text_documents or [app.config.root_doc]
    page = documents[0] + (app.config.html_file_suffix or ".html")
    outdir = Path(app.outdir)
    (outdir / "edition-metadata.def").write_text(macros(metadata, base_url, page), encoding="utf-8")
    for document in app.config.latex_documents:
        stem = Path(document[1]).stem
        (outdir / f"{stem}.xmpdata").write_text(xmpdata(metadata, base_url), encoding="utf-8")
