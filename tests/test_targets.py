"""Wrapping stand-off spans in a text node: markers and phrases side by side, no text lost or repeated."""

from __future__ import annotations

from docutils import nodes

from critical_edition.text.targets import Span, unit_text, wrap_spans


def _wrapped(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    paragraph = nodes.paragraph("", text)

    def wrap_with(name: str):
        return lambda inner: nodes.inline("", inner, classes=[name])

    built = [Span(start, end, wrap_with(name), 1, "test", name) for start, end, name in spans]
    assert wrap_spans(unit_text(paragraph, ())[1], built) == []
    return [f"[{child['classes'][0]}:{child.astext()}]" if isinstance(child, nodes.inline) else child.astext() for child in paragraph.children]


def test_a_marker_where_a_phrase_begins_stands_before_it_and_the_phrase_is_not_repeated():
    # "honesty: first," - an editors' letter after "honesty" (an empty span) where the emended ": first," begins.
    text = "of honesty: first, the essence"
    start = text.index(":")
    parts = _wrapped(text, [(start, start + len(": first,"), "emended"), (start, start, "letter")])
    assert parts == ["of honesty", "[letter:]", "[emended:: first,]", " the essence"]


def test_phrases_apart_keep_the_text_between_them():
    text = "Stalin and Bukharin"
    assert _wrapped(text, [(0, 6, "a"), (11, 19, "b")]) == ["[a:Stalin]", " and ", "[b:Bukharin]"]
