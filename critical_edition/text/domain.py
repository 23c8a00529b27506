"""Per-build state: which document holds which anchor and which note marker.

Kept per document so that a document read again replaces only its own
entries, and parallel readers merge without losing any; checks that need
every document (duplicate anchors, unused notes, the manifest) run once all
are read. The domain also keeps the apparatus, as sphinxcontrib-bibtex keeps
its parsed bibliography: in its data, pickled with the environment, read
again only when a data file changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..data.apparatus import Apparatus, Stamped
from ..data.loading import read_and_report


def config_key(name: str) -> str:
    """How pages name a configuration value they show."""
    return f"config:{name}"


def config_digest(config: Config, name: str) -> str:
    """A hash of a configuration value, to tell whether it changed since a page was read."""
    value = json.dumps(getattr(config, name), sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


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


class Mention(NamedTuple):
    """A record shown at a place of the text: a name, a term, a note, an emendation."""

    #: ``person``, ``term``, ``editorial`` or ``textual``.
    kind: str
    #: The record's id.
    record: str
    #: The anchor of the paragraph.
    anchor: str
    #: The paragraph's HTML id.
    fragment: str


class EditionDomain(Domain):
    """Anchors as citable objects (``{edition:para}`7.4.2```), and note markers."""

    name = "edition"
    label = "Edition"
    object_types = {
        "paragraph": ObjType("paragraph", "para"),
        "person": ObjType("person", "person"),
        "work": ObjType("work", "work"),
    }
    roles = {"para": XRefRole(), "person": XRefRole(), "work": XRefRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "units": {},
        "markers": {},
        "records": {},
        "mentions": {},
        "registers": {},
        "cited_works": {},
        "mentions_digest": None,
        "cited_paragraphs": {},
        "apparatus": None,
    }
    #: Per-document data, merged document by document.
    per_document = ("units", "markers", "records", "mentions", "cited_works", "cited_paragraphs")
    data_version = 6

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Whether this build has read the apparatus yet (a second build by one application reads it again).
        self.loaded_this_build = False
        #: Every (anchor, document, fragment) before this build read its documents.
        self.anchors_before: frozenset[tuple[str, str, str]] = frozenset()
        #: The builder's name and the edition's nodes it has no visitor for (set when it starts).
        self.unshown: tuple[str, tuple[type[nodes.Element], ...]] = ("", ())

    @property
    def apparatus(self) -> Apparatus:
        """The apparatus as read when this build started."""
        stamped: Stamped | None = self.data["apparatus"]
        assert stamped is not None, "the apparatus is read when the builder starts"
        return stamped[1]

    def load_apparatus(self, app: Sphinx) -> None:
        """Read and report the apparatus once per build; kept in the domain's data, so pickled with the environment.

        A rebuild with unchanged data files takes the pickled apparatus as it is.
        """
        if self.loaded_this_build:
            return
        self.data["apparatus"] = read_and_report(app, self.data["apparatus"])
        self.loaded_this_build = True

    def end_of_build(self) -> None:
        """The next build by this application checks the data files again."""
        self.loaded_this_build = False

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

    @property
    def mentions(self) -> dict[str, list[Mention]]:
        """Records shown in each document, in reading order."""
        return self.data["mentions"]

    @property
    def registers(self) -> dict[str, tuple[str, str]]:
        """Where each register stands: kind -> (document, id of its first entry's prefix)."""
        return self.data["registers"]

    @property
    def cited_paragraphs(self) -> dict[str, list[str]]:
        """The anchors each document cites with ``{edition:para}``."""
        return self.data["cited_paragraphs"]

    @property
    def cited_works(self) -> dict[str, list[str]]:
        """The works each document's prose cites with ``{edition:work}``."""
        return self.data["cited_works"]

    def mentions_of(self, kind: str, record: str) -> list[tuple[str, Mention]]:
        """Every place that shows a record, documents in name order."""
        return [
            (docname, mention)
            for docname in sorted(self.mentions)
            for mention in self.mentions[docname]
            if mention.kind == kind and mention.record == record
        ]

    def note_record_use(self, docname: str, key: str, digest: str | None) -> None:
        """Remember that ``docname`` shows record ``key`` as it is now."""
        self.records.setdefault(docname, {})[key] = digest

    def note_config_use(self, docname: str, config: Config, *names: str) -> None:
        """Remember that ``docname`` shows configuration values as they are now.

        Values whose change Sphinx answers by writing the pages again, not by
        reading them (``html_baseurl``, ``edition_metadata``): a page that
        renders them while it is read must be read again.
        """
        for name in names:
            self.note_record_use(docname, config_key(name), config_digest(config, name))

    def all_units(self) -> Iterator[tuple[str, AnchoredUnit]]:
        """Every anchored unit with its document, documents in name order."""
        for docname in sorted(self.units):
            for unit in self.units[docname]:
                yield docname, unit

    def clear_doc(self, docname: str) -> None:
        for key in self.per_document:
            self.data[key].pop(docname, None)
        for kind, (register_doc, _) in list(self.registers.items()):
            if register_doc == docname:
                del self.registers[kind]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in self.per_document:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        for kind, (register_doc, prefix) in otherdata["registers"].items():
            if register_doc in docnames:
                self.registers[kind] = (register_doc, prefix)

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
        if typ in ("person", "work"):
            records = self.apparatus.persons if typ == "person" else self.apparatus.bibliography
            if typ not in self.registers or target not in records:
                return None
            docname, prefix = self.registers[typ]
            return make_refnode(builder, fromdocname, docname, f"{prefix}{target}", contnode)
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


def edition_domain(env: BuildEnvironment) -> EditionDomain:
    """The edition's domain of ``env``, typed."""
    domain = env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    return domain

