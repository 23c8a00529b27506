"""Every Web Annotation of the export anchors in the built chapter page, as an annotation client anchors it.

Apache Annotator's text-quote matcher (from npm, bundled by ``make tools``)
searches the chapter's text for each selector: it must find it exactly once,
and inside the paragraph the selector's fragment names. The text is the
reading text, so the edition's additions (margin numbers, note markers, notes,
cards, the cite controls) are taken out of the page first.
"""

from __future__ import annotations

import json

import pytest
from browser import chromium, require_browser, serve
from conftest import IN_CI, PROJECT
from reading_text import NOT_THE_TEXT

pytestmark = pytest.mark.browser

ANNOTATOR = PROJECT / ".tools" / "annotator.js"

ANCHOR_ALL = """
async ({selectors, additions}) => {
  for (const selector of additions) document.querySelectorAll(selector).forEach((e) => e.remove());
  const scope = document.querySelector("article.bd-article");
  const results = [];
  for (const {id, fragment, quote} of selectors) {
    const paragraph = document.getElementById(fragment);
    const found = [];
    for await (const range of Annotator.createTextQuoteSelectorMatcher(quote)(scope)) {
      found.push({text: range.toString(), inside: paragraph !== null && paragraph.contains(range.commonAncestorContainer)});
    }
    results.push({id, fragment, exact: quote.exact, found});
  }
  return results;
}
"""


def _selectors(collection: dict) -> list[dict]:
    selectors = []
    for item in collection["first"]["items"]:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            fragment = target["selector"]
            quote = {k: v for k, v in fragment["refinedBy"].items() if k != "type"}
            selectors.append({"id": item["id"], "fragment": fragment["value"], "quote": {"type": "TextQuoteSelector", **quote}})
    return selectors


def test_every_selector_is_found_once_inside_its_paragraph(edition_html):
    require_browser()
    if not ANNOTATOR.exists():
        if IN_CI:
            pytest.fail("CI must have the annotation matcher: make tools")
        pytest.skip("needs Apache Annotator (make tools)")
    collection = json.loads(
        (edition_html.outdir / "data" / "platform-1927-ch07-the-party.annotations.jsonld").read_text(encoding="utf-8")
    )
    assert len(collection["first"]["items"]) >= 50
    selectors = _selectors(collection)
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        page = browser.new_page()
        page.goto(base_url + "chapter.html")
        page.add_script_tag(path=str(ANNOTATOR))
        results = page.evaluate(ANCHOR_ALL, {"selectors": selectors, "additions": NOT_THE_TEXT})
        page.close()
    assert len(results) == len(selectors)
    wrong = [
        (r["id"], r["fragment"], r["exact"], [(f["text"], f["inside"]) for f in r["found"]])
        for r in results
        if len(r["found"]) != 1 or not r["found"][0]["inside"] or r["found"][0]["text"] != r["exact"]
    ]
    assert not wrong, wrong[:10]
