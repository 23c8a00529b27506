"""The stand-off apparatus: names, terms, emendations and editors' notes attached to their phrases."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT as PROJECT_ROOT


@pytest.fixture()
def built(make_root):
    def build(buildername="html", **files):
        app = make_root("apparatus", buildername, files=files, confoverrides={"nitpicky": True})
        app.build()
        return app

    return build


def soup(app, page):
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "lxml")


def test_clean_build(built):
    assert built().warning.getvalue() == ""


def test_a_name_links_to_the_persons_register_with_a_card(built):
    page = soup(built(), "text.html")
    mention = page.select_one("#p1\\.0\\.1 .edition-person")
    assert mention.a["href"] == "registers.html#person-ivanov"
    assert mention.a.get_text() == "Ivanov"
    assert mention.select_one(".edition-card[role=tooltip]").get_text() == (
        "Ivan Ivanovich Ivanov (1880–1937): Secretary of a committee"
    )


def test_the_longer_phrase_wins_an_overlap(built):
    page = soup(built(), "text.html")
    paragraph = page.select_one("#p1\\.0\\.1")
    links = [a.get_text() for a in paragraph.select(".edition-mention > a")]
    assert links == ["Ivanov", "Uyezd", "Lenin enrolment", "Uyezd"]
    assert paragraph.select_one(".edition-term a[href='registers.html#term-Lenin-enrolment']")


def test_an_emendation_shows_the_copy_text_reading_on_focus(built):
    page = soup(built(), "text.html")
    mark = page.select_one(".edition-emendation")
    assert mark["tabindex"] == "0"
    card = page.find(id=mark["aria-describedby"])
    assert mark.get_text(strip=True).startswith("formerly")  # the adopted reading in the text
    assert card.get_text() == "The copy-text reads: formely"


def test_an_editorial_note_is_lettered_and_linked_both_ways(built):
    page = soup(built(), "text.html")
    marker = page.find(id="editorial-note-ref-a")
    assert marker.find_parent("blockquote")["id"] == "p1.1.1"
    assert marker.a["href"] == "#editorial-note-a"
    note = page.find(id="editorial-note-a")
    assert "An explanatory note." in note.get_text()
    assert note.select_one("a.edition-backref")["href"] == "#editorial-note-ref-a"


def test_registers_link_back_to_every_paragraph(built):
    page = soup(built(), "registers.html")
    entry = page.find(id="person-ivanov").find_next("dd")
    assert [a["href"] for a in entry.select("a.reference") if "#p" in a["href"]] == [
        "text.html#p1.0.1",
        "text.html#p1.1.1",
    ]
    term = page.find(id="term-Uyezd").find_next("dd")
    assert "уезд" in term.get_text()
    assert [a.get_text() for a in term.select("a") if "#p" in a["href"]] == ["1.0.1"]
    assert page.find(id="work-a-work")
    assert "formerly ] formely" in page.find(id="textual-formerly").get_text()


def test_print_has_index_entries_lettered_notes_and_back_matter(built):
    app = built("latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\index{Ivanov, Ivan Ivanovich@\spxentry{Ivanov, Ivan Ivanovich}}" in tex
    assert r"\index{Uyezd@\spxentry{Uyezd}}" in tex
    assert "top down$^{\\text{a}}$." in tex
    assert r"\begin{footnote}[1]" in tex
    assert "[a]" not in tex
    assert "An explanatory note." in tex
    assert "formerly {]} formely" in tex
    assert app.warning.getvalue() == ""


def test_a_person_named_nowhere_is_reported(built):
    text = (
        "# The text\n\n{id=\"1.0.1\"}\nIvanov and the Uyezd committee met the Lenin enrolment in Uyezd, "
        "formerly a town.{authors-note}`1`\n\n{id=\"1.1.1\"}\n> Ivanov’s speech: the party must be looked at from the top down.\n"
    )
    warnings = built(**{"text.md": text}).warning.getvalue()
    assert re.search(
        r"footnotes/persons\.yaml:15: WARNING: person 'lenin': no form \('Lenin'\) is found in the reading text \[edition\.unused\]",
        warnings,
    )


def test_an_editorial_phrase_found_nowhere_is_reported(built):
    app = built(**{"footnotes/editorial.yaml": "- id: x\n  target:\n    anchor: \"1.1.1\"\n    phrase: \"bottom up\"\n  text: \"N.\"\n  sources:\n    - work: a-work\n"})
    assert (
        "footnotes/editorial.yaml:1: WARNING: editorial note 'x': the phrase 'bottom up' is not in paragraph 1.1.1 [edition.target]"
        in app.warning.getvalue()
    )


def test_editing_a_person_rereads_only_the_pages_that_show_persons(built):
    app = built()
    persons = app.srcdir / "footnotes" / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace("Secretary of a committee", "Chairman"), encoding="utf-8")
    app.status.seek(0)
    app.status.truncate(0)
    app.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    assert sorted(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status)) == ["registers", "text"]
    assert "Chairman" in (app.outdir / "text.html").read_text(encoding="utf-8")


PROSE_WORK = '\n- id: prose-work\n  type: book\n  kind: scholarly\n  title: "A Work Cited in Prose"\n'


def test_a_work_cited_only_in_prose_is_used_and_linked(built):
    bibliography = (PROJECT_ROOT / "tests/roots/test-apparatus/footnotes/bibliography.yaml").read_text(encoding="utf-8")
    registers = (PROJECT_ROOT / "tests/roots/test-apparatus/registers.md").read_text(encoding="utf-8")
    app = built(**{
        "footnotes/bibliography.yaml": bibliography + PROSE_WORK,
        "registers.md": registers + "\nAs {edition:work}`the prose work <prose-work>` shows.\n",
    })
    assert app.warning.getvalue() == ""
    page = soup(app, "registers.html")
    assert page.find("a", href="#work-prose-work").get_text() == "the prose work"
    unused = built(**{"footnotes/bibliography.yaml": bibliography + PROSE_WORK, "registers.md": registers})
    assert "work 'prose-work' is cited by no record and no page [edition.unused]" in unused.warning.getvalue()


def test_a_build_with_nothing_changed_writes_no_page(built):
    app = built()
    app.status.seek(0)
    app.status.truncate(0)
    app.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    assert "0 added, 0 changed, 0 removed" in status
    assert "no targets are out of date" in status


def test_a_new_record_reaches_the_text_it_names(built):
    app = built()
    glossary = app.srcdir / "footnotes" / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + '\n- id: town\n  term: town\n  forms: ["town"]\n  definition: "A place."\n  sources:\n    - work: a-glossary\n',
        encoding="utf-8",
    )
    app.build()
    assert app.warning.getvalue() == ""
    assert soup(app, "text.html").select_one(".edition-term a[href='registers.html#term-town']")


def test_a_data_file_removed_or_added_reaches_its_register(built):
    app = built()
    glossary = app.srcdir / "footnotes" / "glossary.yaml"
    records = glossary.read_text(encoding="utf-8")
    glossary.unlink()
    app.build()
    assert not soup(app, "registers.html").select("dl.glossary dt")
    glossary.write_text(records, encoding="utf-8")
    app.build()
    assert soup(app, "registers.html").select("dl.glossary dt")


def test_a_work_retitled_reaches_the_registers_that_cite_it(built):
    app = built()
    bibliography = app.srcdir / "footnotes" / "bibliography.yaml"
    bibliography.write_text(bibliography.read_text(encoding="utf-8").replace('"A Glossary"', '"A Retitled Glossary"'), encoding="utf-8")
    app.build()
    assert "A Retitled Glossary" in soup(app, "registers.html").get_text()


def test_the_standard_term_role_reaches_the_glossary(built):
    registers = (PROJECT_ROOT / "tests/roots/test-apparatus/registers.md").read_text(encoding="utf-8")
    app = built(**{"registers.md": registers + "\nThe {term}`Uyezd` and the {term}`county <Uyezd>`.\n"})
    assert app.warning.getvalue() == ""
    links = soup(app, "registers.html").select('a[href="#term-Uyezd"]')
    assert {a.get_text() for a in links} >= {"Uyezd", "county"}


def test_a_rebuild_with_unchanged_data_neither_parses_nor_validates_it(built, monkeypatch):
    from critical_edition.data import apparatus

    app = built()
    reads = []
    original = apparatus.read_apparatus
    monkeypatch.setattr(apparatus, "read_apparatus", lambda *args: reads.append(args) or original(*args))
    built()
    assert reads == []
    persons = (app.srcdir / "footnotes" / "persons.yaml").read_text(encoding="utf-8")
    built(**{"footnotes/persons.yaml": persons.replace("Secretary of a committee", "Chairman")})
    assert len(reads) == 1
