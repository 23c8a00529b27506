"""Markup in the data is shown as text, never run; Cyrillic, combining marks and long notes reach HTML and PDF."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pdf import pdf_text_of

LONG = "A long note. " * 150 + "Its last words."
NOTES = f"""- number: 1
  text: "A note with <script>alert(1)</script> and <b>tags</b>, p.3."
  cites:
    - work: "a-work"

- number: 2
  text: "Уезд (уезд), Молот; e\u0301 and n\u0303 with combining marks. {LONG}"
"""


def test_markup_in_a_note_is_escaped(make_root):
    app = make_root("basic", files={"footnotes/authorial.yaml": NOTES})
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    soup = BeautifulSoup(html, "lxml")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    assert soup.find(id="authors-note-1").find("b") is None


def test_non_latin_text_and_long_notes_in_html(make_root):
    app = make_root("basic", files={"footnotes/authorial.yaml": NOTES})
    app.build()
    note = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "lxml").find(id="authors-note-2")
    assert "Уезд (уезд), Молот" in note.get_text() and "e\u0301" in note.get_text()
    assert "Its last words." in note.get_text()


@pytest.mark.pdf
def test_non_latin_text_and_long_notes_in_the_pdf(make_root):
    latex = make_root(
        "basic",
        "latex",
        files={"footnotes/authorial.yaml": NOTES},
        confoverrides={"latex_engine": "xelatex", "latex_elements": {"fontpkg": r"\setmainfont{Noto Serif}"}},
    )
    latex.build()
    text = " ".join(pdf_text_of(latex.outdir).split())
    assert "Уезд (уезд), Молот" in text
    assert "Its last words." in text
    assert "<script>" in text  # shown as text, as written
