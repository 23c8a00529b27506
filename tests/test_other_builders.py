"""A builder with no visitor for the edition's nodes says so once, and shows them as plain text."""

from __future__ import annotations

import re

import pytest

WARNING = (
    "text.md:4: WARNING: the {builder} builder has no visitor for the edition's nodes (mention, emendation, "
    "card, note_works, paragraph_number, block_paragraph_number): they are shown as plain text [edition.builder]"
)


@pytest.mark.parametrize("builder", ["man", "texinfo"])
def test_a_builder_without_visitors_warns_once_and_shows_the_text(make_root, builder):
    app = make_root("apparatus", builder)
    app.build()
    said = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).replace(f"{app.srcdir}/", "")
    assert said.splitlines() == [WARNING.format(builder=builder)]  # once, though two pages hold such nodes
    written = "".join(p.read_text(encoding="utf-8") for p in app.outdir.iterdir() if p.suffix in {".1", ".texi"})
    assert re.search(r"\[1\.0\.1\] \S*Ivanov.*formerly a town\.", written)  # the number, the names, the emendation
    assert "[1.1.1]" in written
    assert "The copy-text reads" not in written  # a card is for the screen


def test_a_builder_that_writes_every_node_as_it_is_says_nothing(make_root):
    app = make_root("apparatus", "xml")
    app.build()
    assert app.warning.getvalue() == ""
    assert "<paragraph_number " in (app.outdir / "text.xml").read_text(encoding="utf-8")
