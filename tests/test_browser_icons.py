"""Every icon the pages draw is drawn from the site's icon font, never from a fallback's empty box."""

from __future__ import annotations

import pytest
from browser import chromium, require_browser, serve

pytestmark = pytest.mark.browser

# Marks each element whose ::before or ::after draws an icon (a Font Awesome family and some content).
MARK_ICONS = """() => {
    let n = 0;
    const found = [];
    document.querySelectorAll('body *').forEach(element => {
        for (const pseudo of ['::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            const content = style.content;
            if (!/Font Awesome/.test(style.fontFamily) || !content || content === 'none' || content === 'normal') continue;
            if (!element.checkVisibility()) continue;
            element.setAttribute('data-icon-test', String(n++));
            found.push({n: n - 1, pseudo: pseudo, family: style.fontFamily, html: element.outerHTML.slice(0, 100)});
        }
    });
    return found;
}"""


def rendered_fonts(page, cdp) -> list[tuple[str, list[dict]]]:
    """For each icon shown, the fonts Chromium drew its pseudo-element with."""
    icons = page.evaluate(MARK_ICONS)
    document = cdp.send("DOM.getDocument", {"depth": 0})
    drawn = []
    for icon in icons:
        node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": f"[data-icon-test='{icon['n']}']"})
        described = cdp.send("DOM.describeNode", {"nodeId": node["nodeId"], "depth": 1})["node"]
        kind = icon["pseudo"].strip(":")
        pseudo = next(p for p in described.get("pseudoElements", []) if p["pseudoType"] == kind)
        pushed = cdp.send("DOM.pushNodesByBackendIdsToFrontend", {"backendNodeIds": [pseudo["backendNodeId"]]})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": pushed["nodeIds"][0]})["fonts"]
        drawn.append((icon["html"], fonts))
    return drawn


@pytest.mark.parametrize("width", [1400, 375])
def test_each_icon_on_the_pages_has_its_glyph(edition_html, width):
    require_browser()
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        checked = 0
        missing = []
        for name in ("chapter.html", "index.html", "search.html?q=party"):
            page.goto(base_url + name)
            page.evaluate("document.fonts.ready.then(() => true)")
            for html, fonts in rendered_fonts(page, cdp):
                checked += 1
                if not fonts or not all(font["isCustomFont"] for font in fonts):
                    missing.append((name, html, [font["familyName"] for font in fonts]))
        assert checked >= 6
        assert missing == []
        if width == 1400:
            # The "Contents" heading's arrow, asked for in Font Awesome 6's family.
            page.goto(base_url + "chapter.html")
            page.evaluate("document.fonts.ready.then(() => true)")
            arrow = [fonts for html, fonts in rendered_fonts(page, cdp) if "onthispage" in html]
            assert arrow and all(font["isCustomFont"] for font in arrow[0])
