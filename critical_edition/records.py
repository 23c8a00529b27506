"""The kinds of apparatus record, as the rest of the extension sees them.

Each record keeps the ``file:line`` it came from, so that any later check
(an unknown id, a target that matches nothing) can name the place to edit.
"""

from __future__ import annotations

from typing import NamedTuple


class Citation(NamedTuple):
    """A work cited by a note, with the place in it."""

    #: Id of the work in the bibliography.
    work: str
    #: Volume, as the note gives it (e.g. ``XVII``).
    volume: str | None
    #: Page or pages.
    page: str | None
    #: Issue numbers of a periodical.
    issue: str | None
    #: Date of a newspaper issue or a document.
    date: str | None
    #: The note whose citation this one repeats ("Idem."), if any.
    same_as_note: int | None


class AuthorsNote(NamedTuple):
    """One of the authors' own numbered notes."""

    #: The authors' number, as printed.
    number: int
    #: The note's text exactly as in the copy-text.
    text: str
    #: The works the note cites.
    cites: tuple[Citation, ...]
    #: ``file:line`` of the record.
    location: str


class BibliographyEntry(NamedTuple):
    """A work cited by the authors or by the editors, in CSL-JSON terms."""

    #: The id records cite it by.
    id: str
    #: The CSL-JSON item (``type``, ``title``, ``author``, ``issued`` ...).
    csl: dict
    #: ``file:line`` of the record.
    location: str


class Target(NamedTuple):
    """A place in the reading text: a paragraph anchor and an exact phrase."""

    #: The paragraph anchor, e.g. ``7.4.2``.
    anchor: str
    #: The exact phrase, as it stands in the reading text.
    phrase: str
    #: Which occurrence of the phrase in the paragraph, from 1; ``None``: the only one.
    occurrence: int | None


class TextualNote(NamedTuple):
    """One entry of the textual apparatus: where the reading text departs from the copy-text."""

    #: The record's id.
    id: str
    #: Where the adopted reading stands in the reading text.
    target: Target
    #: The reading the edition adopts.
    adopted: str
    #: The copy-text's reading.
    copy_text: str
    #: The kind of intervention (emendation, punctuation, structure ...).
    kind: str
    #: Why the change was made.
    reason: str
    #: ``file:line`` of the record.
    location: str
