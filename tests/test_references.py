"""Every edition reference that leads nowhere is warned of as ``edition.reference``, with or without ``-n``."""

from __future__ import annotations

import re

import pytest

#: What the root ``test-references`` must say, and nothing else.
EXPECTED = [
    "index.md:4: WARNING: {edition:para}`9.9.9` leads nowhere: no paragraph has the anchor 9.9.9 [edition.reference]",
    "index.md:7: WARNING: {edition:person}`nobody` leads nowhere: footnotes/persons.yaml holds no person 'nobody' [edition.reference]",
    "index.md:7: WARNING: {edition:work}`no-such-work` leads nowhere: footnotes/bibliography.yaml holds no work 'no-such-work' [edition.reference]",
    "index.md:7: WARNING: {edition:work}`a-work` leads nowhere: no page holds the {works-cited} register [edition.reference]",
]


def said(app) -> list[str]:
    """The warnings, each located relative to the root."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).replace(f"{app.srcdir}/", "")
    return text.splitlines()


@pytest.mark.parametrize("nitpicky", [False, True], ids=["plain", "nitpicky"])
def test_a_dangling_reference_is_warned_of_with_its_line(make_root, nitpicky):
    app = make_root("references", confoverrides={"nitpicky": nitpicky})
    app.build()
    assert said(app) == EXPECTED


def test_a_reference_that_leads_somewhere_is_linked(make_root):
    app = make_root("references")
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<a class="reference internal" href="#p1.0.1" title="Paragraph 1.0.1">' in page


def test_a_page_citing_a_paragraph_follows_it_when_it_vanishes_and_comes_back(make_root, tmp_path):
    app = make_root("moved-paragraphs")
    app.build()
    assert 'href="text.html#p1.0.2"' in (app.outdir / "intro.html").read_text(encoding="utf-8")
    text = app.srcdir / "text.md"
    text.write_text(text.read_text(encoding="utf-8").replace('{id="1.0.2"}', '{id="1.0.3"}'), encoding="utf-8")
    app.build()  # only text.md is read again, and index.md (its toctree) written again
    assert said(app) == [
        "intro.md:3: WARNING: {edition:para}`1.0.2` leads nowhere: no paragraph has the anchor 1.0.2 [edition.reference]"
    ]
    assert 'href="text.html#p1.0.2"' not in (app.outdir / "intro.html").read_text(encoding="utf-8")
    text.write_text(text.read_text(encoding="utf-8").replace('{id="1.0.3"}', '{id="1.0.2"}'), encoding="utf-8")
    app.build()
    assert 'href="text.html#p1.0.2"' in (app.outdir / "intro.html").read_text(encoding="utf-8")
