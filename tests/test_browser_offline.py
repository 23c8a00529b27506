"""Offline and private: with every request beyond the loopback blocked, no page asks for anything."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import chromium, require_browser, serve

pytestmark = pytest.mark.browser


def test_no_page_requests_anything_beyond_localhost(edition_html):
    require_browser()
    blocked: list[str] = []
    with serve(edition_html.outdir) as base_url, chromium() as browser:
        context = browser.new_context()

        def route(route_request):
            if urlsplit(route_request.request.url).hostname in {"127.0.0.1", "localhost"}:
                route_request.continue_()
            else:
                blocked.append(route_request.request.url)
                route_request.abort()

        context.route("**/*", route)
        page = context.new_page()
        names = sorted(p.name for p in Path(edition_html.outdir).glob("*.html"))
        for name in names:
            page.goto(base_url + name, wait_until="networkidle")
        context.close()
    assert len(names) > 8
    assert blocked == []
