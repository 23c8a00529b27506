"""Incremental and parallel builds: an edited note rebuilds its pages; parallel reading loses nothing."""

from __future__ import annotations

import gc
import re

from sphinx.util.inventory import InventoryFile
from test_bad_input import NOTES, TEXT

DOCS = 7
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text: str) -> str:
    """Sphinx's status output without its colours."""
    return ANSI.sub("", text)


def many_documents() -> dict[str, str]:
    """Enough documents for Sphinx to read in parallel, each with anchors and its own note."""
    files = {"index.md": TEXT + "\n```{toctree}\n" + "\n".join(f"doc{i}" for i in range(DOCS)) + "\n```\n"}
    notes = NOTES
    for i in range(DOCS):
        number = 3 + i
        files[f"doc{i}.md"] = (
            f"# Document {i}\n\n{{id=\"{i + 2}.0.1\"}}\nParagraph {i}.{{authors-note}}`{number}`\n\n"
            f"{{id=\"{i + 2}.0.2\"}}\nAnother paragraph of document {i}.\n"
        )
        notes += f'\n- number: {number}\n  text: "Note {number}."\n'
    files["footnotes/authorial.yaml"] = notes
    return files


def test_editing_a_note_rebuilds_the_page_that_marks_it(make_root):
    app = make_root("basic", files=many_documents())
    app.build()
    app.status.truncate(0)
    app.status.seek(0)
    app.build()
    assert "0 added, 0 changed, 0 removed" in plain(app.status.getvalue())
    assert re.findall(r"reading sources\.\.\. \[", plain(app.status.getvalue())) == []
    notes_file = app.srcdir / "footnotes" / "authorial.yaml"
    notes_file.write_text(notes_file.read_text(encoding="utf-8").replace("Note 5.", "Note five."), encoding="utf-8")
    app.status.truncate(0)
    app.status.seek(0)
    app.build()
    reread = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", plain(app.status.getvalue()))
    assert reread == ["doc2"]
    assert "Note five." in (app.outdir / "doc2.html").read_text(encoding="utf-8")
    assert app.warning.getvalue() == ""


def test_parallel_build_gives_the_serial_output(make_root, tmp_path):
    serial = make_root("basic", files=many_documents())
    serial.build()
    serial_pages = {p.name: p.read_text(encoding="utf-8") for p in serial.outdir.glob("*.html")}
    serial_inventory = InventoryFile.loads((serial.outdir / "objects.inv").read_bytes(), uri="").data
    serial.cleanup()

    parallel = make_root("basic", files=many_documents(), parallel=2, freshenv=True)
    parallel.build()
    assert parallel.warning.getvalue() == ""
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] doc0 \.\. ", plain(parallel.status.getvalue()))
    parallel_pages = {p.name: p.read_text(encoding="utf-8") for p in parallel.outdir.glob("*.html")}
    parallel_inventory = InventoryFile.loads((parallel.outdir / "objects.inv").read_bytes(), uri="").data
    assert parallel_inventory["edition:paragraph"].keys() == serial_inventory["edition:paragraph"].keys()
    assert len(parallel_inventory["edition:paragraph"]) == 3 + 2 * DOCS
    assert parallel_pages.keys() == serial_pages.keys()
    for name, page in serial_pages.items():
        assert parallel_pages[name] == page, name


def test_sidenotes_are_those_of_the_book_theme_and_other_themes_keep_footnotes(make_root):
    from bs4 import BeautifulSoup

    book = make_root("basic")
    book.build()
    page = BeautifulSoup((book.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select("span.sidenote") and not page.select("aside.footnote")
    plain = make_root("basic", confoverrides={"html_theme": "alabaster", "html_theme_options": {}})
    plain.build()
    # A second application in one process re-registers Sphinx's nodes; nothing else may be said.
    said = [line for line in plain.warning.getvalue().splitlines() if "is already registered" not in line]
    assert said == []
    page = BeautifulSoup((plain.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select("aside.footnote") and not page.select("span.sidenote")


def test_objects_loaded_before_a_build_are_spared_by_the_collector_until_it_ends(make_root):
    app = make_root("basic")
    frozen_while_reading = []
    app.connect("doctree-read", lambda app, doctree: frozen_while_reading.append(gc.get_freeze_count()))
    app.build()
    assert frozen_while_reading and min(frozen_while_reading) > 10_000  # the modules and the configuration
    assert gc.get_freeze_count() == 0  # handed back: a later collection frees what the build left
