"""Metadata that reference managers read: Highwire Press tags, Dublin Core, OpenGraph, schema.org JSON-LD.

Zotero's Embedded Metadata translator reads the Highwire tags first: a page with
``citation_inbook_title`` is a book section, ``og:type`` ``book`` without it a
book. It sends every ``citation_author`` through its name splitter, which takes
a name ending in a comma as inverted and keeps it whole, in one field: so an
organisation (a CSL ``literal`` name) is written with that trailing comma.
Every value comes from the same record as the citations.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx

from ..citing.citations import page_address
from ..text.domain import EditionDomain

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def _name(person: dict[str, str]) -> str:
    return person.get("literal") or " ".join(filter(None, [person.get("given"), person.get("family")]))


def _highwire_name(person: dict[str, str]) -> str:
    """``Family, Given`` for a person; an organisation's name with a trailing comma, kept whole."""
    if "literal" in person:
        return person["literal"] + ","
    return ", ".join(filter(None, [person.get("family"), person.get("given")]))


def _meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(str(content), quote=True)}">'


def _agent(person: dict[str, str]) -> dict[str, str]:
    return {"@type": "Organization" if "literal" in person else "Person", "name": _name(person)}


@dataclass
class Page:
    """What the tags of one page say: the record, the page's title and address, the start page's, its kind."""

    metadata: dict[str, Any]
    title: str
    url: str
    home: str
    licence: str | None
    #: ``section`` (a text of the edition), ``book`` (the start page) or ``page``.
    kind: str


def highwire_tags(page: Page) -> list[str]:
    """The tags Zotero and Google Scholar read: a book section for the text, a book for the start page."""
    metadata = page.metadata
    date = metadata["issued"].replace("-", "/")
    title = metadata["title"] if page.kind == "section" else metadata["container_title"]
    tags = [_meta("citation_title", title)]
    tags += [_meta("citation_author", _highwire_name(author)) for author in metadata["authors"]]
    tags += [_meta("citation_editor", _highwire_name(editor)) for editor in metadata.get("editors", [])]
    if page.kind == "section":
        tags.append(_meta("citation_inbook_title", metadata["container_title"]))
    tags += [
        _meta("citation_publication_date", date),
        _meta("citation_online_date", date),
        _meta("citation_language", metadata.get("language", "en")),
        _meta("citation_public_url", page.url),
        # The version, which Zotero keeps as the edition (PRISM's namespace is one it knows).
        _meta("prism.edition", metadata["version"]),
    ]
    if metadata.get("publisher"):
        tags.append(_meta("citation_publisher", metadata["publisher"]))
    return tags


def dublin_core_tags(page: Page) -> list[str]:
    """Dublin Core for every page; the authors only where the page is theirs (the text, the whole)."""
    metadata = page.metadata
    tags = ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">', _meta("DC.title", page.title)]
    if page.kind in ("section", "book"):
        tags += [_meta("DC.creator", _name(author)) for author in metadata["authors"]]
    tags += [_meta("DC.contributor", _name(editor)) for editor in metadata.get("editors", [])]
    tags += [
        _meta("DC.date", metadata["issued"]),
        _meta("DC.type", "Text"),
        _meta("DC.format", "text/html"),
        _meta("DC.identifier", page.url),
        _meta("DC.language", metadata.get("language", "en")),
    ]
    if page.kind != "book":
        tags.append(_meta("DC.relation.isPartOf", metadata["container_title"]))
    if metadata.get("publisher"):
        tags.append(_meta("DC.publisher", metadata["publisher"]))
    if metadata.get("rights"):
        tags.append(_meta("DC.rights", metadata["rights"]))
    if metadata.get("based_on") and page.kind == "section":
        tags.append(_meta("DC.source", metadata["based_on"]["url"]))
    return tags


def opengraph_tags(page: Page) -> list[str]:
    """OpenGraph: the page's title, kind and address, the edition as the site."""
    metadata = page.metadata
    tags = [
        _meta("og:title", page.title, "property"),
        _meta("og:type", "book" if page.kind == "book" else "article", "property"),
        _meta("og:site_name", metadata["container_title"], "property"),
    ]
    if "://" in page.url:  # OpenGraph wants an absolute address
        tags.append(_meta("og:url", page.url, "property"))
    if metadata.get("description"):
        tags.append(_meta("og:description", metadata["description"], "property"))
    return tags


def json_ld(page: Page) -> str:
    """schema.org: the chapter as a part of the edition, the start page as the edition, other pages as its pages."""
    metadata = page.metadata
    edition: dict[str, Any] = {
        "@type": "Book",
        "@id": f"{page.home}#edition",
        "url": page.home,
        "name": metadata["container_title"],
        "bookEdition": metadata["version"],
        "version": metadata["version"],
        "inLanguage": metadata.get("language", "en"),
        "datePublished": metadata["issued"],
    }
    chapter: dict[str, Any] = {
        "@type": "Chapter",
        "@id": f"{page.url}#chapter" if page.kind == "section" else None,
        "name": metadata["title"],
        "author": [_agent(a) for a in metadata["authors"]],
        "inLanguage": metadata.get("language", "en"),
        "datePublished": metadata["issued"],
        "version": metadata["version"],
    }
    if metadata.get("position") is not None:
        chapter["position"] = metadata["position"]
    if metadata.get("based_on"):
        based_on = metadata["based_on"]
        chapter["isBasedOn"] = {"@type": "WebPage", "@id": based_on["url"], "url": based_on["url"], "name": based_on["title"]}
    for node in (edition, chapter):
        if metadata.get("editors"):
            node["editor"] = [_agent(e) for e in metadata["editors"]]
        if metadata.get("publisher"):
            node["publisher"] = {"@type": "Organization", "name": metadata["publisher"]}
        if page.licence:
            node["license"] = page.licence
    if page.kind == "section":
        data = {**chapter, "url": page.url, "isPartOf": edition}
    elif page.kind == "book":
        data = {**edition, "author": chapter["author"], "hasPart": {k: v for k, v in chapter.items() if v is not None}}
        if metadata.get("description"):
            data["description"] = metadata["description"]
    else:
        data = {"@type": "WebPage", "@id": page.url, "url": page.url, "name": page.title, "inLanguage": edition["inLanguage"], "isPartOf": edition}
    data = {"@context": "https://schema.org", **{k: v for k, v in data.items() if v is not None}}
    payload = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


def add_metadata(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Put the tags in the head of every page: the text as a book section, the start page as the book."""
    # docutils' writer adds a viewport tag of its own to the theme's: one is enough.
    context["metatags"] = context.get("metatags", "").replace(VIEWPORT, "")
    metadata = app.config.edition_metadata
    if not metadata or doctree is None or app.builder.name == "epub":
        return
    domain = app.env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    base = app.config.html_baseurl
    kind = "section" if domain.units.get(pagename) else "book" if pagename == app.config.root_doc else "page"
    licence_doc = metadata.get("licence_page")
    page = Page(
        metadata,
        html.unescape(context.get("title", "")) or metadata["title"],
        page_address(base, app.builder.get_target_uri(pagename)),
        page_address(base, app.builder.get_target_uri(app.config.root_doc)),
        page_address(base, app.builder.get_target_uri(licence_doc)) if licence_doc in app.env.all_docs else None,
        kind,
    )
    tags = [*opengraph_tags(page), *dublin_core_tags(page)]
    if kind != "page":
        tags = highwire_tags(page) + tags
    if metadata.get("description"):
        tags.insert(0, _meta("description", metadata["description"]))
    context["metatags"] += "\n".join([*tags, json_ld(page)]) + "\n"
