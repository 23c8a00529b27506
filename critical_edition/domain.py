"""Per-build state: which document holds which anchor and which note marker.

Kept per document so that a document read again replaces only its own
entries, and parallel readers merge without losing any; checks that need
every document (duplicate anchors, unused notes, the manifest) run once all
are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode


class AnchoredUnit(NamedTuple):
    """A paragraph-level unit of the reading text and its anchor."""

    #: The citation string, e.g. ``7.4.2``.
    anchor: str
    #: The HTML id, by the fragment rule (e.g. ``p7.4.2``).
    fragment: str
    #: Hash of the unit's normalized text, for the manifest.
    digest: str
    #: The unit's normalized text, notes and numbers set aside.
    text: str
    #: Line of the anchor in the source.
    line: int | None


class NoteMarker(NamedTuple):
    """Where the text marks one of the authors' notes."""

    #: The note's number.
    number: int
    #: Line of the marker in the source.
    line: int | None


class EditionDomain(Domain):
    """Anchors as citable objects (``{edition:para}`7.4.2```), and note markers."""

    name = "edition"
    label = "Edition"
    object_types = {"paragraph": ObjType("paragraph", "para")}
    roles = {"para": XRefRole()}
    initial_data: dict[str, Any] = {"units": {}, "markers": {}, "records": {}}
    data_version = 1

    @property
    def units(self) -> dict[str, list[AnchoredUnit]]:
        """Anchored units by document, in reading order."""
        return self.data["units"]

    @property
    def markers(self) -> dict[str, list[NoteMarker]]:
        """Authors' note markers by document."""
        return self.data["markers"]

    @property
    def records(self) -> dict[str, dict[str, str | None]]:
        """The apparatus records each document shows, with the digest they had when it was read."""
        return self.data["records"]

    def note_record_use(self, docname: str, key: str, digest: str | None) -> None:
        """Remember that ``docname`` shows record ``key`` as it is now."""
        self.records.setdefault(docname, {})[key] = digest

    def all_units(self) -> Iterator[tuple[str, AnchoredUnit]]:
        """Every anchored unit with its document, documents in name order."""
        for docname in sorted(self.units):
            for unit in self.units[docname]:
                yield docname, unit

    def clear_doc(self, docname: str) -> None:
        for key in ("units", "markers", "records"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("units", "markers", "records"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for docname, unit in self.all_units():
            yield unit.anchor, f"Paragraph {unit.anchor}", "paragraph", docname, unit.fragment, 1

    def _find(self, target: str) -> tuple[str, AnchoredUnit] | None:
        wanted = target.strip().upper()
        return next(((d, u) for d, u in self.all_units() if u.anchor == wanted), None)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._find(target)
        if found is None:
            return None
        docname, unit = found
        return make_refnode(builder, fromdocname, docname, unit.fragment, contnode, f"Paragraph {unit.anchor}")

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "para", target, node, contnode)
        return [("edition:para", found)] if found is not None else []
