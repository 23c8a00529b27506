"""In a real browser: the cite dialog by keyboard alone, copying to the clipboard, fragments highlighted."""

from __future__ import annotations

import pytest
from browser import chromium, require_browser, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(edition_html):
    require_browser()
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        yield base_url, browser


@pytest.fixture()
def page(site):
    base_url, browser = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    yield base_url, page
    context.close()


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e ? (e.className + '|' + (e.dataset.anchor || e.dataset.form || '')) : '' }"
    )


def test_cite_dialog_by_keyboard_copies_the_citation(page):
    base_url, page = page
    page.goto(base_url + "chapter.html")
    for _ in range(1500):  # Tab through the page to the control of 7.4.2, as a keyboard user would
        page.keyboard.press("Tab")
        if focused(page) == "edition-cite|7.4.2":
            break
    assert focused(page) == "edition-cite|7.4.2"
    page.keyboard.press("Enter")
    assert page.locator("dialog#edition-cite-dialog[open]").count() == 1
    assert page.locator(".edition-cite-anchor").inner_text() == "7.4.2"

    assert focused(page) == "edition-copy|permalink"
    page.keyboard.press("Enter")
    permalink = page.evaluate("navigator.clipboard.readText()")
    assert permalink == "https://edition.invalid/platform-1927-ch07/chapter.html#p7.4.2"

    for _ in range(6):
        page.keyboard.press("Tab")
        if focused(page) == "edition-copy|chicago-note":
            break
    assert focused(page) == "edition-copy|chicago-note"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.edition-cite-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "7.4.2" in copied and permalink in copied
    assert copied.startswith("Joint Opposition, “The Party”")

    page.keyboard.press("Escape")
    assert page.locator("dialog#edition-cite-dialog[open]").count() == 0
    assert focused(page) == "edition-cite|7.4.2"


def test_a_fragment_highlights_its_paragraph_below_the_header(page):
    base_url, page = page
    page.goto(base_url + "chapter.html#p7.P3.1")
    target = page.locator("#p7\\.P3\\.1")
    assert page.evaluate("document.querySelector(':target').id") == "p7.P3.1"
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    header_bottom = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
    top = target.evaluate("e => e.getBoundingClientRect().top")
    assert header_bottom <= top < 900


def test_an_old_anchor_leads_to_its_paragraph(site, make_root):
    _, browser = site
    app = make_root("basic", confoverrides={"edition_anchor_aliases": {"1.9.9": "1.1.1"}})
    app.build()
    with serve(app.outdir) as base_url:
        page = browser.new_page()
        page.goto(base_url + "index.html#p1.9.9")
        page.wait_for_function("window.location.hash === '#p1.1.1'")
        assert page.evaluate("document.querySelector(':target').id") == "p1.1.1"
        page.close()
