"""The export files of one build: made once, in memory, listed by the Download page, then written."""

from __future__ import annotations

import hashlib
import pickle
import posixpath
import weakref
from pathlib import Path
from typing import NamedTuple

from sphinx.application import Sphinx

from ..diagnostics import Problem, warn
from ..text.domain import edition_domain
from .annotations import annotation_collection
from .corpus import corpus_csv, corpus_json, reading_text
from .model import text_units
from .settings import ExportSettings, conf_location, export_settings
from .tei import tei_document
from .works import works_bibtex, works_csl_json


class Export(NamedTuple):
    """One file of the data."""

    #: Name of the file in the data folder.
    name: str
    #: What the Download page calls its format.
    format: str
    #: What it holds.
    description: str
    licence: str
    content: bytes


#: The settings and the exports of each application's current build.
_settings: weakref.WeakKeyDictionary[Sphinx, ExportSettings] = weakref.WeakKeyDictionary()
_made: weakref.WeakKeyDictionary[Sphinx, list[Export]] = weakref.WeakKeyDictionary()


def settings_for(app: Sphinx) -> ExportSettings:
    """The build's settings, gathered (and their problems reported) once."""
    if app not in _settings:
        _settings[app] = export_settings(app)
    return _settings[app]


def exports_for(app: Sphinx) -> list[Export]:
    """The build's exports, made the first time they are asked for."""
    if app not in _made:
        _made[app] = make_exports(app, settings_for(app))
    return _made[app]


def forget_exports(app: Sphinx, *args) -> None:
    """A new build makes its exports afresh."""
    _made.pop(app, None)
    _settings.pop(app, None)


def make_exports(app: Sphinx, settings: ExportSettings) -> list[Export]:
    """Nothing without a metadata record: the exports could not say what edition they are."""
    if not settings.metadata:
        return []
    apparatus = edition_domain(app.env).apparatus
    if settings.copy_text_work and settings.copy_text_work not in apparatus.bibliography:
        warn(Problem.export, f"edition_exports names the copy-text's work {settings.copy_text_work!r}, "
             "which the bibliography does not hold", conf_location(app, "edition_exports"))
    units = text_units(app.env)
    base, licence = settings.basename, settings.licence
    with_text = f"{licence} (the editorial matter); the reading text: {settings.text_licence}" if settings.text_licence else licence
    page = units[0].docname if units else "index"
    # The page's address in the HTML site, whichever builder is at work.
    html_builder = app.builder.name in ("html", "dirhtml")
    page_uri = app.builder.get_target_uri(page) if html_builder else page + (app.config.html_file_suffix or ".html")
    if settings.base_url:
        page_url = settings.base_url.rstrip("/") + "/" + page_uri
        annotations_url = f"{settings.base_url.rstrip('/')}/{settings.dir}/{base}.annotations.jsonld"
    else:  # no published address yet: IRIs relative to the annotations' own file
        page_url = posixpath.relpath(page_uri, settings.dir)
        annotations_url = f"{base}.annotations.jsonld"
    exports = [
        Export(f"{base}.tei.xml", "TEI P5 XML", "The reading text with its whole apparatus", with_text,
               tei_document(settings, apparatus, units)),
        Export(f"{base}.annotations.jsonld", "W3C Web Annotations (JSON-LD)",
               "Every editorial note, textual note, person and term, anchored in the text", with_text,
               annotation_collection(settings, apparatus, units, page_url, annotations_url)),
        Export(f"{base}.json", "JSON", "The paragraphs (anchor, section, text, notes) and every record", with_text,
               corpus_json(settings, apparatus, units)),
        Export(f"{base}.csv", "CSV", "The paragraphs: anchor, section, kind, text, notes", with_text,
               corpus_csv(units)),
        Export(f"{base}.txt", "Plain text (UTF-8)", "The reading text", settings.text_licence or licence,
               reading_text(units)),
        Export(f"{base}.works.csl.json", "CSL-JSON", "The works cited, for reference managers", licence,
               works_csl_json(apparatus)),
        Export(f"{base}.works.bib", "BibTeX", "The works cited, for reference managers", licence,
               works_bibtex(apparatus)),
    ]
    for path, label, file_licence in settings.site_files:
        if path.is_file():
            exports.append(Export(path.name, label, f"The whole edition as {label}", file_licence, b""))
    return exports


def file_size(app: Sphinx, export: Export) -> int:
    """The size of an export: of its content, or of the built file ``make site`` copies in."""
    if export.content:
        return len(export.content)
    for path, _, _ in settings_for(app).site_files:
        if path.name == export.name and path.is_file():
            return path.stat().st_size
    return 0


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """Into the HTML site: every export, and the files of ``make site`` beside them."""
    if exception is not None or app.builder.name not in ("html", "dirhtml") or not app.config.edition_metadata:
        forget_exports(app)
        return
    settings = settings_for(app)
    folder = Path(app.outdir) / settings.dir
    stamp_file = Path(app.doctreedir) / "edition-exports.stamp"
    stamp = _stamp(app, settings)
    if app not in _made and stamp_file.is_file():
        written = stamp_file.read_text(encoding="utf-8").split("\n")
        if written[0] == stamp and all((folder / name).is_file() for name in written[1:]):
            forget_exports(app)
            return  # nothing the exports are made from has changed since they were written
    folder.mkdir(parents=True, exist_ok=True)
    sources = {path.name: path for path, _, _ in settings.site_files}
    for export in exports_for(app):
        target = folder / export.name
        content = export.content or sources[export.name].read_bytes()
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)
    stamp_file.write_text("\n".join([stamp, *(export.name for export in exports_for(app))]), encoding="utf-8")
    forget_exports(app)


def _stamp(app: Sphinx, settings: ExportSettings) -> str:
    """A hash of everything the exports are made from: the text as read, the data, the settings, the files added."""
    files = [(str(path), path.stat().st_mtime_ns if path.is_file() else -1) for path, _, _ in settings.site_files]
    code = sorted((p.name, p.stat().st_mtime_ns) for p in Path(__file__).parent.glob("*.py"))
    made_from = (text_units(app.env), edition_domain(app.env).data["apparatus"][0], settings._replace(site_files=[]), files, code)
    return hashlib.sha256(pickle.dumps(made_from)).hexdigest()
