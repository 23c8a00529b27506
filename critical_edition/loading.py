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

#: The apparatus of each project, by source folder, as read when its build started
#: (with the application it was loaded for): data files edited during a build
#: count from the next build on, and reaching the apparatus costs nothing.
_loaded: dict[str, tuple[int, Apparatus]] = {}


def apparatus_for(env: BuildEnvironment) -> Apparatus:
    """The apparatus of the project that ``env`` builds."""
    return _loaded[str(env.srcdir)][1]


def load_apparatus(app: Sphinx) -> None:
    """Read and check every data file, once per build; stop the build if any is invalid.

    Called when the builder starts and again when a build begins to read, so
    that a second build by the same application sees edited records.
    """
    shown_dir = app.config.edition_data_dir.rstrip("/")
    stamped = apparatus_in(Path(app.confdir, shown_dir).resolve(), shown_dir, getattr(app.env, "edition_apparatus", None))
    app.env.edition_apparatus = stamped  # pickled with the environment, for the next build
    apparatus = stamped[1]
    loaded_for, loaded = _loaded.get(str(app.srcdir), (None, None))
    if loaded_for == id(app) and loaded is apparatus:
        return
    _loaded[str(app.srcdir)] = (id(app), apparatus)
    for finding in apparatus.findings:
        warn(Problem(finding.problem), finding.message, finding.location)
    if apparatus.fatal:
        count = len(apparatus.fatal)
        raise ApparatusError(
            f"{count} problem{'s' if count > 1 else ''} in the data files of "
            f"{shown_dir}/ (listed above with file and line)"
        )
