"""References of the edition that lead nowhere: each one warned of as ``edition.reference``.

Sphinx says nothing of an unresolved reference unless it runs with ``-n``, and
then under its own ``ref.*`` type: a dangling ``{edition:para}`` would go
unseen in an ordinary build. Warned of after every other resolver (such as
intersphinx, which may know another volume's anchors) has had its turn. Only
the links the edition adds on its own where a register may be wanting (the
works after an authors' note) are marked ``edition_optional`` and pass unsaid.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..diagnostics import Problem, warn
from .domain import edition_domain

#: The register each kind of record is linked to, by its directive.
REGISTERS = {"person": ("persons", "{persons}"), "work": ("bibliography", "{works-cited}")}


def why_dangling(env: BuildEnvironment, reftype: str, target: str) -> str:
    """What is missing for a reference to lead somewhere."""
    if reftype not in REGISTERS:
        return f"no paragraph has the anchor {target.strip().upper()}"
    domain = edition_domain(env)
    records = domain.apparatus.persons if reftype == "person" else domain.apparatus.bibliography
    data_kind, directive = REGISTERS[reftype]
    if target not in records:
        return f"{env.config.edition_data_dir.rstrip('/')}/{data_kind}.yaml holds no {reftype} {target!r}"
    return f"no page holds the {directive} register"


def warn_dangling(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> None:
    """Warn of an edition reference nothing resolved; Sphinx then leaves its text unlinked."""
    if node.get("refdomain") != "edition" or node.get("edition_optional"):
        return
    reftype, target = node["reftype"], node["reftarget"]
    warn(
        Problem.reference,
        f"{{edition:{reftype}}}`{target}` leads nowhere: {why_dangling(env, reftype, target)}",
        node,
    )


def said_already(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """Keep Sphinx's own ``ref.*`` warning (with ``-n``) from repeating ours."""
    return True if node.get("refdomain") == "edition" else None


def setup_references(app: Sphinx) -> None:
    app.connect("missing-reference", warn_dangling, priority=900)
    app.connect("warn-missing-reference", said_already)
