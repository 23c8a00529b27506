"""The benchmark's plain projects hold the words they stand for, and nothing of the edition."""

from __future__ import annotations

import sys

from conftest import COPY_TEXT, PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
from plain_project import plain_markdown, plain_page_markdown


def test_plain_chapter_has_every_note_as_a_footnote():
    markdown = plain_markdown(COPY_TEXT.read_text(encoding="utf-8"))
    for number in range(1, 16):
        assert f"[^{number}]: " in markdown
        assert f"[^{number}]" in markdown.split(f"[^{number}]: ")[0]
    assert "Chapter VI" not in markdown  # the copy-text's navigation stays out


def test_a_text_page_becomes_headings_and_paragraphs_with_every_word():
    page = (
        "Persons\n*******\n\nEveryone the chapter names.\n\nBukharin\n========\n\n"
        "   Editor of Pravda.\n\n+----+----+\n| Workers | 430,000 |\n+----+----+\n"
    )
    markdown = plain_page_markdown(page)
    assert markdown.splitlines()[0] == "# Persons"
    assert "## Bukharin" in markdown.splitlines()
    assert "Editor of Pravda." in markdown.splitlines()  # no indented code block
    assert "+----" not in markdown and "Workers 430,000" in markdown
    kept = set(markdown.replace("#", " ").split())
    assert {"Everyone", "chapter", "names.", "Editor", "Pravda.", "Workers", "430,000"} <= kept
