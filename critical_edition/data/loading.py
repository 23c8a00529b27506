"""Loading the apparatus when a build starts, and reaching it while reading.

The apparatus is read before any document, so that a broken data file stops
the build at once with every problem listed by file and line.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .apparatus import Apparatus, Stamped, apparatus_in
from ..diagnostics import ApparatusError, Problem, warn

#: The apparatus each application has reported the findings of: once per build.
_reported: dict[int, Stamped] = {}


def apparatus_for(env: BuildEnvironment) -> Apparatus:
    """The apparatus of the project that ``env`` builds, as read when its build started."""
    return env.edition_apparatus[1]


def load_apparatus(app: Sphinx) -> None:
    """Read and check every data file, once per build; stop the build if any is invalid.

    Called when the builder starts and again when a build begins to read, so
    that a second build by the same application sees edited records. The
    apparatus is kept in the build environment, which is pickled with it: data
    files edited during a build count from the next build on.
    """
    shown_dir = app.config.edition_data_dir.rstrip("/")
    stamped = apparatus_in(Path(app.confdir, shown_dir).resolve(), shown_dir, getattr(app.env, "edition_apparatus", None))
    app.env.edition_apparatus = stamped
    if _reported.get(id(app)) is stamped:
        return
    _reported[id(app)] = stamped
    apparatus = stamped[1]
    for finding in apparatus.findings:
        warn(finding.problem, finding.message, finding.location)
    if apparatus.fatal:
        count = len(apparatus.fatal)
        raise ApparatusError(
            f"{count} problem{'s' if count > 1 else ''} in the data files of "
            f"{shown_dir}/ (listed above with file and line)"
        )
