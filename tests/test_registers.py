"""The edition's registers as built: the glossary and the persons, linked from the text and back."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT

GLOSSARY = yaml.safe_load((PROJECT / "footnotes" / "glossary.yaml").read_text(encoding="utf-8"))
PERSONS = yaml.safe_load((PROJECT / "footnotes" / "persons.yaml").read_text(encoding="utf-8"))


def page(edition_html, name: str) -> BeautifulSoup:
    return BeautifulSoup((edition_html.outdir / name).read_text(encoding="utf-8"), "lxml")


def test_the_glossary_holds_the_terms_a_reader_needs_each_with_sources_and_uses(edition_html):
    glossary = page(edition_html, "glossary.html")
    entries = {dt.get_text(" ", strip=True).rstrip("#").strip(): dt for dt in glossary.select("dl.glossary > dt")}
    assert len(entries) == len(GLOSSARY) >= 20
    assert {"Uyezd", "NEP", "ex-ers", "Central Committee", "Central Control Committee", "Politburo", "Lenin enrolment", "Testament"} <= set(entries)
    for term, dt in entries.items():
        definition = dt.find_next_sibling("dd").get_text(" ", strip=True)
        assert "Sources:" in definition and "Used in:" in definition, term


def test_every_glossary_term_is_linked_from_the_chapter(edition_html, chapter_soup):
    linked = {a["href"].split("#", 1)[1] for a in chapter_soup.select('a[href*="glossary.html#term-"]')}
    glossary = page(edition_html, "glossary.html")
    defined = {dt["id"] for dt in glossary.select("dl.glossary > dt[id]")}
    assert defined == linked


def test_the_persons_register_lists_everyone_with_wikidata_where_established(edition_html):
    register = page(edition_html, "persons.html")
    text = register.get_text(" ", strip=True)
    assert len(PERSONS) >= 25
    for person in PERSONS:
        assert register.find(id=f"person-{person['id']}"), person["id"]
        if person.get("wikidata"):
            assert register.select_one(f'a[href="https://www.wikidata.org/wiki/{person["wikidata"]}"]'), person["id"]
            assert any(f"Wikidata item {person['wikidata']}" in source["supports"] for source in person["sources"]), person["id"]
    assert "Q34943" not in text  # once given to Engels; it is Ptolemy's item
