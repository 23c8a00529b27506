"""The TEI export: valid against tei_all (by jing), complete, and true to both texts."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import COPY_TEXT, IN_CI, PROJECT
from lxml import etree
from reading_text import copy_text_parts, expected_tokens, textual_changes
from tei_text import body_tokens

TEI_ALL = PROJECT / "critical_edition" / "exports" / "schemas" / "tei_all.rng"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def tei_path(edition_html) -> Path:
    return edition_html.outdir / "data" / "platform-1927-ch07-the-party.tei.xml"


def _diff(expected: list[str], actual: list[str]) -> str:
    return "\n".join(list(difflib.unified_diff(expected, actual, "expected", "TEI", n=2, lineterm=""))[:60])


def test_jing_finds_the_tei_valid_against_tei_all(tei_path):
    jing = shutil.which("jing")
    if jing is None:
        if IN_CI:
            pytest.fail("CI must have Debian's jing")
        pytest.skip("needs Debian's jing")
    result = subprocess.run([jing, str(TEI_ALL), str(tei_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[:3000]


def test_every_unit_has_its_anchor_and_the_authors_notes_are_there(tei_path):
    tree = etree.parse(str(tei_path))
    units = tree.xpath("//t:body//*[self::t:p or self::t:quote or self::t:table or self::t:list][@n]", namespaces=NS)
    anchored = [u for u in units if u.get(XML_ID) == "p" + u.get("n")]
    assert len(anchored) >= 65
    assert len({u.get("n") for u in anchored}) == len(anchored)
    notes = tree.xpath("//t:body//t:note[@type='authorial']", namespaces=NS)
    assert [n.get("n") for n in notes] == [str(i) for i in range(1, 16)]
    assert tree.xpath("//t:refsDecl/t:cRefPattern/@replacementPattern", namespaces=NS) == ["#p$1"]
    digest = tree.xpath("//t:sourceDesc//t:idno[@type='SHA-256']/text()", namespaces=NS)
    assert digest == ["e4f2bdaf5a4dac1595a2251cc6fc32534822d03a0db8457591398d33a44faeb6"]


def test_the_tei_read_with_corrections_is_the_reading_text(tei_path):
    body, _ = copy_text_parts(COPY_TEXT)
    expected = ["The", "Party", *expected_tokens(body, textual_changes(PROJECT / "footnotes"))]
    actual = body_tokens(tei_path, keep="corr", drop="sic")
    assert actual == expected, _diff(expected, actual)


def test_the_tei_read_with_the_copy_texts_readings_is_the_copy_text(tei_path):
    body, _ = copy_text_parts(COPY_TEXT)
    expected = ["The", "Party", *re.sub(r"\s*\[\d+\]", "", body).split()]
    actual = body_tokens(tei_path, keep="sic", drop="corr")
    assert actual == expected, _diff(expected, actual)


def test_persons_terms_and_works_point_at_their_records(tei_path):
    tree = etree.parse(str(tei_path))
    ids = set(tree.xpath("//@xml:id"))
    pointers = tree.xpath("//t:persName/@ref | //t:term/@ref | //t:ptr/@target | //t:note/@target", namespaces=NS)
    assert pointers and all(p.startswith("#") and p[1:] in ids for p in pointers)
    for record in yaml.safe_load((PROJECT / "footnotes" / "persons.yaml").read_text(encoding="utf-8")):
        person = tree.xpath(f"//t:person[@xml:id='person-{record['id']}']", namespaces=NS)[0]
        if "mia_glossary" in record:
            assert person.xpath("t:idno[@type='MIA-glossary']/text()", namespaces=NS) == [record["mia_glossary"]]
        if "wikidata" in record:
            assert person.xpath("t:idno[@type='wikidata']/text()", namespaces=NS) == [
                f"http://www.wikidata.org/entity/{record['wikidata']}"
            ]
        if len(str(record.get("born", ""))) == 10:
            assert person.xpath("t:birth/@when", namespaces=NS) == [str(record["born"])]
