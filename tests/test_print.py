"""The printed book as a printer and a citing reader receive it: links with targets, nothing in the margin,
empty blank pages, the index in the text face, Works Cited as on the web, metadata, citations that copy out."""

from __future__ import annotations

import json
import re
import runpy
import shutil
import subprocess

import pytest
from conftest import IN_CI, PROJECT
from pdf import make_pdf

pytestmark = pytest.mark.pdf

TOOLS = ("xelatex", "latexmk", "makeindex", "pdftotext", "pdffonts")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing and not IN_CI:
    pytest.skip(f"needs {', '.join(missing)} (TeX Live and poppler-utils)", allow_module_level=True)


def edition_metadata() -> dict:
    """``edition_metadata`` as conf.py sets it."""
    return runpy.run_path(str(PROJECT / "conf.py"))["edition_metadata"]


@pytest.fixture(scope="module")
def pdf(edition_latex):
    assert not missing, f"CI must have {missing}"
    return make_pdf(edition_latex.outdir)


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def test_the_pdf_build_fails_on_an_undefined_reference_and_a_line_into_the_margin(make_root):
    app = make_root("print", "latex")
    app.build()
    with pytest.raises(subprocess.CalledProcessError) as failed:
        make_pdf(app.outdir)
    message = failed.value.stderr
    assert "planted.log: the PDF is not fit to print:" in message
    assert "  undefined reference `planted-nowhere' (page 1)\n" in message
    assert re.search(r"  line 100\.0 pt into the margin in paragraph at lines \d+--\d+\n", message)


def test_every_link_has_its_target_and_no_line_runs_into_the_margin(pdf):
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log
    assert not [w for w in re.findall(r"Overfull \\hbox \(([\d.]+)pt", log) if float(w) > 1]
    # The margin numbers are the targets of the links to paragraphs.
    tex = next(pdf.parent.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\edanchor{7.4.2}{\label{\detokenize{chapter:p7.4.2}}}" in tex
    assert r"\hyperref[\detokenize{chapter:p7.4.2}]" in tex


def test_blank_pages_are_empty(pages):
    blank = [number for number, page in enumerate(pages, 1) if not re.sub(r"\s", "", page)]
    assert len(blank) >= 5  # the versos before each part that opens on a recto
    near_blank = [n for n, page in enumerate(pages, 1) if re.fullmatch(r"\s*(\S+\s*){1,6}", page) and n not in blank]
    assert not near_blank, near_blank  # a page with a head or a folio and nothing else


def test_the_index_is_set_in_the_text_face_in_two_columns(pdf, pages):
    first = next(n for n, page in enumerate(pages, 1) if "Index of persons and terms" in page and n > 10)
    fonts = subprocess.run(["pdffonts", "-f", str(first), "-l", str(len(pages)), str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "NotoSerif-Regular" in fonts and "Mono" not in fonts
    assert re.search(r"\S.*,\s\d+\s{4,}\S.*,\s\d+", pages[first - 1])  # two entries side by side


def test_mentions_are_not_marked_in_the_running_text(pdf):
    tex = next(pdf.parent.glob("*.tex")).read_text(encoding="utf-8")
    chapter = tex[tex.index(r"\edanchor{7.0.1}") : tex.index(r"\edanchor{7.P9.6}")]
    assert r"\index{Lenin, Vladimir Ilyich@\spxentry{Lenin, Vladimir Ilyich}}" in chapter  # the index carries them
    assert "persons:person-" not in chapter and "glossary:term-" not in chapter
    assert r"\sphinxcrossref" not in chapter


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def test_works_cited_in_print_are_the_entries_of_the_web(pdf, edition_html):
    from bs4 import BeautifulSoup

    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout)
    page = BeautifulSoup((edition_html.outdir / "works-cited.html").read_text(encoding="utf-8"), "lxml")
    for work in ("lenin-letter-to-congress", "cannon-1928-review", "molot", "report-fourteenth-congress"):
        assert squash(page.find(id=f"work-{work}").get_text()) in text, work


def test_title_page_and_verso(pages):
    metadata = edition_metadata()
    title, verso = pages[0], " ".join(pages[1].split())
    assert metadata["title"] in title and "Version 0.1, 25 November 2026" in title
    for editor in metadata.get("editors", []):
        assert (editor.get("literal") or editor["family"]) in title
    assert "Suggested citation: Joint Opposition. “The Party”. In Platform of the Joint Opposition (1927)" in verso
    assert f"Licence: {metadata['rights']} The licence of the editorial matter: {metadata['licence_url']}" in verso
    assert "Published at https://edition.invalid/platform-1927-ch07/" in verso
    based_on = metadata["based_on"]
    assert f"Copy-text: {based_on['title']}, on the Marxists Internet Archive, {based_on['url']}, whose footer" in verso


def test_the_info_dictionary_and_the_xmp_packet_carry_the_metadata_record(pdf):
    from pypdf import PdfReader

    metadata = edition_metadata()
    reader = PdfReader(pdf)
    info = reader.metadata
    title = f"{metadata['container_title']}: {metadata['title']}"
    assert info.title == title
    assert info.author == "Joint Opposition"
    assert info.subject == metadata["description"]
    assert info["/Keywords"] == ", ".join(metadata["keywords"])
    assert reader.trailer["/Root"]["/Lang"] == "en"
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": title}
    assert xmp.dc_creator == ["Joint Opposition"]
    assert xmp.dc_description == {"x-default": metadata["description"]}
    assert xmp.dc_language == ["en"]
    assert ", ".join(metadata["keywords"]) in "; ".join(xmp.dc_subject)
    assert (
        xmp.get_element("", "http://www.aiim.org/pdfa/ns/id/", "part")
        or "pdfaid:part>2<" in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    )


def test_the_citations_copy_out_of_the_pdf_as_bibtex_and_json(pdf, pages):
    import bibtexparser

    number = next(n for n, page in enumerate(pages, 1) if "@incollection{" in page)
    text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number + 1), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    bibtex = text[text.index("@incollection{") : text.index("\n}\n", text.index("@incollection{")) + 2]
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks
    [entry] = library.entries
    metadata = edition_metadata()
    assert entry["booktitle"] == "{" + metadata["container_title"] + "}"
    assert entry["url"] == "https://edition.invalid/platform-1927-ch07/chapter.html#p7.4.2"
    start = text.index("{", text.index("CSL-JSON"))
    citation, end = json.JSONDecoder().raw_decode(text, start)  # the block, to its closing brace
    assert text[end:].lstrip().startswith("The printed edition")  # and nothing of the page inside it
    [cited] = citation["citationItems"]
    assert cited["itemData"]["container-title"] == metadata["container_title"]
    assert cited["itemData"]["URL"] == "https://edition.invalid/platform-1927-ch07/chapter.html#p7.4.2"
    assert "↪" not in text and ",→" not in text


def test_the_citation_blocks_stay_within_the_measure(pdf, pages):
    """Unwrapped code lines are set small enough to fit: every word of their pages within the text width."""
    text_width = (210 - 25 - 42) / 25.4 * 72  # A4 less the inner and outer margins (conf.py's geometry), in points
    for number in (n for n, page in enumerate(pages, 1) if "@incollection{" in page or '"citationItems"' in page):
        words = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        boxes = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', words)]
        assert boxes
        assert max(b for _, b in boxes) - min(a for a, _ in boxes) <= text_width + 1, number
