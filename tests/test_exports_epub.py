"""The EPUB: epubcheck finds no error and no warning; notes, numbers, registers and metadata are there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import IN_CI, build_edition


@pytest.fixture(scope="module")
def epub(tmp_path_factory):
    app = build_edition(tmp_path_factory.mktemp("epub"), "epub")
    assert app.warning.getvalue() == ""
    return app.outdir / "platform-1927-ch07-the-party.epub"


def _epubcheck() -> list[str]:
    found = shutil.which("epubcheck")
    if found is None:
        if IN_CI:
            pytest.fail("CI must have Debian's epubcheck")
        pytest.skip("needs Debian's epubcheck")
    real = os.path.realpath(found)
    return ["java", "-jar", real] if real.endswith(".jar") else [found]


def test_epubcheck_reports_no_error_and_no_warning(epub):
    result = subprocess.run([*_epubcheck(), str(epub)], capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in output, output[-3000:]
    assert result.returncode == 0


def test_the_notes_are_epub_footnotes_and_the_numbers_stay(epub):
    with zipfile.ZipFile(epub) as book:
        chapter = book.read("chapter.xhtml").decode("utf-8")
        names = set(book.namelist())
        package = book.read("content.opf").decode("utf-8")
    notes = re.findall(r'<aside [^>]*epub:type="footnote"[^>]*id="authors-note-(\d+)"', chapter)
    assert notes == [str(n) for n in range(1, 16)]
    refs = re.findall(r'<a [^>]*epub:type="noteref"[^>]*href="#authors-note-(\d+)"', chapter)
    assert refs == [str(n) for n in range(1, 16)]
    assert '<a class="edition-anchor" href="#p7.4.2">7.4.2</a>' in chapter
    assert "edition-cite" not in chapter and "<dialog" not in chapter and "<script" not in chapter
    assert {"persons.xhtml", "glossary.xhtml", "works-cited.xhtml", "editorial-notes.xhtml", "textual-notes.xhtml"} <= names
    for element in ("dc:identifier", "dc:description", "dc:publisher", "dc:contributor", "dc:language"):
        value = re.search(rf"<{element}[^>]*>([^<]+)</{element}>", package)
        assert value and value.group(1).strip() not in ("", "unknown"), element
