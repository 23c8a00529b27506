"""The kinds of apparatus record, as the rest of the extension sees them.

Each record keeps the ``file:line`` it came from, so that any later check
(an unknown id, a target that matches nothing) can name the place to edit.
Each knows how to build itself from its (already schema-valid) YAML mapping.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..diagnostics import Finding, Problem


class Source(NamedTuple):
    """Where an editorial statement comes from: a work in the bibliography."""

    #: Id of the work in the bibliography.
    work: str
    #: Page, section or entry within it.
    locator: str | None
    #: Which statements of the record it supports.
    supports: str | None

    @classmethod
    def all_from_yaml(cls, raw: dict[str, Any]) -> tuple[Source, ...]:
        return tuple(cls(s["work"], s.get("locator"), s.get("supports")) for s in raw.get("sources", []))


class Target(NamedTuple):
    """A place in the reading text: a paragraph anchor and an exact phrase."""

    #: The paragraph anchor, e.g. ``7.4.2``.
    anchor: str
    #: The exact phrase, as it stands in the reading text.
    phrase: str
    #: Which occurrence of the phrase in the paragraph, from 1; ``None``: the only one.
    occurrence: int | None
    #: An authors' note instead of a paragraph: the phrase is then its copy-text reading.
    note: int | None = None

    @classmethod
    def from_yaml(cls, raw: dict[str, Any]) -> Target:
        return cls(raw.get("anchor", "").upper(), raw["phrase"], raw.get("occurrence"), raw.get("note"))

    def __str__(self) -> str:
        return f"note {self.note}" if self.note else self.anchor


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
    #: The editors' identification of what the note cites, if given.
    identification: str | None
    #: Sources of the identification.
    sources: tuple[Source, ...]
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

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], location: str) -> BibliographyEntry:
        return cls(raw["id"], raw, location)


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
    #: Evidence beyond the copy-text, if any.
    sources: tuple[Source, ...]
    #: ``file:line`` of the record.
    location: str

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], location: str) -> TextualNote:
        return cls(
            raw["id"],
            Target.from_yaml(raw["target"]),
            raw["adopted"],
            raw["copy_text"],
            raw["kind"],
            raw["reason"],
            Source.all_from_yaml(raw),
            location,
        )


class EditorialNote(NamedTuple):
    """An explanatory note of the editors, marked by a letter after its phrase."""

    #: The record's id.
    id: str
    #: The phrase the note explains.
    target: Target
    #: The note (plain text).
    text: str
    #: Where its statements come from.
    sources: tuple[Source, ...]
    #: ``file:line`` of the record.
    location: str

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], location: str) -> EditorialNote:
        return cls(raw["id"], Target.from_yaml(raw["target"]), raw["text"], Source.all_from_yaml(raw), location)


class Person(NamedTuple):
    """A person the text names: every form of the name found in the text links here."""

    #: The record's id.
    id: str
    #: Full name.
    name: str
    #: The name as the index sorts it ("Stalin, Joseph").
    index_name: str
    #: Every form of the name as printed in the text.
    forms: tuple[str, ...]
    #: Date or year of birth, as the sources give it.
    born: str | None
    #: Date or year of death.
    died: str | None
    #: Position in 1927.
    role: str
    #: Wikidata item (``Q…``).
    wikidata: str | None
    #: Sources of the statements.
    sources: tuple[Source, ...]
    #: ``file:line`` of the record.
    location: str
    #: Where the pairing of name and Wikidata id was verified.
    wikidata_verified: str | None = None
    #: Why no authority id is given, when none could be established.
    authority_note: str | None = None
    #: The person's entry in the Marxists Internet Archive's glossary of people.
    mia_glossary: str | None = None
    #: False when the editors could not establish who the text names: the record gives what the text says.
    identified: bool = True

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], location: str) -> Person:
        return cls(
            raw["id"],
            raw["name"],
            raw.get("index_name", raw["name"]),
            tuple(raw["forms"]),
            raw.get("born"),
            raw.get("died"),
            raw["role_1927"],
            raw.get("wikidata"),
            Source.all_from_yaml(raw),
            location,
            raw.get("wikidata_verified"),
            raw.get("authority_note"),
            raw.get("mia_glossary"),
            raw.get("identified", True),
        )

    @property
    def life(self) -> str:
        """Life dates for a card: ``1878–1953``."""
        born, died = (self.born or "?")[:4], (self.died or "?")[:4]
        return "" if born == died == "?" else f"{born}\u2013{died}"


class GlossaryTerm(NamedTuple):
    """A term a reader needs, with every form in which the text uses it."""

    #: The record's id.
    id: str
    #: The headword.
    term: str
    #: Every form of the term as printed in the text.
    forms: tuple[str, ...]
    #: The definition (plain text).
    definition: str
    #: Other spellings, the Russian, an expansion.
    also: str | None
    #: Sources of the definition.
    sources: tuple[Source, ...]
    #: ``file:line`` of the record.
    location: str

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], location: str) -> GlossaryTerm:
        return cls(
            raw["id"], raw["term"], tuple(raw["forms"]), raw["definition"], raw.get("also"), Source.all_from_yaml(raw), location
        )


#: The problems that stop the build: the data cannot be read at all.
FATAL = frozenset({Problem.yaml, Problem.schema})


class Apparatus(NamedTuple):
    """All records, by kind and id."""

    #: The authors' notes by number.
    authors_notes: dict[int, AuthorsNote]
    #: The works cited, by id.
    bibliography: dict[str, BibliographyEntry]
    #: The textual notes, by id.
    textual_notes: dict[str, TextualNote]
    #: The editorial notes, by id, in file order (their letters follow it).
    editorial_notes: dict[str, EditorialNote]
    #: The persons named, by id.
    persons: dict[str, Person]
    #: The glossary, by id.
    glossary: dict[str, GlossaryTerm]
    #: Schema and syntax problems (fatal) and cross-reference problems (warnings).
    findings: tuple[Finding, ...]
    #: A hash of every record's content, by ``kind:id``: what tells a page it must be read again.
    digests: dict[str, str]

    @property
    def fatal(self) -> tuple[Finding, ...]:
        """The findings that stop the build: unreadable or invalid files."""
        return tuple(f for f in self.findings if f.problem in FATAL)
