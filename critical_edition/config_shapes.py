"""The shapes of the edition's dictionary options, checked key by key, and where each key stands in conf.py.

Sphinx checks only that ``edition_metadata`` or ``edition_neighbours`` is a
dict; a wrong entry would otherwise surface as a traceback while a page is
written. Each problem names the option and the key, and the line of conf.py
that gives the key when conf.py spells it out.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

#: The fields of the metadata record whose kind is checked: strings, CSL name lists, a number, a work.
STRING_KEYS = frozenset(
    {"id", "title", "container_title", "description", "issued", "version", "language", "publisher", "rights", "licence_page", "licence_url"}
)
NAME_KEYS = frozenset({"authors", "editors", "translators"})
#: The chapter's number in its work; the work the text is based on, with its address.
INTEGER_KEYS = frozenset({"position"})
WORK_KEYS = frozenset({"based_on"})
DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def config_location(confdir: str | Path, option: str, key: Any) -> str | None:
    """``conf.py:<line>`` of ``key`` in the dict literal given to ``option``, or None if conf.py does not spell it out."""
    path = Path(confdir, "conf.py")
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None
    for statement in ast.walk(tree):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Dict)
            and any(isinstance(t, ast.Name) and t.id == option for t in statement.targets)
        ):
            for node in statement.value.keys:
                if isinstance(node, ast.Constant) and node.value == key:
                    return f"conf.py:{node.lineno}"
    return None


def _located(confdir: str | Path, option: str, key: Any, problem: str) -> str:
    where = config_location(confdir, option, key)
    return f"{where}: {problem}" if where else problem


def _name_problem(name: Any) -> bool:
    return not (isinstance(name, dict) and (isinstance(name.get("literal"), str) or isinstance(name.get("family"), str)))


def metadata_shape(metadata: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, problem) for values of the wrong kind in the fields of the metadata record it knows."""
    problems = []
    for key, value in metadata.items():
        where = f"edition_metadata[{key!r}]"
        if key not in STRING_KEYS | NAME_KEYS | INTEGER_KEYS | WORK_KEYS:
            continue  # a field the checks do not know yet (the record grows with its readers): taken as it is
        if key in NAME_KEYS:
            if not isinstance(value, (list, tuple)):
                problems.append((key, f"{where} must be a list of names, not {value!r}"))
                continue
            for index, name in enumerate(value):
                if _name_problem(name):
                    problems.append(
                        (key, f"{where}[{index}] must be a name: a dict with 'family' (and 'given') or 'literal', not {name!r}")
                    )
        elif key in INTEGER_KEYS:
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append((key, f"{where} must be a whole number, not {value!r}"))
        elif key in WORK_KEYS:
            if not (isinstance(value, dict) and all(isinstance(value.get(part), str) for part in ("title", "url"))):
                problems.append((key, f"{where} must be a dict with a 'title' and a 'url', both strings, not {value!r}"))
        elif not isinstance(value, str):
            problems.append((key, f"{where} must be a string, not {value!r}"))
        elif key == "issued" and not DATE.fullmatch(value):
            problems.append((key, f"{where} must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not {value!r}"))
    return problems


def neighbours_shape(neighbours: dict[str, Any]) -> list[tuple[str, str]]:
    """(document, problem) for every entry that is not a list of [label, address] pairs."""
    problems = []
    for document, links in neighbours.items():
        where = f"edition_neighbours[{document!r}]"
        if not isinstance(links, (list, tuple)):
            problems.append((document, f"{where} must be a list of [label, address] pairs, not {links!r}"))
            continue
        for index, link in enumerate(links):
            if not (isinstance(link, (list, tuple)) and len(link) == 2 and all(isinstance(part, str) for part in link)):
                problems.append((document, f"{where}[{index}] must be a [label, address] pair of strings, not {link!r}"))
    return problems


def mapping_shape(option: str, mapping: dict[Any, Any], what: str) -> list[tuple[Any, str]]:
    """(key, problem) for every key or value of a string -> string option that is not a string."""
    problems = []
    for key, value in mapping.items():
        if not isinstance(key, str):
            problems.append((key, f"{option} has the key {key!r}, which is not a string"))
        elif not isinstance(value, str):
            problems.append((key, f"{option}[{key!r}] must be {what} (a string), not {value!r}"))
    return problems


def shape_problems(confdir: str | Path, config: Any) -> list[str]:
    """Every entry of the dictionary options that has the wrong shape, located where conf.py gives it."""
    found = [("edition_metadata", key, p) for key, p in metadata_shape(config.edition_metadata)]
    found += [("edition_neighbours", key, p) for key, p in neighbours_shape(config.edition_neighbours)]
    for option, what in (("edition_anchor_aliases", "the anchor it became"), ("edition_redirects", "the page it moved to")):
        found += [(option, key, p) for key, p in mapping_shape(option, getattr(config, option), what)]
    return [_located(confdir, option, key, problem) for option, key, problem in found]
