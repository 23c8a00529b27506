"""Loading the apparatus when a build starts, and reaching it while reading.

The apparatus is read before any document, so that a broken data file stops
the build at once with every problem listed by file and line.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .apparatus import Apparatus, apparatus_in
from .diagnostics import ApparatusError, Problem, warn

#: The data folder (absolute, and as shown in messages) of each project, by source folder.
_data_dirs: dict[str, tuple[Path, str]] = {}


def apparatus_for(env: BuildEnvironment) -> Apparatus:
    """The apparatus of the project that ``env`` builds."""
    return apparatus_in(*_data_dirs[str(env.srcdir)])


def load_apparatus(app: Sphinx) -> None:
    """Read and check every data file; stop the build if any is invalid."""
    shown_dir = app.config.edition_data_dir.rstrip("/")
    _data_dirs[str(app.srcdir)] = (Path(app.confdir, shown_dir).resolve(), shown_dir)
    apparatus = apparatus_for(app.env)
    for finding in apparatus.findings:
        warn(Problem(finding.problem), finding.message, finding.location)
    if apparatus.fatal:
        count = len(apparatus.fatal)
        raise ApparatusError(
            f"{count} problem{'s' if count > 1 else ''} in the data files of "
            f"{shown_dir}/ (listed above with file and line)"
        )
