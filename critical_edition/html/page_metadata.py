"""Metadata that reference managers read: Highwire Press tags, Dublin Core, schema.org JSON-LD.

Zotero's embedded-metadata reader takes a page with ``citation_inbook_title``
for a book section; every value comes from the same record as the citations.
"""

from __future__ import annotations

import html
import json
from typing import Any

from sphinx.application import Sphinx

from ..citing.citations import permalink
from ..text.domain import EditionDomain


def _name(person: dict[str, str]) -> str:
    return person.get("literal") or ", ".join(filter(None, [person.get("family"), person.get("given")]))


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{html.escape(content, quote=True)}">'


def meta_tags(metadata: dict[str, Any], url: str) -> list[str]:
    """Highwire Press and Dublin Core tags for a chapter of the edition."""
    date = metadata["issued"].replace("-", "/")
    tags = [_meta("citation_title", metadata["title"])]
    tags += [_meta("citation_author", _name(author)) for author in metadata["authors"]]
    tags += [_meta("citation_editor", _name(editor)) for editor in metadata.get("editors", [])]
    tags += [
        _meta("citation_inbook_title", metadata["container_title"]),
        _meta("citation_publication_date", date),
        _meta("citation_online_date", date),
        _meta("citation_language", metadata.get("language", "en")),
        _meta("citation_public_url", url),
        '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">',
        _meta("DC.title", metadata["title"]),
        *(_meta("DC.creator", _name(author)) for author in metadata["authors"]),
        _meta("DC.date", metadata["issued"]),
        _meta("DC.type", "Text"),
        _meta("DC.format", "text/html"),
        _meta("DC.identifier", url),
        _meta("DC.language", metadata.get("language", "en")),
        _meta("DC.relation.isPartOf", metadata["container_title"]),
    ]
    if metadata.get("publisher"):
        tags.append(_meta("citation_publisher", metadata["publisher"]))
        tags.append(_meta("DC.publisher", metadata["publisher"]))
    if metadata.get("rights"):
        tags.append(_meta("DC.rights", metadata["rights"]))
    return tags


def json_ld(metadata: dict[str, Any], url: str) -> str:
    """schema.org description of the chapter as part of the edition."""
    data = {
        "@context": "https://schema.org",
        "@type": "Chapter",
        "name": metadata["title"],
        "url": url,
        "inLanguage": metadata.get("language", "en"),
        "datePublished": metadata["issued"],
        "version": metadata["version"],
        "author": [{"@type": "Organization" if "literal" in a else "Person", "name": _name(a)} for a in metadata["authors"]],
        "isPartOf": {"@type": "Book", "name": metadata["container_title"]},
    }
    if metadata.get("rights"):
        data["license"] = metadata["rights"]
    payload = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


def add_metadata(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Put the tags in the head of every page of the reading text."""
    domain = app.env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    metadata = app.config.edition_metadata
    if not metadata or not domain.units.get(pagename) or app.builder.name == "epub":
        return
    url = permalink(app.config.html_baseurl, app.builder.get_target_uri(pagename), "")[:-1]
    context["metatags"] = context.get("metatags", "") + "\n".join([*meta_tags(metadata, url), json_ld(metadata, url)]) + "\n"
