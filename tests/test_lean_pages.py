"""What the pages load: the theme's CSS cut to what they use, font faces for shipped files only, a light chapter."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import tinycss2
from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
from run import page_weight

from critical_edition.html.lean_css import purge

CSS = (
    ".used{color:red}.unused{color:blue}.used .unused,.used>p{margin:0}"
    "@media (max-width:10px){.unused{x:y}.used:hover::before{content:'a'}}"
    "html[data-theme=dark] .used{color:black}a:not(.unused){b:c}"
    ".used:is(.unused){d:e}[hidden]{display:none}@keyframes spin{to{transform:rotate(1turn)}}"
)


def test_a_rule_is_kept_when_the_site_has_every_name_it_needs():
    lean = purge(CSS, {"used", "p", "a", "html"})
    assert lean == (
        ".used{color:red}.used>p{margin:0}"
        '@media (max-width:10px){.used:hover::before{content:"a"}}'
        "html[data-theme=dark] .used{color:black}a:not(.unused){b:c}"
        ".used:is(.unused){d:e}@keyframes spin{to{transform:rotate(1turn)}}"
    )


def _font_faces(stylesheet: Path) -> list[str]:
    faces = []
    for rule in tinycss2.parse_stylesheet(stylesheet.read_text(encoding="utf-8"), skip_comments=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            for token in rule.content:
                if token.type == "url":
                    faces.append(token.value)
                elif token.type == "function" and token.lower_name == "url":
                    faces.extend(arg.value for arg in token.arguments if arg.type == "string")
    return faces


def test_no_font_face_names_a_file_the_site_does_not_ship(edition_html):
    static = Path(edition_html.outdir, "_static")
    named = {(css, url) for css in static.rglob("*.css") for url in _font_faces(css)}
    assert any(url.endswith("fa-solid-900.woff2") for _, url in named)
    assert [url for css, url in named if not (css.parent / url.split("?")[0]).is_file()] == []


def test_the_chapter_and_all_it_loads_weigh_at_most_150_kb_gzip(edition_html):
    raw, compressed, files = page_weight(Path(edition_html.outdir), "chapter.html")
    assert compressed <= 150_000, (raw, compressed, files)
    stylesheet = Path(edition_html.outdir, "_static", "styles", "pydata-sphinx-theme.css")
    assert stylesheet.stat().st_size < 150_000  # the theme's own is some 377 KB


def test_only_the_search_page_loads_a_search_and_its_entries_are_the_texts_words(edition_html):
    outdir = Path(edition_html.outdir)
    chapter = (outdir / "chapter.html").read_text(encoding="utf-8")
    assert "searchtools.js" not in chapter and "searchindex.js" not in chapter and "minisearch" not in chapter
    search = (outdir / "search.html").read_text(encoding="utf-8")
    assert "_static/minisearch.js" in search and "_static/edition-search-data.js" in search
    data = (outdir / "_static" / "edition-search-data.js").read_text(encoding="utf-8")
    entries = json.loads(data.removeprefix("window.EDITION_SEARCH_ENTRIES = ").rstrip().removesuffix(";"))
    unit = next(e for e in entries if e["page"] == "chapter.html" and e["fragment"] == "p7.2.1")
    assert unit["label"] == "7.2.1"
    assert unit["text"].startswith("(2) The social composition of the directing organs")
    assert unit["text"].endswith("from 9.8 per cent to 16.1 per cent.")  # no note number after it
    assert "county-level" not in unit["text"] and "copy-text reads" not in unit["text"]
    assert "Cite" not in unit["text"] and "7.2.1" not in unit["text"]
