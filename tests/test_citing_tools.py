"""Citing, checked by the tools that receive it: Zotero's translators, extruct, the CSL schema, bibtexparser, cffconvert."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import EDITION_BASEURL, IN_CI, PROJECT

from critical_edition.citing import NO_BASE_ADDRESS

TOOLS = PROJECT / ".tools"
ZOTERO = PROJECT / "tests" / "zotero"
CSL = PROJECT / "tests" / "csl"


def require(path, what: str) -> None:
    if not path.exists():
        if IN_CI:
            pytest.fail(f"CI must have {what} (make tools)")
        pytest.skip(f"needs {what} (make tools)")


def zotero_items(page) -> list[dict]:
    """What Zotero's Embedded Metadata translator saves from a built page."""
    require(TOOLS / "node_modules" / "jsdom", "jsdom")
    if shutil.which("node") is None:
        pytest.fail("node is needed to run Zotero's translators") if IN_CI else pytest.skip("needs node")
    env = {**os.environ, "NODE_PATH": str(TOOLS / "node_modules")}
    url = EDITION_BASEURL + page.name
    out = subprocess.run(
        ["node", str(ZOTERO / "harness.js"), str(page), url], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return json.loads(out.stdout)["items"]


def test_zotero_saves_the_chapter_as_a_book_section_by_an_organisation(edition_html):
    [item] = zotero_items(edition_html.outdir / "chapter.html")
    assert item["itemType"] == "bookSection"
    assert item["creators"] == [{"lastName": "Joint Opposition", "creatorType": "author", "fieldMode": 1}]
    assert item["title"] == "The Party"
    assert item["publicationTitle"] == "Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7"
    assert item["edition"] == "0.1"
    assert item["date"] == "2026/11/25" and item["language"] == "en"
    assert item["url"] == EDITION_BASEURL + "chapter.html"


def test_zotero_saves_the_start_page_as_the_book(edition_html):
    [item] = zotero_items(edition_html.outdir / "index.html")
    assert item["itemType"] == "book"
    assert item["title"] == "Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7"
    assert item["creators"] == [{"lastName": "Joint Opposition", "creatorType": "author", "fieldMode": 1}]
    assert item["edition"] == "0.1"


def extracted(edition_html, name: str) -> dict:
    import extruct

    html = (edition_html.outdir / name).read_text(encoding="utf-8")
    return extruct.extract(html, base_url=EDITION_BASEURL + name, syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True)


def test_extruct_reads_the_chapter_as_part_of_the_edition(edition_html):
    data = extracted(edition_html, "chapter.html")
    [ld] = data["json-ld"]
    assert ld["@type"] == "Chapter" and ld["@id"] == EDITION_BASEURL + "chapter.html#chapter"
    assert ld["url"] == EDITION_BASEURL + "chapter.html" and ld["position"] == 7
    assert ld["isPartOf"]["@type"] == "Book" and ld["isPartOf"]["@id"] == EDITION_BASEURL + "index.html#edition"
    assert ld["license"] == EDITION_BASEURL + "licence.html"
    assert ld["isBasedOn"]["url"] == "https://www.marxists.org/archive/trotsky/1927/opposition/ch07.htm"
    assert ld["author"] == [{"@type": "Organization", "name": "Joint Opposition"}]
    [og] = data["opengraph"]
    assert og["og:title"] == "The Party" and og["og:url"] == EDITION_BASEURL + "chapter.html"
    [dc] = data["dublincore"]
    elements = {e["name"].lower(): e["content"] for e in dc["elements"]}
    assert elements["dc.title"] == "The Party" and elements["dc.creator"] == "Joint Opposition"


def test_every_page_has_dublin_core_opengraph_one_viewport_and_a_description(edition_html):
    for name in ("introduction.html", "licence.html", "persons.html", "index.html"):
        data = extracted(edition_html, name)
        assert data["opengraph"] and data["dublincore"] and data["json-ld"], name
        soup = BeautifulSoup((edition_html.outdir / name).read_text(encoding="utf-8"), "lxml")
        assert len(soup.select('meta[name="viewport"]')) == 1, name
        assert soup.select_one('meta[name="description"]')["content"].startswith("A digital critical edition"), name
        assert soup.title.get_text().count("The Party") <= 1, name
    [book] = extracted(edition_html, "index.html")["json-ld"]
    assert book["@type"] == "Book" and book["hasPart"]["@type"] == "Chapter"


def dialog_citations(chapter_soup, anchor: str) -> dict[str, str]:
    data = json.loads(chapter_soup.find(id="edition-cite-data").string)
    return {form: t.replace(data["token"], anchor) for form, t in data["templates"].items()}


def test_the_dialogs_csl_json_is_a_valid_csl_citation_one_id_per_paragraph(chapter_soup):
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource

    schemas = [json.loads((CSL / name).read_text(encoding="utf-8")) for name in ("csl-citation.json", "csl-data.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    validator = Draft7Validator(schemas[0], registry=registry)
    ids = set()
    for anchor in ("7.4.2", "7.P3.1"):
        citation = json.loads(dialog_citations(chapter_soup, anchor)["csl-json"])
        assert list(validator.iter_errors(citation)) == []
        [cited] = citation["citationItems"]
        assert (cited["locator"], cited["label"]) == (anchor, "paragraph")
        assert cited["itemData"]["URL"] == f"{EDITION_BASEURL}chapter.html#p{anchor}"
        ids.add(cited["id"])
    assert len(ids) == 2


def test_the_bibtex_reads_back_whole_in_bibtexparser(chapter_soup):
    import bibtexparser
    library = bibtexparser.parse_string(dialog_citations(chapter_soup, "7.P3.1")["bibtex"])
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.entry_type == "incollection" and entry.key == "platform-1927-ch07-7.P3.1"
    assert {f.key: f.value for f in entry.fields} == {
        # Braced: the organisation is one name, the titles keep their capitals.
        "author": "{Joint Opposition}",
        "title": "{The Party}",
        "booktitle": "{Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7}",
        "date": "2026-11-25",
        "year": "2026",
        "month": "11",
        "version": "0.1",
        "language": "english",
        "langid": "english",
        "pages": "7.P3.1",
        "pagination": "paragraph",
        "url": EDITION_BASEURL + "chapter.html#p7.P3.1",
    }


def test_citation_cff_passes_cffconvert():
    cffconvert = TOOLS / "cffconvert" / "bin" / "cffconvert"
    require(cffconvert, "cffconvert")
    result = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(PROJECT / "CITATION.cff")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    converted = subprocess.run(
        [str(cffconvert), "-i", str(PROJECT / "CITATION.cff"), "-f", "apalike"], capture_output=True, text=True, timeout=120
    )
    assert "URL:" in converted.stdout or "http" in converted.stdout


def test_without_a_base_address_the_build_says_so_once_and_the_dialog_finds_the_address(make_root):
    app = make_root("basic", confoverrides={"edition_metadata": {
        "title": "A text", "container_title": "An edition", "authors": [{"literal": "An Organisation"}],
        "issued": "2026-01-02", "version": "1",
    }})
    app.build()
    assert app.warning.getvalue() == ""
    assert app.status.getvalue().count(NO_BASE_ADDRESS) == 1
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    data = json.loads(soup.find(id="edition-cite-data").string)
    assert data["page"] is None
    assert all("edition.invalid" not in t and data["pageToken"] in t for t in data["templates"].values())
    assert soup.select_one('meta[name="citation_public_url"]')["content"] == "index.html"
