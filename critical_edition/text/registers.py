"""The registers: persons, glossary, works cited, and the two apparatus lists.

Each is a directive that builds its page from the records, with standard
nodes every builder knows. Their "named in" lines are placeholders until all
documents are read; then they become links to every paragraph concerned.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..citing.works_cited import works_cited_nodes
from ..data.apparatus import CITES_KEY, kind_key
from ..data.records import BibliographyEntry, Source
from .attach import note_letter
from .domain import EditionDomain, edition_domain


class backrefs(nodes.Inline, nodes.TextElement):
    """Placeholder for the links to every paragraph that shows a record."""


def _xref(domain: str, reftype: str, target: str, text: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref("", refdomain=domain, reftype=reftype, reftarget=target, refexplicit=True, refwarn=True)
    xref += nodes.inline(text, text)
    return xref


def sources_paragraph(sources: tuple[Source, ...], bibliography: dict[str, BibliographyEntry]) -> nodes.paragraph:
    """``Sources: <title>, <locator>; …`` with each work linked to Works Cited."""
    paragraph = nodes.paragraph("", "Sources: ", classes=["edition-sources"])
    for index, source in enumerate(sources):
        if index:
            paragraph += nodes.Text("; ")
        entry = bibliography.get(source.work)
        paragraph += _xref("edition", "work", source.work, entry.csl["title"] if entry else source.work)
        if source.locator:
            paragraph += nodes.Text(f", {source.locator}")
    return paragraph


class RegisterDirective(SphinxDirective):
    """Common ground: note where the register stands and which data file it shows.

    Subclasses set the three names below and build their nodes in ``entries``.
    """

    #: ``person``, ``term``, ``work``, ``textual`` or ``editorial``.
    kind = ""
    #: Prefix of the ids of the entries.
    prefix = ""
    #: The data file the register shows, by kind.
    data_kind = ""
    #: The keys of other records the register shows something of.
    also_shows: tuple[str, ...] = ()

    def run(self) -> list[nodes.Node]:
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        domain.registers[self.kind] = (self.env.docname, self.prefix)
        apparatus = domain.apparatus
        # every register names its sources' works
        for key in (kind_key(self.data_kind), kind_key("bibliography"), *self.also_shows):
            domain.note_record_use(self.env.docname, key, apparatus.digests.get(key))
        entries = self.entries(apparatus)
        if not any(entry.next_node(nodes.paragraph) for entry in entries):
            return [nodes.paragraph("", "This register has no entries yet.", classes=["edition-register-empty"])]
        return entries


class PersonsRegister(RegisterDirective):
    """``{persons}``: everyone the text names, with dates, role, Wikidata id, sources, and where named."""

    kind, prefix, data_kind = "person", "person-", "persons"

    def entries(self, apparatus) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["edition-register", "edition-persons"])
        for person in sorted(apparatus.persons.values(), key=lambda p: p.index_name):
            term = nodes.term("", person.index_name, ids=[f"person-{person.id}"])
            body = nodes.definition()
            life = f"{person.life}. " if person.life else ""
            body += nodes.paragraph("", f"{person.name}. {life}{person.role}")
            if person.wikidata:
                url = f"https://www.wikidata.org/wiki/{person.wikidata}"
                verified = f" (pairing verified: {person.wikidata_verified})" if person.wikidata_verified else ""
                body += nodes.paragraph("", "Wikidata: ", nodes.reference(person.wikidata, person.wikidata, refuri=url), nodes.Text(verified))
            elif person.authority_note:
                body += nodes.paragraph("", person.authority_note, classes=["edition-authority-note"])
            if person.mia_glossary:
                body += nodes.paragraph(
                    "", "MIA glossary: ", nodes.reference(person.mia_glossary, person.mia_glossary, refuri=person.mia_glossary)
                )
            body += sources_paragraph(person.sources, apparatus.bibliography)
            body += nodes.paragraph("", "Named in: ", backrefs("", kind="person", record=person.id))
            items += nodes.definition_list_item("", term, body)
        return [items]


class GlossaryRegister(RegisterDirective):
    """``{glossary-register}``: a Sphinx glossary of the terms, each with the paragraphs using it."""

    kind, prefix, data_kind = "term", "term-", "glossary"

    def entries(self, apparatus) -> list[nodes.Node]:
        glossary = addnodes.glossary(sorted=False)
        items = nodes.definition_list(classes=["glossary", "edition-register"])
        for term in sorted(apparatus.glossary.values(), key=lambda t: t.term.lower()):
            term_node = make_glossary_term(
                self.env, [nodes.Text(term.term)], None, str(self.env.doc2path(self.env.docname)), self.lineno, None, self.state.document
            )
            for entry in list(term_node.findall(addnodes.index)):
                entry.parent.remove(entry)  # the index lists where a term is used; the glossary is alphabetical
            body = nodes.definition()
            body += nodes.paragraph("", term.definition)
            if term.also:
                body += nodes.paragraph("", f"Also: {term.also}")
            body += sources_paragraph(term.sources, apparatus.bibliography)
            body += nodes.paragraph("", "Used in: ", backrefs("", kind="term", record=term.id))
            items += nodes.definition_list_item("", term_node, body)
        glossary += items
        return [glossary]


def _bullet_register(css_class: str, entries: Iterable[list[nodes.Node]]) -> list[nodes.Node]:
    """A register set as a list, one item for each entry's nodes."""
    items = nodes.bullet_list(classes=["edition-register", css_class])
    for children in entries:
        items += nodes.list_item("", *children)
    return [items]


class WorksCited(RegisterDirective):
    """``{works-cited}``: every work cited by the authors' notes and by the editors (see citing.works_cited)."""

    kind, prefix, data_kind = "work", "work-", "bibliography"
    also_shows = (CITES_KEY,)  # "Cited in the authors' notes ...": their citations, not their text

    def entries(self, apparatus) -> list[nodes.Node]:
        citing: dict[str, list[int]] = {}
        for note in apparatus.authors_notes.values():
            for work in dict.fromkeys(c.work for c in note.cites):
                citing.setdefault(work, []).append(note.number)
        return works_cited_nodes(list(apparatus.bibliography.values()), citing, str(self.env.doctreedir))


class TextualApparatus(RegisterDirective):
    """``{textual-apparatus}``: lemma ] copy-text reading, paragraph by paragraph."""

    kind, prefix, data_kind = "textual", "textual-", "textual"

    def entries(self, apparatus) -> list[nodes.Node]:
        def entry(note) -> list[nodes.Node]:
            paragraph = nodes.paragraph("", "", ids=[f"textual-{note.id}"])
            if note.target.note:
                paragraph += nodes.Text(f"Note {note.target.note}")
            else:
                paragraph += _xref("edition", "para", note.target.anchor, note.target.anchor)
            paragraph += nodes.Text(f"  {note.adopted} ] {note.copy_text} ")
            paragraph += nodes.emphasis("", f"({note.kind})")
            paragraph += nodes.Text(f" {note.reason}")
            return [paragraph, *([sources_paragraph(note.sources, apparatus.bibliography)] if note.sources else [])]

        return _bullet_register("edition-apparatus", map(entry, apparatus.textual_notes.values()))


class EditorialNotesList(RegisterDirective):
    """``{editorial-notes}``: the editors' notes by letter, with their phrase and sources."""

    kind, prefix, data_kind = "editorial", "editorial-", "editorial"

    def entries(self, apparatus) -> list[nodes.Node]:
        def entry(index: int, note) -> list[nodes.Node]:
            paragraph = nodes.paragraph("", "", nodes.strong("", note_letter(index)), nodes.Text(" "), ids=[f"editorial-{note.id}"])
            paragraph += _xref("edition", "para", note.target.anchor, note.target.anchor)
            paragraph += nodes.Text(f" {note.target.phrase}: {note.text}")
            return [paragraph, sources_paragraph(note.sources, apparatus.bibliography)]

        return _bullet_register("edition-editorial-notes", (entry(i, n) for i, n in enumerate(apparatus.editorial_notes.values())))


class CollectWorkCitations(SphinxTransform):
    """Note the works a page cites in its prose, so that none counts as unused."""

    default_priority = 470

    def apply(self, **kwargs) -> None:
        domain = self.env.domains["edition"]
        assert isinstance(domain, EditionDomain)
        cited = {
            xref["reftarget"]
            for xref in self.document.findall(addnodes.pending_xref)
            if xref.get("refdomain") == "edition" and xref.get("reftype") == "work"
        }
        domain.cited_works[self.env.docname] = sorted(cited)


def resolve_backrefs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder with links to the paragraphs that show its record."""
    domain = app.env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    for placeholder in list(doctree.findall(backrefs)):
        links: list[nodes.Node] = []
        seen = set()
        for target_doc, mention in domain.mentions_of(placeholder["kind"], placeholder["record"]):
            if mention.anchor in seen:
                continue
            seen.add(mention.anchor)
            uri = app.builder.get_relative_uri(docname, target_doc) + "#" + mention.fragment
            if links:
                links.append(nodes.Text(", "))
            links.append(nodes.reference(mention.anchor, mention.anchor, refuri=uri, internal=True))
        placeholder.replace_self([*links, nodes.Text(".")] if links else [nodes.Text("—")])


def registers_to_rewrite(app: Sphinx, env) -> list[str]:
    """Registers list every document's mentions: write them again when the mentions changed.

    Their records are their own (a register is read again when one changes); what
    they take from the other documents is where each record is shown, so a
    digest of every mention, kept from the last build, tells whether to rewrite.
    """
    domain = edition_domain(env)
    mentions = sorted((docname, [tuple(mention) for mention in shown]) for docname, shown in domain.mentions.items())
    digest = hashlib.sha256(json.dumps(mentions).encode("utf-8")).hexdigest()
    if domain.data.get("mentions_digest") == digest:
        return []
    domain.data["mentions_digest"] = digest
    return sorted({docname for docname, _ in domain.registers.values()})


def setup_registers(app: Sphinx) -> None:
    app.add_node(backrefs)
    app.add_transform(CollectWorkCitations)
    app.add_directive("persons", PersonsRegister)
    app.add_directive("glossary-register", GlossaryRegister)
    app.add_directive("works-cited", WorksCited)
    app.add_directive("textual-apparatus", TextualApparatus)
    app.add_directive("editorial-notes", EditorialNotesList)
    app.connect("doctree-resolved", resolve_backrefs)
    app.connect("env-updated", registers_to_rewrite)
