"""Reading the apparatus of a project and reporting what is wrong with it.

The apparatus is read before any document, so that a broken data file stops
the build at once with every problem listed by file and line. Where it is
kept between builds is the business of the domain (``EditionDomain.apparatus``),
which these hooks ask to read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from sphinx.application import Sphinx

from ..diagnostics import ApparatusError, warn
from .apparatus import Stamped, apparatus_in


def read_and_report(app: Sphinx, earlier: Stamped | None) -> Stamped:
    """The project's apparatus, read again only if a data file changed; its findings logged.

    Stops the build if a data file cannot be read or breaks its schema.
    """
    shown_dir = app.config.edition_data_dir.rstrip("/")
    stamped = apparatus_in(Path(app.confdir, shown_dir).resolve(), shown_dir, earlier)
    apparatus = stamped[1]
    for finding in apparatus.findings:
        warn(finding.problem, finding.message, finding.location)
    if apparatus.fatal:
        count = len(apparatus.fatal)
        raise ApparatusError(
            f"{count} problem{'s' if count > 1 else ''} in the data files of "
            f"{shown_dir}/ (listed above with file and line)"
        )
    return stamped


@runtime_checkable
class ApparatusKeeper(Protocol):
    """What keeps the apparatus between builds: the edition's domain, in its pickled data."""

    def load_apparatus(self, app: Sphinx) -> None: ...

    def end_of_build(self) -> None: ...


def _keeper(app: Sphinx) -> ApparatusKeeper:
    keeper = app.env.domains["edition"]
    assert isinstance(keeper, ApparatusKeeper)
    return keeper


def load_apparatus(app: Sphinx, *_: Any) -> list[str]:
    """Have the apparatus read for this build, unless it was already."""
    _keeper(app).load_apparatus(app)
    return []


def end_of_build(app: Sphinx, exception: Exception | None) -> None:
    _keeper(app).end_of_build()
