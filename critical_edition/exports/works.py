"""The works cited for reference managers: CSL-JSON and BibTeX, from the bibliography's records.

The records are CSL-JSON already; dates become CSL's ``date-parts``. BibTeX
takes each CSL type to its nearest entry type and keeps every field a parser
gives back unchanged (UTF-8, braces around values, the few special characters
escaped).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..data.apparatus import Apparatus

#: The CSL date variables.
DATES = ("issued", "accessed", "original-date", "event-date", "submitted")
#: CSL type -> BibTeX entry type (the rest are ``misc``).
ENTRY_TYPES = {
    "book": "book",
    "chapter": "incollection",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "report": "techreport",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
}
#: CSL variable -> BibTeX field, for the plain string variables.
FIELDS = {
    "title": "title",
    "container-title": "journal",
    "volume": "volume",
    "page": "pages",
    "publisher": "publisher",
    "publisher-place": "address",
    "URL": "url",
    "note": "note",
}


def date_parts(value: str) -> dict:
    return {"date-parts": [[int(part) for part in value.split("-")]]}


#: The variables CSL-JSON knows, from the official schema the project carries: the records' own fields stay out.
CSL_VARIABLES = frozenset(
    json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))["items"]["properties"]
)


def csl_items(apparatus: Apparatus) -> list[dict]:
    items = []
    for entry in apparatus.bibliography.values():
        item = {key: value for key, value in entry.csl.items() if key in CSL_VARIABLES}
        for key in DATES:
            if isinstance(item.get(key), str):
                item[key] = date_parts(item[key])
        items.append(item)
    return items


def works_csl_json(apparatus: Apparatus) -> bytes:
    return (json.dumps(csl_items(apparatus), ensure_ascii=False) + "\n").encode("utf-8")


def bibtex_value(text: str) -> str:
    """A value in braces: braces balanced, ``%``, ``&``, ``#``, ``$`` and ``_`` escaped."""
    text = re.sub(r"([%&#$_])", r"\\\1", str(text))
    text = text.replace("{", "(").replace("}", ")")
    return "{" + text + "}"


def _names(people: list[dict]) -> str:
    return " and ".join(
        "{" + p["literal"] + "}" if "literal" in p else ", ".join(filter(None, [p.get("family"), p.get("given")]))
        for p in people
    )


def bibtex_entry(item: dict) -> str:
    kind = ENTRY_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    for role in ("author", "editor"):
        if item.get(role):
            fields.append((role, "{" + _names(item[role]) + "}"))
    for variable, field in FIELDS.items():
        if item.get(variable) is not None:
            name = "booktitle" if field == "journal" and kind in ("incollection", "inproceedings") else field
            name = "howpublished" if field == "journal" and kind == "misc" else name
            fields.append((name, bibtex_value(item[variable])))
    for variable, field in (("issued", "date"), ("accessed", "urldate")):
        if item.get(variable):
            fields.append((field, "{" + "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(item[variable]["date-parts"][0])) + "}"))
            if variable == "issued":
                fields.append(("year", "{" + str(item[variable]["date-parts"][0][0]) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def works_bibtex(apparatus: Apparatus) -> bytes:
    return "\n".join(bibtex_entry(item) for item in csl_items(apparatus)).encode("utf-8")
