"""Which pages to read again after an edit of the apparatus: by record, not by file.

A page remembers the digest of every record it shows; when a data file
changes, only the pages whose records changed (or appeared, or vanished) are
read again, so that correcting one note rebuilds the one page that shows it.
A page that shows a configuration value notes it the same way.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import config_digest, config_key, edition_domain

CONFIG_PREFIX = config_key("")


def pages_with_changed_records(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The pages whose records differ from what they showed when last read."""
    domain = edition_domain(env)
    digests = dict(domain.apparatus.digests)
    for used in domain.records.values():
        for key in used:
            if key.startswith(CONFIG_PREFIX) and key not in digests:
                digests[key] = config_digest(app.config, key.removeprefix(CONFIG_PREFIX))
    return sorted(
        docname
        for docname, used in domain.records.items()
        if docname not in removed and any(digests.get(key) != digest for key, digest in used.items())
    )
