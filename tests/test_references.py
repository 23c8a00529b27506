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
