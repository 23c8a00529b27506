"""Stand-off targets: a paragraph anchor and an exact phrase in it.

Records point into the text the way a W3C Web Annotation TextQuoteSelector
does, so that the text stays clean; a phrase that matches nothing, or more
than one place without saying which, is an error the editor must resolve.
Names and terms are found by their forms, as whole words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from docutils import nodes

from ..data.records import Target


class Piece(NamedTuple):
    """Where one text node stands in its unit's text."""

    #: Offset of the node's first character.
    start: int
    #: The text node.
    node: nodes.Text


class Span(NamedTuple):
    """A range of a unit's text to wrap, and how."""

    #: First character.
    start: int
    #: One past the last character.
    end: int
    #: Builds the wrapping node around the text it is given.
    wrap: Callable[[str], nodes.Node]
    #: Ranges with a higher rank win overlaps (textual notes over names).
    rank: int
    #: The kind of record the range shows.
    kind: str
    #: The record's id.
    record: str


def clean(text: str) -> str:
    """NFC, and every white-space character a plain space (lengths kept)."""
    return re.sub(r"\s", " ", unicodedata.normalize("NFC", text))


def unit_text(unit: nodes.Element, skip: tuple[type, ...]) -> tuple[str, list[Piece]]:
    """The text of a unit and where each of its text nodes stands in it."""
    parts: list[str] = []
    pieces: list[Piece] = []
    offset = 0

    def collect(current: nodes.Node) -> None:
        nonlocal offset
        if isinstance(current, skip):
            return
        if isinstance(current, nodes.Text):
            text = clean(str(current))
            pieces.append(Piece(offset, current))
            parts.append(text)
            offset += len(text)
        elif isinstance(current, nodes.Element):
            for child in current.children:
                collect(child)
            if isinstance(current, (nodes.paragraph, nodes.entry, nodes.list_item)):
                parts.append(" ")
                offset += 1

    collect(unit)
    return "".join(parts), pieces


def _occurrences(text: str, phrase: str) -> list[int]:
    """Start offsets of every occurrence of ``phrase`` in ``text``."""
    starts, start = [], text.find(phrase)
    while start != -1:
        starts.append(start)
        start = text.find(phrase, start + 1)
    return starts


def locate(target: Target, texts: dict[str, str]) -> tuple[int | None, str | None]:
    """The offset of a target in its unit's text, or why it has none."""
    text = texts.get(target.anchor)
    if text is None:
        return None, f"anchor {target.anchor} is not in the reading text"
    phrase = clean(target.phrase)
    starts = _occurrences(text, phrase)
    if not starts:
        return None, f"the phrase {phrase!r} is not in paragraph {target.anchor}"
    if target.occurrence is None:
        if len(starts) > 1:
            return None, (
                f"the phrase {phrase!r} occurs {len(starts)} times in paragraph {target.anchor}; "
                "give its occurrence"
            )
        return starts[0], None
    if target.occurrence > len(starts):
        return None, (
            f"occurrence {target.occurrence} of {phrase!r} asked for, but paragraph "
            f"{target.anchor} has {len(starts)}"
        )
    return starts[target.occurrence - 1], None


def form_matches(text: str, form: str) -> list[int]:
    """Where a name or term stands in a text as whole words."""
    cleaned, pattern = _form_pattern(form)
    if cleaned not in text:  # most forms are absent from most units: no need to search word by word
        return []
    return [match.start() for match in pattern.finditer(text)]


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> tuple[str, re.Pattern[str]]:
    """A form, cleaned, and as a whole-word pattern, made once: every unit is searched for every form."""
    cleaned = clean(form)
    return cleaned, re.compile(rf"(?<![\w-]){re.escape(cleaned)}(?![\w-])")


def non_overlapping(spans: Iterable[Span]) -> list[Span]:
    """Keep the highest-ranked, then the longest, then the first; drop what overlaps them."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-s.rank, -(s.end - s.start), s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def wrap_spans(pieces: list[Piece], spans: list[Span]) -> list[Span]:
    """Wrap each span's text in its node; return the spans that cross markup (not wrapped)."""
    crossing = []
    by_piece: dict[int, list[Span]] = {}
    for span in spans:
        index = next(
            (i for i, piece in enumerate(pieces) if piece.start <= span.start and span.end <= piece.start + len(piece.node)),
            None,
        )
        if index is None:
            crossing.append(span)
        else:
            by_piece.setdefault(index, []).append(span)
    for index, piece_spans in by_piece.items():
        piece = pieces[index]
        text = str(piece.node)
        replacement: list[nodes.Node] = []
        cursor = 0
        # a marker (an empty span) at the start of a wrapped phrase goes before it
        for span in sorted(piece_spans, key=lambda s: (s.start, s.end)):
            start, end = span.start - piece.start, span.end - piece.start
            if start > cursor:
                replacement.append(nodes.Text(text[cursor:start]))
            replacement.append(span.wrap(text[start:end]))
            cursor = max(cursor, end)
        if cursor < len(text):
            replacement.append(nodes.Text(text[cursor:]))
        piece.node.parent.replace(piece.node, replacement)
    return crossing
