"""Citing a paragraph: citations from the metadata record, one control per anchor, metadata, links from elsewhere."""

from __future__ import annotations

import json
import re
import shutil

import yaml
from bs4 import BeautifulSoup

from conftest import EDITION_BASEURL, PROJECT
from critical_edition.citing.citations import ANCHOR_TOKEN, FORMS, cite_paragraph, citation_templates

METADATA = {
    "title": "The Party",
    "container_title": "Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7",
    "authors": [{"literal": "Joint Opposition"}],
    "issued": "2026-11-25",
    "version": "0.1",
}
BASE = "https://edition.invalid/platform/"


def citations(anchor: str) -> dict[str, str]:
    return cite_paragraph(citation_templates(METADATA, BASE, "chapter.html"), anchor)


def test_every_form_names_the_paragraph_and_its_permalink():
    cited = citations("7.4.2")
    assert set(cited) == set(FORMS)
    for form, text in cited.items():
        assert "7.4.2" in text, form
        assert "https://edition.invalid/platform/chapter.html#p7.4.2" in text, form
        assert ANCHOR_TOKEN not in text


def test_chicago_note_and_bibliography():
    cited = citations("7.4.2")
    assert cited["chicago-note"].startswith("Joint Opposition, “The Party”")
    assert "para. 7.4.2" in cited["chicago-note"]
    assert cited["chicago-bibliography"].startswith("Joint Opposition. “The Party”. In Platform of the Joint Opposition")


def test_mla_and_apa_give_entry_and_in_text_citation():
    cited = citations("7.P3.1")
    assert cited["mla"].splitlines()[1] == "In the text: (Joint Opposition, “The Party”, par. 7.P3.1)"
    assert cited["apa"].splitlines()[0].startswith("Joint Opposition. (2026). The Party. In Platform")
    assert cited["apa"].splitlines()[1] == "In the text: (Joint Opposition, 2026, para. 7.P3.1)"


def test_bibtex_and_csl_json():
    cited = citations("7.P3.1")
    assert re.match(r"@incollection\{[\w.-]+-7\.P3\.1,", cited["bibtex"])
    assert "url = {https://edition.invalid/platform/chapter.html#p7.P3.1}" in cited["bibtex"]
    cited_item = json.loads(cited["csl-json"])["citationItems"][0]
    assert cited_item["locator"] == "7.P3.1" and cited_item["label"] == "paragraph"
    item = cited_item["itemData"]
    assert item["type"] == "chapter" and "locator" not in item and "label" not in item
    assert item["issued"] == {"date-parts": [[2026, 11, 25]]}


def test_one_cite_control_per_anchor(chapter_soup):
    manifest = json.loads((PROJECT / "source" / "anchor-manifest.json").read_text(encoding="utf-8"))["anchors"]
    buttons = chapter_soup.select("button.edition-cite")
    assert [b["data-anchor"] for b in buttons] == list(manifest)
    assert all(b["aria-label"] == f"Cite paragraph {b['data-anchor']}" for b in buttons)
    assert len(chapter_soup.select("dialog#edition-cite-dialog")) == 1


def test_the_page_carries_the_templates_from_the_metadata_record(chapter_soup):
    data = json.loads(chapter_soup.find(id="edition-cite-data").string)
    base = EDITION_BASEURL
    assert data["page"] == base + "chapter.html"
    assert (data["prefix"], data["token"]) == ("p", ANCHOR_TOKEN)
    templates = data["templates"]
    assert set(templates) == set(FORMS)
    container = "Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7"
    link = f"{base}chapter.html#p{ANCHOR_TOKEN}"
    assert templates["chicago-note"] == (
        f"Joint Opposition, “The Party”, in {container}, version 0.1 (2026), para. {ANCHOR_TOKEN}, {link}."
    )
    assert templates["apa"] == (
        f"Joint Opposition. (2026). The Party. In {container} (Version 0.1). {link}\n"
        f"In the text: (Joint Opposition, 2026, para. {ANCHOR_TOKEN})"
    )
    assert templates["bibtex"].splitlines()[0] == f"@incollection{{platform-1927-ch07-{ANCHOR_TOKEN},"
    assert f"  url = {{{link}}}" in [line.rstrip(",") for line in templates["bibtex"].splitlines()]
    cited = json.loads(templates["csl-json"])["citationItems"][0]
    assert (cited["itemData"]["URL"], cited["locator"], cited["label"]) == (link, ANCHOR_TOKEN, "paragraph")
    assert cited["id"] == f"platform-1927-ch07-{ANCHOR_TOKEN}"


def test_reference_managers_find_their_metadata(chapter_soup):
    meta = {m["name"]: m["content"] for m in chapter_soup.select("meta[name]")}
    assert meta["citation_title"] == "The Party"
    assert meta["citation_author"] == "Joint Opposition,"  # an organisation: one field, in Zotero's reading
    assert meta["citation_publication_date"] == "2026/11/25"
    assert meta["citation_inbook_title"].startswith("Platform of the Joint Opposition")
    assert meta["DC.title"] == "The Party"
    ld = json.loads(chapter_soup.find("script", type="application/ld+json").string)
    assert ld["@type"] == "Chapter" and ld["name"] == "The Party"
    assert ld["isPartOf"]["name"] == meta["citation_inbook_title"]


def test_citation_cff_agrees_with_the_metadata_record():
    cff = yaml.safe_load((PROJECT / "CITATION.cff").read_text(encoding="utf-8"))
    conf = {}
    exec((PROJECT / "conf.py").read_text(encoding="utf-8"), conf)
    metadata = conf["edition_metadata"]
    assert cff["title"] == metadata["container_title"]
    assert cff["version"] == metadata["version"]
    assert str(cff["date-released"]) == metadata["issued"]
    assert [a["name"] for a in cff["authors"]] == [a["literal"] for a in metadata["authors"]]


def test_how_to_cite_is_generated_from_the_record(edition_html):
    page = BeautifulSoup((edition_html.outdir / "how-to-cite.html").read_text(encoding="utf-8"), "lxml")
    text = page.select_one("article").get_text(" ")
    assert "https://edition.invalid/platform-1927-ch07/chapter.html#p7.4.2" in text
    assert "para. 7.4.2" in text and "@incollection" in text


def test_another_project_links_to_a_paragraph_through_objects_inv(edition_html, make_app, tmp_path):
    """Every form the README gives, from a project without the extension; labels keep the anchors' case."""
    srcdir = tmp_path / "linking"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-linking", srcdir)
    shutil.copy(edition_html.outdir / "objects.inv", srcdir / "objects.inv")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    chapter = "https://edition.invalid/platform-1927-ch07/chapter.html"
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    hrefs = [a["href"] for a in page.select("a.reference.external")]
    assert hrefs == [f"{chapter}#p7.4.2"] * 2 + [f"{chapter}#p7.P3.1"] * 2
    notes = BeautifulSoup((app.outdir / "notes.html").read_text(encoding="utf-8"), "lxml")
    assert [a["href"] for a in notes.select("a.reference.external")] == [f"{chapter}#p7.P3.1", f"{chapter}#p7.4.2"]


def test_the_inventory_keeps_the_anchors_case_and_only_pages_the_site_has(edition_html):
    from sphinx.util.inventory import InventoryFile

    with open(edition_html.outdir / "objects.inv", "rb") as stream:
        labels = InventoryFile.load(stream, "", lambda base, uri: uri)["std:label"]
    assert "7.P3.1" in labels and "7.p3.1" not in labels
    assert labels["7.P3.1"].uri == "chapter.html#p7.P3.1"
    assert not {"genindex", "modindex", "py-modindex"} & set(labels)
    assert all((edition_html.outdir / label.uri.split("#")[0]).exists() for label in labels.values())


def test_a_renamed_anchor_keeps_its_old_fragment_through_an_alias(make_root):
    app = make_root("basic", confoverrides={"edition_anchor_aliases": {"1.9.9": "1.1.1"}, "edition_redirects": {"old/text": "index"}})
    app.build()
    assert app.warning.getvalue() == ""
    redirect = (app.outdir / "old" / "text.html").read_text(encoding="utf-8")
    assert 'url=../index.html"' in redirect
    assert 'window.location.replace("../index.html" + window.location.hash)' in redirect


def test_an_alias_to_nowhere_is_reported(make_root):
    app = make_root("basic", confoverrides={"edition_anchor_aliases": {"1.0.1": "1.7.7"}})
    app.build()
    warnings = app.warning.getvalue()
    assert "edition_anchor_aliases['1.0.1'] = '1.7.7': 1.0.1 is still an anchor of the text [edition.alias]" in warnings
    assert "edition_anchor_aliases['1.0.1'] = '1.7.7': 1.7.7 is not an anchor of the text [edition.alias]" in warnings
