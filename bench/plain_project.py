"""The plain projects the benchmark compares with: nothing of the edition but its words.

All are Sphinx, myst-parser and sphinx-book-theme. The first is the chapter,
generated from the copy-text: paragraphs, the authors' notes as plain MyST
footnotes. The other two hold every page of the edition (front matter,
chapter, registers) as plain text. The pages project, the baseline of the
headline ratio, takes them from the edition's built HTML: every heading,
paragraph, list item, definition and table cell as one block of MyST, as the
pages show them. The text project takes them from the edition's text build,
whose lines are wrapped at 70 characters: every wrapped line is a soft break,
a node of its own for plain Sphinx, which the edition's sources do not have,
so it makes plain Sphinx look slower than on the same pages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

CONF = '''project = "Plain chapter"
extensions = ["myst_parser"]
html_theme = "sphinx_book_theme"
html_theme_options = {"use_sidenotes": True}
latex_engine = "xelatex"
latex_elements = {"fontpkg": r"\\setmainfont{Noto Serif}"}
'''


def plain_markdown(copy_text: str) -> str:
    """The chapter from the copy-text: paragraphs, notes as footnotes, navigation left out."""
    lines = copy_text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("NO party"))
    notes_start = next(i for i, line in enumerate(lines) if line.startswith("1. Lenin, Speech"))
    nav = next(i for i, line in enumerate(lines) if line.startswith("Chapter VI"))
    body = "\n".join(lines[start:notes_start]).strip()
    body = re.sub(r" \[(\d+)\]", r"[^\1]", body)
    notes = [re.match(r"(\d+)\. (.*)", line) for line in lines[notes_start:nav] if line.strip()]
    definitions = "\n\n".join(f"[^{m.group(1)}]: {m.group(2)}" for m in notes if m)
    return f"# The Party\n\n{body}\n\n{definitions}\n"


def write_plain_project(copy_text_path: Path, target: Path) -> Path:
    """Write the plain project into ``target``; return its source folder."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "conf.py").write_text(CONF, encoding="utf-8")
    (target / "index.md").write_text("# Plain chapter\n\n```{toctree}\nchapter\n```\n", encoding="utf-8")
    (target / "chapter.md").write_text(plain_markdown(copy_text_path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


#: Underline characters of the text builder's headings, by level.
HEADING_LEVELS = {"*": 1, "=": 2, "^": 2, "-": 3, "~": 4, '"': 5}
TABLE_RULE = re.compile(r"^[+|][-=+]+[+|]$")


def plain_page_markdown(text: str) -> str:
    """One page of the edition's text build as plain MyST: headings, paragraphs, lists; table rules dropped."""
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    index = 0
    while index < len(lines):
        line, underline = lines[index], lines[index + 1] if index + 1 < len(lines) else ""
        if line and len(underline) >= 3 and len(set(underline)) == 1 and underline[0] in HEADING_LEVELS:
            out.append("#" * HEADING_LEVELS[underline[0]] + " " + line)
            index += 2
            continue
        if not TABLE_RULE.match(line):
            out.append(line.strip("|").replace(" | ", " ").strip())
        index += 1
    return "\n".join(out) + "\n"


def write_plain_edition_text(edition_conf_dir: Path, edition_source: Path, target: Path) -> Path:
    """Write a plain project of every page of the edition, as text, into ``target``; return it."""
    text_build = target.parent / f"{target.name}-text"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "text", "-c", str(edition_conf_dir), str(edition_source), str(text_build)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pages = {page.stem: plain_page_markdown(page.read_text(encoding="utf-8")) for page in sorted(text_build.glob("*.txt"))}
    return _write_pages_project(target, "Plain edition text", pages)


def _write_pages_project(target: Path, title: str, pages: dict[str, str]) -> Path:
    """A plain project of the edition's pages (by document name), under a start page that lists them all."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "conf.py").write_text(CONF.replace("Plain chapter", title), encoding="utf-8")
    names = []
    for stem, markdown in pages.items():
        name = "home" if stem == "index" else stem
        (target / f"{name}.md").write_text(markdown, encoding="utf-8")
        names.append(name)
    toctree = "\n".join(names)
    (target / "index.md").write_text(f"# {title}\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    return target


#: The blocks of a built page that hold its words, and what each becomes in MyST.
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "pre", "blockquote")
#: What a built page shows beside its text: controls, cards, numbers, scripts.
NOT_TEXT = "script, style, dialog, nav, .headerlink, .edition-card, .edition-cite, .edition-anchor, .edition-anchor-block"


def plain_html_page_markdown(page_html: str) -> str:
    """The article of one built page as plain MyST: each block of text on one line, no markup."""
    soup = BeautifulSoup(page_html, "lxml")
    article = soup.select_one("article") or soup.body
    for element in article.select(NOT_TEXT):
        element.decompose()
    out = []
    for element in article.find_all(BLOCKS):
        if element.find(BLOCKS):  # a container: its inner blocks are written instead
            direct = "".join(t for t in element.find_all(string=True, recursive=False)).strip()
            if not direct:
                continue
        text = " ".join(element.get_text(" ").split())
        if not text:
            continue
        text = text.replace("*", "\\*").replace("`", "\\`").replace("<", "&lt;")
        if element.name[0] == "h" and element.name[1:].isdigit():
            out.append("#" * int(element.name[1]) + " " + text)
        elif element.name == "li":
            out.append("- " + text)
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


def write_plain_edition_pages(html_dir: Path, target: Path) -> Path:
    """A plain project of every page the edition's HTML build wrote, into ``target``; return it."""
    pages = {
        page.stem: plain_html_page_markdown(page.read_text(encoding="utf-8"))
        for page in sorted(html_dir.glob("*.html"))
        if page.stem not in {"search", "genindex"}
    }
    return _write_pages_project(target, "Plain edition pages", pages)
