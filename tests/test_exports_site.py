"""The Download page and the exports of a small root: links that work from file://, sizes, licences, warnings."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import IN_CI, PROJECT, build_edition

TEI_ALL = PROJECT / "critical_edition" / "exports" / "schemas" / "tei_all.rng"
METADATA = {
    "title": "A Text",
    "container_title": "A Work: An Edition",
    "authors": [{"literal": "An Author"}],
    "issued": "2026-01-02",
    "version": "1.0",
}
ROOT_CONFIG = {"edition_metadata": METADATA, "html_baseurl": "https://example.invalid/ed/"}


def test_every_page_links_to_the_download_page(edition_html):
    for page in sorted(Path(edition_html.outdir).glob("*.html")):
        if page.name in {"genindex.html", "search.html", "404.html"}:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        hrefs = [urlsplit(a["href"]).path for a in soup.select("a[href]")]
        assert "downloads.html" in hrefs or page.name == "downloads.html", page.name


def test_the_download_page_lists_every_export_with_its_real_size_and_licence(edition_html):
    outdir = Path(edition_html.outdir)
    soup = BeautifulSoup((outdir / "downloads.html").read_text(encoding="utf-8"), "lxml")
    rows = soup.select("table.edition-downloads tbody tr")
    written = sorted(p.name for p in (outdir / "data").iterdir())
    listed = []
    for row in rows:
        link, _, size, licence = row.find_all("td")
        href = link.a["href"]
        assert not urlsplit(href).scheme and not href.startswith("/"), href  # relative: works from file://
        target = (outdir / href).resolve()
        assert target.is_file(), href
        listed.append(target.name)
        number, unit = re.match(r"([\d,.]+) (bytes|KB|MB)", size.get_text()).groups()
        factor = {"bytes": 1, "KB": 1024, "MB": 1048576}[unit]
        assert abs(float(number.replace(",", "")) * factor - target.stat().st_size) <= factor, href
        assert "CC BY-SA 4.0" in licence.get_text() or "free distribution" in licence.get_text()
    assert sorted(listed) == written and len(written) == 7


def test_an_edition_without_its_copy_text_file_is_told_so(make_root):
    app = make_root("basic", confoverrides={**ROOT_CONFIG, "edition_copy_text": "missing.txt"})
    app.build()
    warnings = app.warning.getvalue()
    assert "conf.py:1: WARNING: edition_copy_text 'missing.txt' is not a file beside conf.py [edition.export]" in warnings


def test_a_small_edition_exports_valid_tei(make_root):
    app = make_root("basic", confoverrides=ROOT_CONFIG)
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    tei = Path(app.outdir) / "data" / "edition.tei.xml"
    text = tei.read_text(encoding="utf-8")
    assert '<p xml:id="p1.0.1" n="1.0.1">' in text or 'n="1.0.1" xml:id="p1.0.1"' in text
    assert '<list rend="numbered" n="1.P1.1" xml:id="p1.P1.1"><label>1.</label>' in text
    jing = shutil.which("jing")
    if jing is None:
        if IN_CI:
            pytest.fail("CI must have Debian's jing")
        pytest.skip("needs Debian's jing")
    result = subprocess.run([jing, str(TEI_ALL), str(tei)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[:2000]


def test_make_tei_writes_the_same_document_as_the_site(tmp_path, edition_html):
    app = build_edition(tmp_path, "tei")
    assert app.warning.getvalue() == ""
    alone = (Path(app.outdir) / "platform-1927-ch07-the-party.tei.xml").read_bytes()
    assert alone == (Path(edition_html.outdir) / "data" / "platform-1927-ch07-the-party.tei.xml").read_bytes()
