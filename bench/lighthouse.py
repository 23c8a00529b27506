"""Lighthouse's mobile preset on a built page served from loopback, with gzip or without.

Lighthouse comes from the npm registry (`make tools`, pinned in the Makefile) and
drives Debian's chromium. A site is served by a small HTTP server that compresses
what it sends when asked to, as most hosts do, or sends it as it is, as some do.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / ".tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class Handler(SimpleHTTPRequestHandler):
    """Files as they are, or gzip-compressed when the server is told to and the client accepts it."""

    compress = False

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not (self.compress and path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


@contextmanager
def serve(directory: Path, compress: bool) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields its base URL."""
    handler = functools.partial(type("SiteHandler", (Handler,), {"compress": compress}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def available() -> bool:
    return LIGHTHOUSE.exists() and CHROMIUM is not None


def audit(url: str) -> dict:
    """Lighthouse's report (its JSON) for ``url``, with its default, mobile, settings."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        report = Path(work, "report.json")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        flags = "--headless=new --no-sandbox --disable-background-networking --disable-gpu --disable-component-update"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}", f"--user-data-dir={work}/profile"],
            check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300,
        )
        return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, float]:
    """The four category scores (0 to 100) and the largest paint (s) and transfer (KB) of a report."""
    result = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    result["largest paint (s)"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    result["transferred (KB)"] = audits["total-byte-weight"]["numericValue"] / 1000
    return result


def failing(report: dict) -> list[str]:
    """The audits of the four categories that did not pass, for a failure's message."""
    weighted = {ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"] if ref.get("weight")}
    return sorted(
        f"{key}: {audit.get('displayValue', '')} {audit.get('title', '')}".strip()
        for key, audit in report["audits"].items()
        if key in weighted and audit.get("score") is not None and audit["score"] < 0.9
    )


def measure(site: Path, page: str) -> dict[str, dict[str, float]]:
    """Lighthouse's figures for one page of a built site, served with gzip and without."""
    figures = {}
    for compress, label in ((True, "gzip"), (False, "uncompressed")):
        with serve(site, compress) as base_url:
            figures[label] = scores(audit(base_url + page))
    return figures
