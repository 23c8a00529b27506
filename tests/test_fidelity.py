"""The reading text equals the copy-text, word for word, except where a textual note says."""

from __future__ import annotations

import difflib

from conftest import COPY_TEXT, PROJECT
from reading_text import copy_text_parts, expected_tokens, reading_tokens, textual_changes


def test_reading_text_equals_copy_text_but_for_recorded_changes(chapter_soup):
    body, _ = copy_text_parts(COPY_TEXT)
    expected = ["The", "Party", *expected_tokens(body, textual_changes(PROJECT / "footnotes"))]
    actual = reading_tokens(chapter_soup)
    diff = list(difflib.unified_diff(expected, actual, "copy-text", "edition", n=2, lineterm=""))
    assert actual == expected, "\n".join(diff[:60])


def test_the_build_gives_no_warning(edition_html):
    assert edition_html.warning.getvalue() == ""


def test_project_copy_text_is_the_witness_byte_for_byte():
    import hashlib

    digest = hashlib.sha256(COPY_TEXT.read_bytes()).hexdigest()
    assert digest == "e4f2bdaf5a4dac1595a2251cc6fc32534822d03a0db8457591398d33a44faeb6"
