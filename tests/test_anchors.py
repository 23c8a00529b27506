"""Anchors: one per unit, in the scheme, in the margin, the permalink's fragment, frozen in the manifest."""

from __future__ import annotations

import json
import re

import pytest
from conftest import PROJECT

SCHEME = re.compile(r"7\.(0|[1-9][0-9]*|P[0-9])\.[1-9][0-9]*")
UNIT_TAGS = {"p", "blockquote", "ol", "ul", "table"}


def top_level_units(soup):
    """The paragraph-level blocks of the chapter's sections."""
    units = []
    for section in soup.select("article.bd-article section"):
        for child in section.find_all(True, recursive=False):
            if child.name in UNIT_TAGS:
                units.append(child)
            elif child.name == "div" and child.find("table", recursive=False):
                units.append(child.find("table", recursive=False))
    return units


def test_every_unit_has_one_anchor_in_the_scheme(chapter_soup):
    units = top_level_units(chapter_soup)
    assert len(units) == 69
    ids = [unit.get("id") for unit in units]
    assert all(ids), [str(u)[:80] for u in units if not u.get("id")]
    anchors = [id_[1:] for id_ in ids]
    assert all(id_.startswith("p") for id_ in ids)
    assert all(SCHEME.fullmatch(anchor) for anchor in anchors), anchors
    assert len(set(anchors)) == len(anchors)


def test_each_anchor_is_shown_in_the_margin_as_a_link_to_itself(chapter_soup):
    for unit in top_level_units(chapter_soup):
        anchor = unit["id"][1:]
        if unit.name == "table":
            number = unit.find_parent("div").find_previous_sibling("div", class_="edition-anchor-block").a
        else:
            number = unit.select_one("a.edition-anchor")
        assert number.get_text() == anchor
        assert number["href"] == f"#{unit['id']}"


def test_second_paragraph_of_point_4_is_the_quoted_speech(chapter_soup):
    unit = chapter_soup.find(id="p7.4.2")
    assert unit.name == "blockquote"
    assert "must be looked at from the top down" in unit.get_text()


def test_anchors_are_those_of_the_manifest(chapter_soup):
    manifest = json.loads((PROJECT / "source" / "anchor-manifest.json").read_text(encoding="utf-8"))["anchors"]
    assert [unit["id"][1:] for unit in top_level_units(chapter_soup)] == list(manifest)


def test_anchors_are_objects_other_projects_can_link_to(edition_html):
    from sphinx.util.inventory import InventoryFile

    inventory = InventoryFile.loads((edition_html.outdir / "objects.inv").read_bytes(), uri="")
    paragraphs = inventory.data["edition:paragraph"]
    assert paragraphs["7.4.2"].uri == "chapter.html#p7.4.2"
    assert len(paragraphs) == 69


CHANGED_TEXT = """# A text

{id="1.0.1"}
The first paragraph, changed, with the authors' note.{authors-note}`1`

{id="1.1.1"}
> A quotation, with a second note.{authors-note}`2`

{id="1.P1.1"}
1. one item
2. another item
"""


@pytest.fixture()
def manifest_root(make_root):
    """The basic root with a manifest written from its own text."""

    def build(**files):
        app = make_root("basic", confoverrides={"edition_anchor_manifest": "anchors.json", "edition_update_manifest": True})
        app.build()
        manifest = (app.srcdir / "anchors.json").read_text(encoding="utf-8")
        app.cleanup()  # a second app in one test must not inherit the first one's node registry
        checked = make_root(
            "basic", confoverrides={"edition_anchor_manifest": "anchors.json"}, files={"anchors.json": manifest, **files}
        )
        checked.build()
        return checked.warning.getvalue()

    return build


def test_manifest_agrees_with_unchanged_text(manifest_root):
    assert manifest_root() == ""


def test_changed_text_with_unchanged_manifest_is_reported(manifest_root):
    warnings = manifest_root(**{"index.md": CHANGED_TEXT})
    assert "anchors.json:" in warnings
    assert "the text of 1.0.1 changed but the manifest did not [edition.manifest]" in warnings


def test_vanished_anchor_is_reported(manifest_root):
    warnings = manifest_root(**{"index.md": CHANGED_TEXT.replace('{id="1.P1.1"}\n', "")})
    assert "anchor 1.P1.1 is in the manifest but no longer in the text" in warnings
    assert "this paragraph of the reading text has no anchor [edition.anchor_missing]" in warnings


def test_renamed_anchor_is_reported(manifest_root):
    warnings = manifest_root(**{"index.md": CHANGED_TEXT.replace("1.P1.1", "1.P2.1")})
    assert "anchor 1.P1.1 is in the manifest but no longer in the text" in warnings
    assert "anchor 1.P2.1 is in the text but not in the manifest" in warnings


def test_duplicated_anchor_is_reported(make_root):
    app = make_root("basic", files={"index.md": CHANGED_TEXT.replace("1.P1.1", "1.1.1")})
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(r"index\.md:\d+: WARNING: anchor 1\.1\.1 is given twice in this document", warnings)


def test_malformed_anchor_is_reported(make_root):
    app = make_root("basic", files={"index.md": CHANGED_TEXT.replace("1.P1.1", "1.P1")})
    app.build()
    assert re.search(
        r"index\.md:\d+: WARNING: anchor 1\.P1 does not follow the scheme .*\[edition\.anchor_malformed\]",
        app.warning.getvalue(),
    )
