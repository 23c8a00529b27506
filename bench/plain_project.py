"""The plain project the benchmark compares with: the same chapter, nothing of the edition.

Sphinx, myst-parser and sphinx-book-theme, the text as paragraphs and the
authors' notes as plain MyST footnotes, generated from the copy-text.
"""

from __future__ import annotations

import re
from pathlib import Path

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
