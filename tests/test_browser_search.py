"""Search in Chromium: results by paragraph, with the text's own words, leading to the paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, require_browser, serve
from conftest import IN_CI, MINISEARCH

pytestmark = pytest.mark.browser

# Words of the glossary card on Uyezd, of the margin number and of the Cite button: never in a snippet.
CARD_WORDS = "A county-level administrative district"


@pytest.fixture(scope="module")
def browser_and_site(edition_html):
    require_browser()
    if not MINISEARCH.exists():
        if IN_CI:
            pytest.fail("CI must have MiniSearch: make tools")
        pytest.skip("needs MiniSearch (make tools)")
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        yield browser, base_url, Path(edition_html.outdir)


def results(page) -> list[dict[str, str]]:
    page.wait_for_selector("#search-results li")
    return page.eval_on_selector_all(
        "#search-results li",
        """items => items.map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            label: li.querySelector('a').innerText,
            snippet: li.querySelector('.context').innerText,
            marks: Array.from(li.querySelectorAll('.context mark')).map(m => m.innerText),
        }))""",
    )


def lands_on_paragraph(page, fragment: str) -> None:
    """The paragraph is the target, below the fixed header, in view, with the word highlighted."""
    page.wait_for_function(f"window.location.hash === '#{fragment}'")
    page.wait_for_selector(f"[id='{fragment}'] span.highlighted")
    place = page.evaluate(
        f"""() => {{
            const p = document.getElementById('{fragment}');
            const header = document.querySelector('.bd-header-article');
            const box = p.getBoundingClientRect();
            return {{top: box.top, bottom: box.bottom, headerBottom: header.getBoundingClientRect().bottom,
                     height: window.innerHeight, target: p.matches(':target'),
                     background: getComputedStyle(p).backgroundColor,
                     marked: Array.from(p.querySelectorAll('span.highlighted')).map(s => s.innerText)}};
        }}"""
    )
    assert place["target"]
    assert place["headerBottom"] <= place["top"] < place["height"]
    assert place["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "Uyezd" in place["marked"]


@pytest.mark.parametrize("over", ["http", "file"])
def test_a_search_for_uyezd_leads_to_paragraph_7_2_1(browser_and_site, over):
    browser, base_url, outdir = browser_and_site
    base = base_url if over == "http" else (outdir.resolve().as_uri() + "/")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "search.html?q=Uyezd")
    found = results(page)
    chapter = [r for r in found if r["href"].startswith("chapter.html")]
    assert [r["href"].split("#")[1] for r in chapter][:1] == ["p7.2.1"]
    first = chapter[0]
    assert first["label"].startswith("7.2.1")
    assert "In the Uyezd (county) committees, 29.5 per cent are peasants" in first["snippet"]
    assert CARD_WORDS not in first["snippet"] and "Cite" not in first["snippet"]
    assert not first["snippet"].lstrip("… ").startswith("7.2.1")
    assert first["marks"] and {m.lower() for m in first["marks"]} == {"uyezd"}
    for result in found:
        assert CARD_WORDS not in result["snippet"]
    page.click("#search-results a[href*='#p7.2.1']")
    lands_on_paragraph(page, "p7.2.1")
    assert errors == []


def test_the_search_field_is_one_and_the_magnifier_leaves_the_query_clear(browser_and_site):
    browser, base_url, _ = browser_and_site
    for width in (1400, 375):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(base_url + "chapter.html")
        visible = page.eval_on_selector_all(
            ".search-button-field, .search-button, form.bd-search",
            "els => els.filter(e => e.offsetParent !== null && !e.closest('dialog')).length",
        )
        assert visible == 1, width
        page.goto(base_url + "search.html?q=Uyezd")
        clear = page.evaluate(
            """() => {
                const form = document.querySelector('.bd-search-container form.bd-search');
                const icon = form.querySelector('.fa-magnifying-glass').getBoundingClientRect();
                const input = form.querySelector('input');
                const text = input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft);
                return {iconRight: icon.right, textLeft: text, value: input.value};
            }"""
        )
        assert clear["value"] == "Uyezd"
        assert clear["iconRight"] <= clear["textLeft"], width
