"""Stand-off targets: a paragraph anchor and an exact phrase in it.

Records point into the text the way a W3C Web Annotation TextQuoteSelector
does, so that the text stays clean; a phrase that matches nothing, or more
than one place without saying which, is an error the editor must resolve.
"""

from __future__ import annotations

import unicodedata

from .records import Target


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
    phrase = " ".join(unicodedata.normalize("NFC", target.phrase).split())
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
