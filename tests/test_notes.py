"""The authors' 15 notes: in the margin online, linked both ways; at the foot of the page in print."""

from __future__ import annotations

import copy
import re

import yaml
from conftest import COPY_TEXT, PROJECT
from reading_text import copy_text_parts, notes_as_edited, textual_changes

NOTES = yaml.safe_load((PROJECT / "footnotes" / "authorial.yaml").read_text(encoding="utf-8"))


def test_yaml_holds_the_15_notes_exactly_as_the_copy_text():
    _, copy_notes = copy_text_parts(COPY_TEXT)
    assert {note["number"]: note["text"] for note in NOTES} == copy_notes
    assert len(copy_notes) == 15


def test_idem_points_to_the_work_of_note_2():
    by_number = {note["number"]: note for note in NOTES}
    assert by_number[3]["cites"] == [{"same_as_note": 2}]
    assert by_number[2]["cites"][0]["work"] == "izvestia-tsk"


def test_every_note_is_a_sidenote_linked_both_ways(chapter_soup):
    edited = notes_as_edited({n["number"]: n["text"] for n in NOTES}, textual_changes(PROJECT / "footnotes", in_notes=True))
    for note in NOTES:
        number = note["number"]
        marker = chapter_soup.find(id=f"authors-note-ref-{number}")
        sidenote = chapter_soup.find(id=f"authors-note-{number}")
        assert marker is not None and sidenote is not None, number
        assert marker.find("a", href=f"#authors-note-{number}").get_text() == str(number)
        assert "sidenote" in sidenote["class"]
        assert sidenote.find("a", class_="edition-backref")["href"] == f"#authors-note-ref-{number}"
        sidenote = copy.copy(sidenote)  # the page is shared by the session's tests: edit a copy
        for added in sidenote.select(".edition-card, .edition-note-works"):
            added.decompose()
        shown = sidenote.get_text().strip().removeprefix(str(number)).removesuffix("\u21a9").strip()
        assert shown == edited[number]


def test_notes_link_to_the_works_they_cite(chapter_soup):
    note = chapter_soup.find(id="authors-note-15")
    links = [a["href"] for a in note.select(".edition-note-works a")]
    assert links == [
        "works-cited.html#work-lenin-better-fewer",
        "works-cited.html#work-lenin-reorganise-rki",
        "works-cited.html#work-lenin-on-cooperation",
    ]
    idem = chapter_soup.find(id="authors-note-3")
    assert idem.select_one(".edition-note-works a")["href"] == "works-cited.html#work-izvestia-tsk"


def test_markers_stand_where_the_authors_put_them(chapter_soup):
    marker = chapter_soup.find(id="authors-note-ref-7")
    assert marker.find_parent("blockquote")["id"] == "p7.4.2"
    marker = chapter_soup.find(id="authors-note-ref-15")
    assert marker.find_parent("p")["id"] == "p7.P9.5"


def test_notes_are_footnotes_in_the_latex_source(edition_latex):
    tex = (edition_latex.outdir / "platform-1927-ch07-the-party.tex").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"\\begin\{footnote\}\[(\d+)\]", tex)]
    assert numbers == list(range(1, 16))
    assert r"\edanchor{7.4.2}" in tex
    assert r"\edblockanchor{7.1.2}" in tex
    assert edition_latex.warning.getvalue() == ""


def test_the_copy_of_the_book_themes_footnote_transform_follows_the_installed_theme():
    """html/sidenotes.py copies the theme's private transform: a new theme must be read again before it is trusted."""
    import hashlib
    import inspect
    from importlib.metadata import version

    from sphinx_book_theme._transforms import HandleFootnoteTransform

    from critical_edition.html.sidenotes import FOLLOWS_SOURCE_SHA256, FOLLOWS_THEME

    name, followed = FOLLOWS_THEME
    assert version(name) == followed
    source = inspect.getsource(HandleFootnoteTransform).encode("utf-8")
    assert hashlib.sha256(source).hexdigest() == FOLLOWS_SOURCE_SHA256
