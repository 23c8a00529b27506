"""An incremental build equals a clean build, byte for byte, after every kind of edit.

The edition's own project is built once; each test starts from a copy of that
build (same path, so the pickled environment stays valid), edits one input,
builds again, and compares every file of the output with a clean build of the
edited project.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import COPY_TEXT, EDITION_OVERRIDES, PROJECT
from sphinx.testing.util import SphinxTestApp

#: A fixed build date: a clean build and a rebuild must not differ by when they ran.
EPOCH = "1764547200"
OVERRIDES = {
    "edition_anchor_manifest": "anchor-manifest.json",
    "edition_copy_text": str(COPY_TEXT),
    # the copy's conf.py stands in its source folder: what conf.py finds beside it, as the other builds of the edition find it
    "edition_search_library": EDITION_OVERRIDES["edition_search_library"],
    "html_favicon": EDITION_OVERRIDES["html_favicon"],
}
#: What Sphinx says when several applications share one process; nothing else may be said.
REGISTERED = re.compile(r"is already registered")


def build(srcdir: Path, builddir: Path, **kwargs) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, confoverrides=OVERRIDES, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    said = [line for line in app.warning.getvalue().splitlines() if not REGISTERED.search(line)]
    assert said == [], "\n".join(said)
    return app


def output(outdir: Path) -> dict[str, bytes]:
    """Every file of a build's output but ``.buildinfo`` (hashes of the configuration, and a copy of the old one)."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and not path.name.startswith(".buildinfo")
    }


def without_empty_terms(searchindex: bytes) -> bytes:
    """Sphinx's search index, less the words it keeps with no page after a page lost them.

    A rebuild keeps such a word as ``"word": []``, a clean build never lists
    it; nothing else may differ.
    """
    return re.sub(rb'"[^"]*":\[\],?', b"", searchindex).replace(b",}", b"}")


def assert_same_output(incremental: Path, clean: Path) -> None:
    got, expected = output(incremental), output(clean)
    if "searchindex.js" in got:
        got["searchindex.js"] = without_empty_terms(got["searchindex.js"])
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if got[name] != expected[name]]
    assert differing == []


#: Where every test builds: the pickled environment and the output hold this path.
WORK = "work/edition"


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """The edition copied and built once; its sources, data and output kept as they were."""
    base = tmp_path_factory.mktemp("incremental")
    work = base / WORK
    shutil.copytree(PROJECT / "source", work)
    shutil.copy(PROJECT / "conf.py", work / "conf.py")
    shutil.copytree(PROJECT / "footnotes", work / "footnotes")
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("SOURCE_DATE_EPOCH", EPOCH)
        environment.delenv("EDITION_BASEURL", raising=False)
        build(work, work / "_build")
    shutil.copytree(work, base / "kept")  # file times included: the rebuild sees only the edit
    return base


@pytest.fixture()
def edition(first_build, monkeypatch) -> Path:
    """The project of the first build, at its path, as it was when that build ended."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("EDITION_BASEURL", raising=False)
    work = first_build / WORK
    shutil.rmtree(work)
    shutil.copytree(first_build / "kept", work)
    return work


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuild_and_compare(srcdir: Path, tmp_path: Path) -> SphinxTestApp:
    """Build incrementally where the first build was, then afresh elsewhere; the outputs must agree."""
    incremental = build(srcdir, srcdir / "_build")
    clean = build(srcdir, tmp_path / "clean", freshenv=True)
    assert_same_output(incremental.outdir, clean.outdir)
    return incremental


EDITS = {
    "a note's text": ("footnotes/authorial.yaml", "Central Committee, Nos.24, 25.", "Central Committee, Nos. 24 and 25."),
    "a note's citations": (
        "footnotes/authorial.yaml",
        '    - work: "statistical-review-1927"\n',
        '    - work: "statistical-review-1927"\n    - work: "izvestia-tsk"\n',
    ),
    "a work's title": ("footnotes/bibliography.yaml", 'title: "Izvestia of the Central Committee"', 'title: "News of the Central Committee"'),
    "a person": ("footnotes/persons.yaml", "Dead since January 1924;", "Dead since 21 January 1924;"),
    "a term": ("footnotes/glossary.yaml", "The party's leading body between congresses", "The party's governing body between congresses"),
    "an editorial note": ("footnotes/editorial.yaml", "The four figures of the table", "The four numbers of the table"),
    "edition_metadata": ("conf.py", '"issued": "2026-11-25"', '"issued": "2026-11-26"'),
    "an anchor alias": ("conf.py", "# The chapter's neighbours", 'edition_anchor_aliases = {"7.1.99": "7.1.1"}\n\n# The chapter\'s neighbours'),
}


@pytest.mark.parametrize("kind", [kind for kind in EDITS if kind != "a work's title"])  # that one is below
def test_an_edit_gives_the_output_of_a_clean_build(kind, edition, tmp_path):
    path, old, new = EDITS[kind]
    edit(edition / path, old, new)
    rebuild_and_compare(edition, tmp_path)


def test_a_retitled_work_reaches_the_authors_notes(edition, tmp_path):
    edit(edition / EDITS["a work's title"][0], *EDITS["a work's title"][1:])
    app = rebuild_and_compare(edition, tmp_path)
    chapter = (app.outdir / "chapter.html").read_text(encoding="utf-8")
    assert "News of the Central Committee" in chapter
    assert "Izvestia of the Central Committee</span>" not in chapter


def test_a_new_base_address_reaches_the_how_to_cite_page(edition, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_BASEURL", "https://example.org/ch07/")
    app = rebuild_and_compare(edition, tmp_path)
    page = (app.outdir / "how-to-cite.html").read_text(encoding="utf-8")
    assert "https://example.org/ch07/chapter.html#p7.4.2" in page
    assert "edition.invalid" not in page


def test_a_parallel_rebuild_of_touched_files_equals_a_clean_build(edition, tmp_path):
    serial = edition / "_build" / "html"
    parallel = build(edition, tmp_path / "parallel", parallel=2, freshenv=True)
    assert_same_output(parallel.outdir, serial)
    for path in edition.glob("*.md"):
        path.touch()
    parallel = build(edition, tmp_path / "parallel", parallel=2)
    status = re.sub(r"\x1b\[[0-9;]*m", "", parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. ", status)  # read by two processes
    assert_same_output(parallel.outdir, serial)


def test_the_apparatus_is_reported_once_in_each_build(make_root):
    from test_bad_input import NOTES

    finding = "footnotes/authorial.yaml:1: WARNING: note 1 cites unknown work 'no-such-work' [edition.unknown_id]"
    app = make_root("basic", files={"footnotes/authorial.yaml": NOTES.replace('"a-work"', '"no-such-work"')})
    assert app.warning.getvalue().count(finding) == 1  # when the builder started
    app.build()
    assert app.warning.getvalue().count(finding) == 1
    app.build()
    assert app.warning.getvalue().count(finding) == 2
