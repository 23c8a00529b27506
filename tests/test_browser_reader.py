"""The chapter page in Chromium: cards on every screen, hostile addresses, the reading view."""

from __future__ import annotations

import pytest
from browser import chromium, require_browser, serve

pytestmark = pytest.mark.browser

CITE_BUTTONS = 69


@pytest.fixture(scope="module")
def site(edition_html):
    require_browser()
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        yield browser, base_url


# Each card shown as a keyboard user shows it (focus on its link), its box against the viewport's.
CARD_BOXES = """() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    document.querySelectorAll('.edition-mention > a, .edition-emendation').forEach(target => {
        if (!target.checkVisibility()) return;  // in a note the screen's width leaves folded
        target.focus();
        const card = target.closest('.edition-mention, .edition-emendation').querySelector(':scope > .edition-card');
        const box = card.getBoundingClientRect();
        out.push({id: card.id, left: box.left, right: box.right, width: width, shown: box.width > 0});
        target.blur();
    });
    return out;
}"""


@pytest.mark.parametrize("width", [320, 375, 1400])
def test_every_card_stays_inside_the_viewport(site, width):
    browser, base_url = site
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + "chapter.html")
    boxes = page.evaluate(CARD_BOXES)
    assert len(boxes) > 150
    assert [b["id"] for b in boxes if not b["shown"]] == []
    outside = [(b["id"], round(b["left"]), round(b["right"])) for b in boxes if b["left"] < 0 or b["right"] > b["width"]]
    assert outside == []


def test_cards_are_tied_to_their_link_dismissed_by_escape_and_kept_under_the_pointer(site):
    browser, base_url = site
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base_url + "chapter.html")
    untied = page.evaluate(
        """() => Array.from(document.querySelectorAll('.edition-mention > a, .edition-emendation')).filter(link => {
            const card = link.closest('.edition-mention, .edition-emendation').querySelector(':scope > .edition-card');
            return link.getAttribute('aria-describedby') !== card.id;
        }).length"""
    )
    assert untied == 0
    link = page.locator("#p7\\.2\\.1 .edition-mention > a").first
    card = page.locator("#p7\\.2\\.1 .edition-mention").first.locator("> .edition-card")
    link.focus()
    assert card.is_visible()
    page.keyboard.press("Escape")
    assert not card.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == card.get_attribute("id")
    page.keyboard.press("Tab")
    link.focus()
    assert card.is_visible()
    # The pointer moves from the link down onto the card, and the card stays.
    link.blur()
    link.hover()
    assert card.is_visible()
    box = card.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 2, steps=5)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 2, steps=5)
    assert card.is_visible()
    page.mouse.move(1, 790)
    assert not card.is_visible()


@pytest.mark.parametrize(
    "fragment",
    ["%", "%E0%A4%A", "constructor", "__proto__", "p" + "x" * 10_000, "", "%00", "p7.2.1%", "toString"],
    ids=["percent", "broken-utf8", "constructor", "proto", "long", "empty", "nul", "trailing", "toString"],
)
def test_a_hostile_address_leaves_the_page_working(site, fragment):
    browser, base_url = site
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
    page.goto(base_url + "chapter.html#" + fragment)
    page.wait_for_load_state("load")
    assert page.locator("button.edition-cite:visible").count() == CITE_BUTTONS
    assert "function" not in page.evaluate("window.location.hash")
    assert errors == []
    page.locator("button.edition-cite[data-anchor='7.4.2']").click()
    assert page.locator("#edition-cite-dialog").is_visible()


def test_the_reading_view_is_a_remembered_switch_reached_by_keyboard(site):
    browser, base_url = site
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(base_url + "chapter.html")
    switch = page.locator("button.edition-reading-switch")
    assert switch.get_attribute("aria-pressed") == "false"
    for _ in range(40):  # reached with the Tab key from the top of the page
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('edition-reading-switch')"):
            break
    else:
        pytest.fail("the reading view's switch is not reached by Tab")
    marks = "#p7\\.2\\.1 .edition-cite, #authors-note-ref-4, #authors-note-4, #editorial-note-ref-a, #editorial-note-a"
    assert page.locator(marks).evaluate_all("els => els.filter(e => e.checkVisibility()).length") == 5
    page.keyboard.press("Enter")
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.locator(marks).evaluate_all("els => els.filter(e => e.checkVisibility()).length") == 0
    mention = page.locator("#p7\\.2\\.1 .edition-mention > a").first
    style = mention.evaluate("a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).color === getComputedStyle(a.closest('p')).color]")
    assert style == ["none", True]
    emendation = page.locator("#p7\\.2\\.1 .edition-emendation")
    assert emendation.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert emendation.get_attribute("tabindex") == "-1"
    # The paragraph numbers and the text stay.
    assert page.locator("#p7\\.2\\.1 > a.edition-anchor").is_visible()
    assert "In the Uyezd (county) committees" in page.locator("#p7\\.2\\.1").inner_text()
    page.reload()
    assert page.locator("button.edition-reading-switch").get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.classList.contains('edition-reading')")
    page.locator("button.edition-reading-switch").click()
    page.reload()
    assert page.locator("button.edition-reading-switch").get_attribute("aria-pressed") == "false"
    assert page.locator(marks).evaluate_all("els => els.filter(e => e.checkVisibility()).length") == 5
    context.close()
