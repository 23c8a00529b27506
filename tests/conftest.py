"""Fixtures: Sphinx's own test fixtures, the edition built once, small roots."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytest_plugins = "sphinx.testing.fixtures"

PROJECT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
COPY_TEXT = PROJECT / "copy-text" / "platform-1927-ch07-the-party.txt"
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``pdf`` or ``browser`` skips without its tools, except in CI, where it fails."""
    from browser import CHROMIUM
    from pdf import missing_pdf_tools

    lacking = []
    if item.get_closest_marker("pdf"):
        lacking += missing_pdf_tools()
    if item.get_closest_marker("browser") and CHROMIUM is None:
        lacking.append("chromium")
    if lacking:
        if IN_CI:
            pytest.fail(f"CI must have {', '.join(lacking)}")
        pytest.skip(f"needs {', '.join(lacking)}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def _edition_srcdir(tmp: Path) -> Path:
    """A copy of the edition's sources with its conf.py, as Sphinx's test app wants them."""
    srcdir = tmp / "edition"
    shutil.copytree(PROJECT / "source", srcdir)
    shutil.copy(PROJECT / "conf.py", srcdir / "conf.py")
    return srcdir


#: The tests build the edition as it is published: under a base address (a reserved name).
EDITION_BASEURL = "https://edition.invalid/platform-1927-ch07/"
MINISEARCH = PROJECT / ".tools" / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"

EDITION_OVERRIDES = {
    "html_baseurl": EDITION_BASEURL,
    "notfound_urls_prefix": "/platform-1927-ch07/",
    "edition_data_dir": str(PROJECT / "footnotes"),
    "edition_anchor_manifest": str(PROJECT / "source" / "anchor-manifest.json"),
    "edition_copy_text": str(COPY_TEXT),
    # Without npm (make tools) the edition keeps the theme's search; CI must have it.
    "edition_search_library": str(MINISEARCH) if MINISEARCH.exists() or IN_CI else "",
    "html_favicon": str(PROJECT / "source" / "_static" / "favicon.svg"),
}


def build_edition(tmp: Path, buildername: str, **overrides) -> SphinxTestApp:
    """Build the whole edition with one builder; the caller checks the warnings."""
    app = SphinxTestApp(
        buildername,
        srcdir=_edition_srcdir(tmp),
        confoverrides={**EDITION_OVERRIDES, **overrides},
    )
    app.build()
    app.cleanup()  # the output stays; the next app must not inherit this one's node registry
    return app


@pytest.fixture(scope="session")
def edition_html(tmp_path_factory) -> SphinxTestApp:
    """The edition built to HTML once for the whole session."""
    return build_edition(tmp_path_factory.mktemp("html"), "html")


@pytest.fixture(scope="session")
def edition_latex(tmp_path_factory) -> SphinxTestApp:
    """The edition built to LaTeX once for the whole session."""
    return build_edition(tmp_path_factory.mktemp("latex"), "latex")


@pytest.fixture(scope="session")
def chapter_soup(edition_html) -> BeautifulSoup:
    """The chapter page, parsed."""
    html = (edition_html.outdir / "chapter.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "lxml")


@pytest.fixture()
def make_root(tmp_path, make_app):
    """Build a small test root (the schemas ship with the extension: a root needs no copy)."""

    def build(
        name: str, buildername: str = "html", files: dict[str, str | bytes] | None = None, **kwargs
    ) -> SphinxTestApp:
        """Copy root ``name``, replace the ``files`` given (path: content), make the app."""
        srcdir = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", srcdir, dirs_exist_ok=True)
        (srcdir / "footnotes").mkdir(exist_ok=True)
        for path, content in (files or {}).items():
            target = srcdir / path
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return make_app(buildername, srcdir=srcdir, **kwargs)

    return build
