"""TEI P5: the whole edition in one document, from the same records and doctrees as the pages.

The header states what the edition is (its metadata record, its licence, the
copy-text with its address and SHA-256, the editorial principles and the
anchor scheme as a ``cRefPattern``, the versions); the text is written by
:mod:`.tei_text`; persons stand in the header's ``listPerson``, the glossary
and the works cited in the back. The document is valid against tei_all.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, register_namespace, tostring

from ..data.apparatus import Apparatus
from .model import Unit
from .settings import ExportSettings
from .tei_text import TEI, TextWriter, sources_list, sub, tei

register_namespace("", TEI)
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _names(people: list[dict]) -> list[str]:
    return [p.get("literal") or " ".join(filter(None, [p.get("given"), p.get("family")])) for p in people]


def _dated(parent: Element, tag: str, value: str | None, **attributes: str | None) -> None:
    if value:
        sub(parent, tag, value, when=value if ISO_DATE.match(value) else None, **attributes)


def _paragraphs(parent: Element, prose: tuple[tuple[str, bool], ...] | None) -> None:
    """The prose of the editorial principles as TEI paragraphs."""
    for text, heading in prose or ():
        sub(parent, "p", text, rend="head" if heading else None)
    if not prose:
        sub(parent, "p", "See the edition's pages.")


def _changes(parent: Element, versions: tuple[tuple[str | None, str | None, str], ...] | None) -> None:
    """One ``change`` per version."""
    for number, when, text in versions or ():
        sub(parent, "change", text, n=number, when=when)


def header(root: Element, settings: ExportSettings, apparatus: Apparatus) -> None:
    metadata = settings.metadata
    head = sub(root, "teiHeader")
    file_desc = sub(head, "fileDesc")
    titles = sub(file_desc, "titleStmt")
    sub(titles, "title", metadata["title"], type="main")
    sub(titles, "title", metadata["container_title"], type="sub")
    for name in _names(metadata["authors"]):
        sub(titles, "author", name)
    for name in settings.editors:
        responsibility = sub(titles, "respStmt")
        sub(responsibility, "resp", "Edited by")
        sub(responsibility, "name", name)
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", settings.publisher)
    sub(publication, "date", metadata["issued"], when=metadata["issued"])
    sub(publication, "idno", metadata["version"], type="version")
    if settings.base_url:
        sub(publication, "idno", settings.base_url, type="URI")
    availability = sub(publication, "availability")
    sub(availability, "licence", settings.licence, target=settings.licence_url)
    if settings.text_terms:
        sub(availability, "p", settings.text_terms)
    source = sub(sub(file_desc, "sourceDesc"), "bibl", type="copy-text")
    copy_text = apparatus.bibliography.get(settings.copy_text_work)
    if copy_text:
        csl = copy_text.csl
        sub(source, "title", csl["title"])
        if csl.get("container-title"):
            sub(source, "title", csl["container-title"], level="m")
        _dated(source, "date", csl.get("issued"))
        if csl.get("URL"):
            sub(source, "ref", csl["URL"], target=csl["URL"])
    if settings.copy_text_sha256:
        sub(source, "idno", settings.copy_text_sha256, type="SHA-256")
    if copy_text and copy_text.csl.get("note"):
        sub(source, "note", copy_text.csl["note"], type="provenance")
    encoding = sub(head, "encodingDesc")
    _paragraphs(sub(encoding, "editorialDecl"), settings.principles)
    refs = sub(encoding, "refsDecl")
    pattern = sub(
        refs,
        "cRefPattern",
        matchPattern=f"({settings.anchor_pattern})",
        replacementPattern=f"#{settings.fragment_prefix}$1",
    )
    sub(pattern, "p", f"A paragraph's anchor (such as {settings.example_anchor}) is its n; its xml:id is the "
        f"letter {settings.fragment_prefix} and the anchor, as in the fragment of its address online.")
    if apparatus.persons:
        persons(sub(sub(head, "profileDesc"), "particDesc"), apparatus)
    revisions = sub(head, "revisionDesc")
    _changes(revisions, settings.versions)
    if not len(revisions):
        sub(revisions, "change", f"Version {metadata['version']}", when=metadata["issued"], n=metadata["version"])


def persons(parent: Element, apparatus: Apparatus) -> None:
    listing = sub(parent, "listPerson")
    for person in apparatus.persons.values():
        element = sub(listing, "person", xml_id=f"person-{person.id}")
        sub(element, "persName", person.name)
        sub(element, "persName", person.index_name, type="index")
        for form in person.forms:
            sub(element, "persName", form, type="form")
        _dated(element, "birth", person.born)
        _dated(element, "death", person.died)
        if person.wikidata:
            sub(element, "idno", f"http://www.wikidata.org/entity/{person.wikidata}", type="wikidata")
        if person.mia_glossary:
            sub(element, "idno", person.mia_glossary, type="MIA-glossary")
        if person.authority_note:
            sub(element, "note", person.authority_note, type="authority")
        sub(element, "note", person.role, type="role-1927")
        sources_list(element, person.sources)


def back(root: Element, apparatus: Apparatus) -> None:
    back = sub(root, "back")
    if apparatus.glossary:
        glossary(sub(back, "div", type="glossary"), apparatus)
    structure = [n for n in apparatus.textual_notes.values() if n.kind == "structure"]
    if structure:
        division = sub(back, "div", type="textual-notes")
        sub(division, "head", "Changes of structure")
        for note in structure:
            paragraph = sub(division, "p")
            sub(paragraph, "ref", note.target.anchor, target=f"#p{note.target.anchor}")
            paragraph[-1].tail = f": {note.adopted}. The copy-text: {note.copy_text}. {note.reason}"
    if apparatus.bibliography:
        works(sub(back, "div", type="bibliography"), apparatus)
    if not len(back):
        text = root.find(tei("text"))
        assert text is not None  # made above
        text.remove(back)


def glossary(division: Element, apparatus: Apparatus) -> None:
    sub(division, "head", "Glossary")
    terms = sub(division, "list", type="gloss")
    for term in apparatus.glossary.values():
        sub(terms, "label", term.term, xml_id=f"term-{term.id}")
        item = sub(terms, "item", term.definition)
        if term.also:
            sub(item, "note", term.also, type="also")
        sources_list(item, term.sources)


def works(division: Element, apparatus: Apparatus) -> None:
    sub(division, "head", "Works cited")
    listing = sub(division, "listBibl")
    for entry in apparatus.bibliography.values():
        csl = entry.csl
        bibl = sub(listing, "bibl", xml_id=f"w-{entry.id}", type=csl["type"])
        for name in _names(csl.get("author", [])):
            sub(bibl, "author", name)
        for name in _names(csl.get("editor", [])):
            sub(bibl, "editor", name)
        sub(bibl, "title", csl["title"])
        if csl.get("container-title"):
            sub(bibl, "title", csl["container-title"], level="j" if csl["type"].startswith("article") else "m")
        if csl.get("publisher"):
            sub(bibl, "publisher", csl["publisher"])
        if csl.get("publisher-place"):
            sub(bibl, "pubPlace", csl["publisher-place"])
        _dated(bibl, "date", csl.get("issued"))
        for unit, key in (("volume", "volume"), ("page", "page")):
            if csl.get(key):
                sub(bibl, "biblScope", str(csl[key]), unit=unit)
        if csl.get("URL"):
            sub(bibl, "ref", csl["URL"], target=csl["URL"])
        if csl.get("note"):
            sub(bibl, "note", csl["note"])


def tei_document(settings: ExportSettings, apparatus: Apparatus, units: list[Unit]) -> bytes:
    """The TEI document of the edition, UTF-8."""
    root = Element(tei("TEI"), {"{http://www.w3.org/XML/1998/namespace}lang": settings.metadata.get("language", "en")})
    header(root, settings, apparatus)
    text = sub(root, "text")
    TextWriter(apparatus).body(sub(text, "body"), units)
    back(text, apparatus)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8") + b"\n"
