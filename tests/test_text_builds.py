"""Small roots built end to end: overlaps, another anchor scheme, empty registers, the text and dirhtml builders."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import ROOTS
from test_bad_input import ANSI


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "lxml")


def built(make_root, name: str, buildername: str = "html", **kwargs):
    app = make_root(name, buildername, **kwargs)
    app.build()
    assert app.warning.getvalue() == ""
    return app


def shown(paragraph) -> list[tuple[str, str]]:
    """What the apparatus marks in a paragraph, in reading order: (class, text)."""
    found = []
    for mark in paragraph.select(".edition-emendation, .edition-mention > a, .editorial-note-ref"):
        if mark.name == "a":
            found.append((mark.parent["class"][-1], mark.get_text()))
        else:
            own = mark.find(string=True, recursive=False)
            found.append((mark["class"][0], own.strip() if own and own.strip() else mark.get_text(strip=True)))
    return found


def test_an_emendation_wins_its_overlap_with_a_longer_term(make_root):
    page = soup(built(make_root, "overlap"), "index.html")
    first, second = page.find(id="p1.0.1"), page.find(id="p1.P1.1")
    assert shown(first) == [
        ("edition-person", "Lenin"),
        ("edition-emendation", "enrolment"),
        ("edition-person", "Lenin"),
        ("editorial-note-ref", "a"),
        ("edition-emendation", "note"),  # in the authors' note beside the paragraph
    ]
    cards = [card.get_text() for card in first.select(".edition-emendation .edition-card")]
    assert cards == ["The copy-text reads: enrollment", "The copy-text reads: nota"]
    assert shown(second) == [("edition-term", "Lenin enrolment"), ("edition-emendation", "the Uyezd"), ("edition-term", "Uyezd")]
    assert second.select_one(".edition-emendation .edition-card").get_text() == "The copy-text reads: the uyezd"


def test_the_text_builder_keeps_the_margin_numbers_the_notes_and_the_registers(make_root):
    """The text builder's pages, whole, as ``tests/roots/test-overlap/expected/`` holds them."""
    app = built(make_root, "overlap", "text")
    for page in ("index", "registers"):
        expected = (ROOTS / "test-overlap" / "expected" / f"{page}.txt").read_text(encoding="utf-8")
        assert (app.outdir / f"{page}.txt").read_text(encoding="utf-8") == expected, page


def test_every_register_entry_has_its_id_and_links_to_its_paragraphs(make_root):
    page = soup(built(make_root, "overlap"), "registers.html").select_one("article")
    assert [e["id"] for e in page.select("[id]")] == [
        "registers", "person-lenin", "term-Lenin-enrolment", "term-Uyezd", "work-a-work",
        "textual-enrolment", "textual-uyezd-case", "textual-in-the-note", "editorial-spoke",
    ]
    links = [(a.get_text(), a["href"]) for a in page.select("a[href]") if not a["href"].startswith("#") or "work" in a["href"]]
    work = ("A Work", "#work-a-work")
    assert links == [
        ("1.p1.1", "index.html#p1.P1.1"),
        work, ("1.0.1", "index.html#p1.0.1"),
        work, ("1.P1.1", "index.html#p1.P1.1"),
        work, ("1.P1.1", "index.html#p1.P1.1"),
        ("1.0.1", "index.html#p1.0.1"), ("1.P1.1", "index.html#p1.P1.1"), work,
        ("1.0.1", "index.html#p1.0.1"), work,
    ]


def test_dirhtml_links_each_page_by_its_folder(make_root):
    app = built(make_root, "overlap", "dirhtml")
    page = soup(app, "index.html")
    assert page.select_one("#p1\\.0\\.1 .edition-person a")["href"] == "registers/#person-lenin"
    assert page.select_one("#p1\\.0\\.1 a.edition-anchor")["href"] == "#p1.0.1"
    registers = soup(app, "registers/index.html")
    entry = registers.find(id="person-lenin").find_next("dd")
    assert [a["href"] for a in entry.select("a") if "#p" in a["href"]] == ["../#p1.0.1"]


def test_another_anchor_scheme_and_prefix(make_root):
    app = make_root("anchor-pattern")
    app.build()
    warnings = ANSI.sub("", app.warning.getvalue()).replace(f"{app.srcdir}/", "")
    assert warnings.splitlines() == [
        "index.md:10: WARNING: anchor 1.0.1 does not follow the scheme [0-9]+-[0-9]+ [edition.anchor_malformed]",
        "index.md:10: WARNING: this paragraph of the reading text has no anchor [edition.anchor_missing]",
    ]
    page = soup(app, "index.html")
    assert [(unit.name, unit["id"]) for unit in page.select("[id^=para-]")] == [("p", "para-1-1"), ("blockquote", "para-1-2")]
    assert [(a.get_text(), a["href"]) for a in page.select("a.edition-anchor")] == [("1-1", "#para-1-1"), ("1-2", "#para-1-2")]


def test_registers_with_no_records_say_so(make_root):
    page = soup(built(make_root, "empty-registers"), "registers.html")
    empty = page.select(".edition-register-empty")
    assert [p.get_text() for p in empty] == ["This register has no entries yet."] * 5
    assert [p.find_previous(["h2"]).get_text().rstrip("#") for p in empty] == [
        "Persons", "Glossary", "Works cited", "Textual notes", "Editorial notes",
    ]
