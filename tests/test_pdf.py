"""The printed edition: XeLaTeX through latexmk gives a PDF with the whole chapter, its notes and anchors."""

from __future__ import annotations

import re
import string
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import COPY_TEXT, PROJECT
from pdf import make_pdf, missing_pdf_tools, pdf_info, pdf_text_of
from reading_text import copy_text_parts, notes_as_edited, textual_changes


def edited_copy_text() -> tuple[str, dict[int, str]]:
    """The copy-text's body and notes with the recorded changes applied."""
    body, notes = copy_text_parts(COPY_TEXT)
    for change in textual_changes(PROJECT / "footnotes"):
        body = body.replace(change["copy_text"], change["adopted"])
    return body, notes_as_edited(notes, textual_changes(PROJECT / "footnotes", in_notes=True))

pytestmark = pytest.mark.pdf
missing = missing_pdf_tools()

ANCHOR = re.compile(r"7\.(?:0|[1-9][0-9]*|P[0-9])\.[1-9][0-9]*")


def squash(text: str) -> str:
    """Letters and digits only, lower case: line breaks, hyphenation and spacing set aside."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


@pytest.fixture(scope="module")
def pdf_text(edition_latex):
    assert not missing, f"CI must have {missing}"
    return pdf_text_of(edition_latex.outdir, "-layout")


def chapter_pages(pdf_text: str) -> str:
    """The chapter's pages: from its first words to the back matter."""
    start = pdf_text.index("NO party in the history")
    return pdf_text[start : pdf_text.index("Editorial notes", start)]


def test_pdf_holds_every_margin_anchor(pdf_text):
    manifest = yaml.safe_load((PROJECT / "source" / "anchor-manifest.json").read_text(encoding="utf-8"))["anchors"]
    found = ANCHOR.findall(chapter_pages(pdf_text))
    assert sorted(set(found)) == sorted(manifest)
    assert len(found) == len(manifest)


def test_pdf_holds_the_15_notes(pdf_text):
    flat = squash(chapter_pages(pdf_text))
    _, notes = edited_copy_text()
    for number, text in notes.items():
        assert squash(text) in flat, number


RUNNING_HEAD = re.compile(r"(\d+\s+Platform of the Joint Opposition|The Party\s+\d+)")


def _chart_starts() -> set[str]:
    records = yaml.safe_load((PROJECT / "footnotes" / "figures.yaml").read_text(encoding="utf-8")) or []
    return {record["groups"][0].get("short", record["groups"][0]["label"]) for record in records}


def without_charts(lines: list[str]) -> list[str]:
    """A page's lines less a chart's (a float at the top or foot of a page, not the running text)."""
    kept, inside, starts = [], False, _chart_starts()
    for line in lines:
        inside = inside or line in starts
        if not inside:
            kept.append(line)
        elif line.endswith("share of the total."):
            inside = False
    return kept


def text_stream(pdf_text: str, notes: dict[int, str]) -> str:
    """The squashed running text: margin anchors, page numbers, running heads and footnotes left out."""
    kept = []
    for page in pdf_text.split("\f"):
        lines = [ANCHOR.sub("", line).strip() for line in page.splitlines()]
        lines = [line for line in lines if line]
        if lines and RUNNING_HEAD.fullmatch(lines[0]):
            lines = lines[1:]
        if lines and re.fullmatch(r"[0-9]+|[ivxlc]+", lines[-1]):
            lines = lines[:-1]
        kept.extend(without_charts(lines))
    flat = squash("\n".join(kept))
    for number, text in notes.items():  # footnotes interrupt the text where a page breaks
        flat = flat.replace(squash(f"{number} {text}"), "", 1)
    return flat


def with_editorial_letters(body: str) -> str:
    """The body as printed: each editors' note's letter after its phrase (each phrase is unique)."""
    records = yaml.safe_load((PROJECT / "footnotes" / "editorial.yaml").read_text(encoding="utf-8")) or []
    assert len(records) <= len(string.ascii_lowercase)  # one letter each, in the order of the file
    for letter, record in zip(string.ascii_lowercase, records):
        phrase = record["target"]["phrase"]
        assert body.count(phrase) == 1, phrase
        body = body.replace(phrase, phrase + letter)
    return body


def test_pdf_holds_the_whole_chapter_in_order(pdf_text):
    body, notes = edited_copy_text()
    body = with_editorial_letters(body)
    flat = text_stream(chapter_pages(pdf_text), notes)
    expected = squash(re.sub(r"\[(\d+)\]", r"\1", body))
    start = flat.find(expected[:60])
    assert start != -1
    assert flat[start : start + len(expected)] == expected


def test_two_pdf_builds_with_source_date_epoch_are_byte_identical(tmp_path, monkeypatch, pdf_text):
    from conftest import build_edition

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25, midnight UTC
    pdfs = [make_pdf(build_edition(tmp_path / name, "latex").outdir) for name in ("one", "two")]
    assert pdf_info(pdfs[0])["CreationDate"] == "2025-11-25T00:00:00Z"
    assert pdfs[0].read_bytes() == pdfs[1].read_bytes()


def test_pdf_prints_the_glossary_and_indexes_persons_and_terms(pdf_text, edition_latex):
    pdf = next(edition_latex.outdir.glob("*.pdf"))  # built by pdf_text; read here in reading order
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    start = re.compile(r"^\f?Glossary$", re.MULTILINE).search(text, text.index("NO party in the history")).end()
    glossary = text[start : re.compile(r"^\f?Persons$", re.MULTILINE).search(text, start).start()]
    for term in ("Uyezd", "NEP", "ex-ers", "Lenin enrolment", "Central Control Committee"):
        assert term in glossary, term
    index = text[text.rindex("Index of persons and terms") :]
    assert re.search(r"Uyezd, \d+", index) and re.search(r"Rykov, Alexei Ivanovich, \d+", index)
    entries = re.findall(r"^(\S.*?), ((?:\d+(?:–\d+)?(?:, )?)+)$", index, flags=re.MULTILINE)
    assert len({name for name, _ in entries}) == len(entries) > 40  # one line per person or term
    for name, pages in entries:
        numbers = [int(n) for n in re.findall(r"\d+", pages)]
        assert numbers == sorted(numbers), (name, pages)


def test_pdf_draws_the_membership_chart_as_vectors(pdf_text, edition_latex):
    chapter = chapter_pages(pdf_text)
    for figure in ("430,000 (35.5 %)", "15,700 (1.3 %)", "303,000 (25.0 %)", "462,000 (38.2 %)", "the text: 31 %"):
        assert figure in chapter
    pdf = next(Path(edition_latex.outdir).glob("*.pdf"))
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2  # the header alone: no raster image, the chart is drawn
