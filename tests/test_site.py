"""The built site as a whole: every link resolves, nothing comes from a third-party host, builds repeat."""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import build_edition

RESOURCE_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "source": "src", "iframe": "src", "audio": "src", "video": "src"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob("*.html") if not {"_sources", "_static"} & set(p.parts))


def site_root_path(edition_html) -> str:
    """The path of the published site (the 404 page's links start with it)."""
    return urlsplit(edition_html.config.html_baseurl).path


def test_every_internal_link_and_fragment_resolves(edition_html):
    outdir = Path(edition_html.outdir)
    root_path = site_root_path(edition_html)
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        ids[page] = {element["id"] for element in soup.select("[id]")}
    for page in pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for link in soup.select("a[href]"):
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            path = unquote(parts.path)
            if path.startswith(root_path):  # noqa: SIM108 (three cases read better apart)
                target = (outdir / path[len(root_path) :]).resolve()
            else:
                target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.name}: {href} (no file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
                broken.append(f"{page.name}: {href} (no such id)")
    assert broken == []


def test_no_resource_is_loaded_from_another_host(edition_html):
    outdir = Path(edition_html.outdir)
    foreign = []
    for page in pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload", "prefetch"} & set(element.get("rel", [])):
                    continue
                if urlsplit(value).scheme in {"http", "https"} or value.startswith("//"):
                    foreign.append(f"{page.name}: <{tag} {attribute}={value}>")
    for sheet in outdir.rglob("*.css"):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            if urlsplit(url).scheme in {"http", "https"} or url.startswith("//"):
                foreign.append(f"{sheet.name}: url({url})")
    assert foreign == []


def test_two_clean_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    first = build_edition(tmp_path / "one", "html")
    second = build_edition(tmp_path / "two", "html")
    assert first.warning.getvalue() == second.warning.getvalue() == ""
    outputs = [Path(first.outdir), Path(second.outdir)]

    def published(outdir: Path) -> list[Path]:
        # .buildinfo is Sphinx's own cache key (it hashes the source folder's path), not part of the site.
        return sorted(p.relative_to(outdir) for p in outdir.rglob("*") if p.is_file() and p.name != ".buildinfo")

    files = published(outputs[0])
    assert files == published(outputs[1])
    different = [str(f) for f in files if not filecmp.cmp(outputs[0] / f, outputs[1] / f, shallow=False)]
    assert different == []


def test_pages_load_no_icon_script_and_the_cut_font_has_every_icon_they_use(edition_html):
    from fontTools.ttLib import TTFont

    from critical_edition.html.icon_font_cut import _icon_codes, icons_in

    outdir = Path(edition_html.outdir)
    used = set()
    for page in pages(outdir):
        html = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, page.name
        used.update(icons_in(page))
    css = (outdir / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    codes = _icon_codes(css, used)
    assert len(codes) >= 10  # bars, magnifying-glass, sun, moon, expand, list ...
    font = TTFont(next(outdir.rglob("fa-solid-900.woff2")))
    assert codes <= set(font.getBestCmap())
    assert not list(outdir.rglob("fa-brands-400.woff2"))


def test_the_shipped_icon_cut_serves_only_a_font_and_icons_it_was_cut_for():
    from critical_edition.html.icon_font_cut import SHIPPED, _shipped_cut

    record = __import__("json").loads((SHIPPED / "fa-solid-900.woff2.json").read_text(encoding="utf-8"))
    theme_font = next(Path(__import__("pydata_sphinx_theme").__file__).parent.rglob("fa-solid-900.woff2")).read_bytes()
    codes = set(record["codes"])
    assert _shipped_cut("fa-solid-900.woff2", theme_font, codes) == (SHIPPED / "fa-solid-900.woff2").read_bytes()
    assert _shipped_cut("fa-solid-900.woff2", theme_font, codes | {0xF0E0}) is None  # an icon it lacks
    assert _shipped_cut("fa-solid-900.woff2", theme_font + b"\0", codes) is None  # another font


def _search_index(outdir: Path) -> dict:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_cards_words_are_searched_on_their_register_not_on_the_chapter(edition_html, chapter_soup):
    from sphinx.search.en import SearchEnglish

    index = _search_index(edition_html.outdir)
    chapter, glossary = index["docnames"].index("chapter"), index["docnames"].index("glossary")
    stem = SearchEnglish({}).stem

    def stems(text: str, shortest: int = 1) -> set[str]:
        return {stem(word.lower()) for word in re.findall(rf"[A-Za-z]{{{shortest},}}", text)}

    cards = chapter_soup.select(".edition-card")
    for card in cards:
        card.extract()
    card_only = stems(" ".join(card.get_text() for card in cards), 5) - stems(chapter_soup.get_text())
    assert len(card_only) > 50

    def pages_of(word: str) -> set[int]:
        found = index["terms"].get(word, [])
        return set([found] if isinstance(found, int) else found)

    assert {word for word in card_only if chapter in pages_of(word)} == set()
    assert {word for word in card_only if glossary in pages_of(word)}  # the register keeps them
    assert all(chapter in pages_of(word) for word in stems("degeneration proletariat"))


def test_every_page_has_the_navigation_to_every_page(edition_html):
    outdir = Path(edition_html.outdir)
    documents = {path.name for path in outdir.glob("*.html")} - {"search.html", "404.html", "genindex.html"}
    for page in pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        (navigation,) = soup.select("nav.bd-docs-nav")
        linked = {urlsplit(a["href"]).path.rsplit("/", 1)[-1] for a in navigation.select("a[href]")}
        assert documents <= linked | {page.name}, page.name
