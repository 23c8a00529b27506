"""Every warning the edition gives, so that an editor can look each one up.

Warnings carry ``type="edition"`` and one subtype from :class:`Problem`; they
can be silenced one by one through ``suppress_warnings = ["edition.<subtype>"]``
and fail the strict build (``-W``) with their location.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

from sphinx.errors import SphinxError
from sphinx.util import logging

logger = logging.getLogger("critical_edition")


class Problem(enum.Enum):
    """The subtypes of ``edition`` warnings, each a kind of bad input."""

    #: A data file is not valid YAML, not UTF-8, or empty.
    yaml = "yaml"
    #: A record breaks its file's JSON Schema (missing, unknown or mistyped field).
    schema = "schema"
    #: Two records of one file share an id.
    duplicate_id = "duplicate_id"
    #: A record names an id that no record defines.
    unknown_id = "unknown_id"
    #: A record is defined but nothing uses it.
    unused = "unused"
    #: A paragraph anchor does not follow the citation scheme.
    anchor_malformed = "anchor_malformed"
    #: Two units carry the same anchor.
    anchor_duplicate = "anchor_duplicate"
    #: A paragraph-level unit of the reading text carries no anchor.
    anchor_missing = "anchor_missing"
    #: The anchors disagree with the committed manifest.
    manifest = "manifest"
    #: An anchor alias or a page redirect leads nowhere.
    alias = "alias"
    #: A note marker names a note that the data does not hold.
    note_missing = "note_missing"
    #: One note is marked twice in the text.
    note_duplicate = "note_duplicate"
    #: A stand-off target phrase matches nothing, or more than one place.
    target = "target"
    #: A reference (``{edition:para}``, ``{edition:work}``, ``{edition:person}``) leads nowhere.
    reference = "reference"
    #: A builder has no visitor for the edition's nodes: they are shown as plain text.
    builder = "builder"
    #: A record rests on web copies only, or cites an address the source policy rules out.
    source = "source"
    #: What ``edition_exports`` names (the copy-text, a page, a work) does not exist.
    export = "export"


class Finding(NamedTuple):
    """A problem found while loading, with where it is."""

    #: ``file:line`` of the problem.
    location: str
    #: What is wrong.
    message: str
    #: The kind of problem: the warning's subtype.
    problem: Problem


class ApparatusError(SphinxError):
    """The apparatus cannot be loaded; the warnings before it say where."""

    category = "Apparatus error"


def warn(problem: Problem, message: str, location: Any = None, once: bool = False) -> None:
    """Log one edition warning with its subtype and location (``once``: only the first time it is said)."""
    logger.warning(
        message, type="edition", subtype=problem.value, location=location, once=once
    )
