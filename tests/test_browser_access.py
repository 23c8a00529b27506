"""Accessibility in a real browser: axe-core finds no WCAG 2.1 A/AA violation; notes and cards work by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, require_browser, serve
from conftest import IN_CI, PROJECT

pytestmark = pytest.mark.browser

AXE = PROJECT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"


@pytest.fixture(scope="module")
def site(edition_html):
    require_browser()
    if not AXE.exists():
        if IN_CI:
            pytest.fail("CI must have axe-core: make tools")
        pytest.skip("needs axe-core (make tools)")
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        yield base_url, browser


def violations(page) -> list[tuple[str, str]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(f"axe.run(document, {WCAG})")
    return [(v["id"], node["html"][:120]) for v in result["violations"] for node in v["nodes"]]


def site_pages(outdir: Path) -> list[str]:
    return sorted(p.name for p in outdir.glob("*.html") if p.name not in {"genindex.html", "search.html"})


def test_no_page_has_an_accessibility_violation(site, edition_html):
    base_url, browser = site
    page = browser.new_page()
    found = {}
    for name in site_pages(Path(edition_html.outdir)):
        page.goto(base_url + name)
        found[name] = violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_open_dialog_and_a_shown_card_have_no_violation(site):
    base_url, browser = site
    page = browser.new_page()
    page.goto(base_url + "chapter.html")
    page.locator("button.edition-cite[data-anchor='7.4.2']").click()
    assert violations(page) == []
    page.keyboard.press("Escape")
    # Closing gives focus back to the control that opened the dialog; wait for that before moving on.
    page.wait_for_function("document.activeElement && document.activeElement.dataset.anchor === '7.4.2'")
    page.locator(".edition-emendation").first.focus()
    assert page.locator(".edition-emendation:focus > .edition-card").is_visible()
    assert violations(page) == []


def test_notes_and_cards_by_keyboard_with_visible_focus(site):
    base_url, browser = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "chapter.html")
    # The marker of note 1 is a link to the note; Enter on it moves there, and the note links back.
    marker = page.locator("#authors-note-ref-1 a")
    marker.focus()
    outline = marker.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("window.location.hash") == "#authors-note-1"
    back = page.locator("#authors-note-1 a.edition-backref")
    back.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.location.hash") == "#authors-note-ref-1"
    # An emendation takes keyboard focus and shows the copy-text's reading.
    emendation = page.locator(".edition-emendation").first
    emendation.focus()
    card = page.locator(".edition-emendation:focus > .edition-card")
    assert card.is_visible() and card.inner_text().startswith("The copy-text reads:")
