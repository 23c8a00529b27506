"""The reading text as a reader sees it, and the copy-text it must equal."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

#: What the edition adds around the authors' text: margin numbers, note markers and notes.
NOT_THE_TEXT = [
    "a.edition-anchor",
    "div.edition-anchor-block",
    "a.headerlink",
    "label.margin-toggle",
    "input.margin-toggle",
    "span.sidenote",
    "a.footnote-reference",
    "aside.footnote-list",
    "span.edition-card",
    "span.edition-note-works",
    "button.edition-cite",
    "dialog",
    "nav.edition-neighbours",
    "figure.edition-chart",
    "script",
]

NOTE_LINE = re.compile(r"^(\d+)\. (.*)$")


def reading_tokens(soup: BeautifulSoup) -> list[str]:
    """The words and punctuation of the chapter page's text, in order."""
    article = soup.select_one("article.bd-article")
    article = BeautifulSoup(str(article), "lxml")
    for selector in NOT_THE_TEXT:
        for element in article.select(selector):
            element.decompose()
    for ordered in article.select("ol"):
        for number, item in enumerate(ordered.find_all("li", recursive=False), start=ordered.get("start", 1)):
            item.insert(0, f"{number}. ")
    for block in article.select("p, li, td, th, h1, h2, h3, blockquote, div"):
        block.append(" ")
    return article.get_text("").split()


def copy_text_parts(path: Path) -> tuple[str, dict[int, str]]:
    """The copy-text's body (from its first paragraph to its notes) and its notes."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("NO party"))
    notes_start = next(i for i, line in enumerate(lines) if line.startswith("1. Lenin, Speech"))
    notes = {}
    for line in lines[notes_start:]:
        match = NOTE_LINE.match(line)
        if match:
            notes[int(match.group(1))] = match.group(2)
    return "\n".join(lines[start:notes_start]), notes


def textual_changes(data_dir: Path, in_notes: bool = False) -> list[dict]:
    """The textual notes that change words or punctuation (not paragraphing), of the text or of the notes."""
    path = data_dir / "textual.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    return [
        record
        for record in records or []
        if record["kind"] != "structure" and ("note" in record["target"]) == in_notes
    ]


def notes_as_edited(notes: dict[int, str], changes: list[dict]) -> dict[int, str]:
    """The authors' notes with each recorded change applied, exactly once."""
    edited = dict(notes)
    for change in changes:
        number = change["target"]["note"]
        assert edited[number].count(change["copy_text"]) == 1, change["id"]
        edited[number] = edited[number].replace(change["copy_text"], change["adopted"])
    return edited


def expected_tokens(body: str, changes: list[dict]) -> list[str]:
    """The copy-text's words with each recorded change applied, and the note markers left out."""
    for change in changes:
        occurrences = body.count(change["copy_text"])
        assert occurrences == 1, (
            f"textual note {change['id']}: the copy-text reading {change['copy_text']!r} "
            f"occurs {occurrences} times in the copy-text"
        )
        body = body.replace(change["copy_text"], change["adopted"])
    body = re.sub(r"\s*\[\d+\]", "", body)
    return body.split()
