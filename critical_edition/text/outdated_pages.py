"""Which pages to read again after an edit of the apparatus: by record, not by file.

A page remembers the digest of every record it shows; when a data file
changes, only the pages whose records changed (or appeared, or vanished) are
read again, so that correcting one note rebuilds the one page that shows it.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import edition_domain


def pages_with_changed_records(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The pages whose records differ from what they showed when last read."""
    domain = edition_domain(env)
    digests = domain.apparatus.digests
    return sorted(
        docname
        for docname, used in domain.records.items()
        if docname not in removed and any(digests.get(key) != digest for key, digest in used.items())
    )
