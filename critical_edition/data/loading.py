"""Reading the apparatus of a project and reporting what is wrong with it.

The apparatus is read before any document, so that a broken data file stops
the build at once with every problem listed by file and line. Where it is
kept between builds is the domain's business (``EditionDomain.apparatus``).
"""

from __future__ import annotations

from pathlib import Path

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
