"""References of the edition: each one that leads nowhere warned of, each page citing a moved paragraph written again.

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
from sphinx.transforms import SphinxTransform

from ..diagnostics import Problem, warn
from .domain import EditionDomain, edition_domain

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


class CollectParagraphCitations(SphinxTransform):
    """Note the paragraphs each page cites, for the page to follow them when they move or vanish."""

    default_priority = 470

    def apply(self, **kwargs) -> None:
        cited = {
            xref["reftarget"].strip().upper()
            for xref in self.document.findall(pending_xref)
            if xref.get("refdomain") == "edition" and xref.get("reftype") == "para"
        }
        edition_domain(self.env).cited_paragraphs[self.env.docname] = sorted(cited)


def _anchors(domain: EditionDomain) -> frozenset[tuple[str, str, str]]:
    return frozenset((unit.anchor, docname, unit.fragment) for docname, unit in domain.all_units())


def remember_anchors(app: Sphinx, env: BuildEnvironment, *_: set[str]) -> list[str]:
    """Before removed documents are purged and changed ones read again."""
    edition_domain(env).anchors_before = _anchors(edition_domain(env))
    return []


def pages_citing_moved_paragraphs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages not read again whose cited paragraphs appeared, vanished or moved: their links are made when written.

    A clean build would link them anew (or warn of them): so must a rebuild.
    """
    domain = edition_domain(env)
    moved = {anchor for anchor, _, _ in domain.anchors_before ^ _anchors(domain)}
    return sorted(docname for docname, cited in domain.cited_paragraphs.items() if moved.intersection(cited))


def setup_references(app: Sphinx) -> None:
    app.add_transform(CollectParagraphCitations)
    app.connect("missing-reference", warn_dangling, priority=900)
    app.connect("warn-missing-reference", said_already)
    app.connect("env-get-outdated", remember_anchors)
    app.connect("env-updated", pages_citing_moved_paragraphs)
