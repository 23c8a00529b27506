"""The extension's configuration values, checked before anything is read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .citing.citations import metadata_problems
from .config_shapes import shape_problems

#: When a change of the value makes Sphinx read (env) or write (html) the pages again.
Rebuild = Literal["", "env", "html"]

#: name: (default, rebuild, types, what it is)
CONFIG_VALUES: dict[str, tuple[Any, Rebuild, frozenset[type], str]] = {
    "edition_data_dir": ("footnotes", "env", frozenset({str}), "folder of the YAML apparatus, from conf.py"),
    "edition_anchor_pattern": (
        r"[0-9]+\.(?:0|[1-9][0-9]*|P[0-9]+)\.[1-9][0-9]*",
        "env",
        frozenset({str}),
        "regular expression every paragraph anchor matches, in upper case",
    ),
    "edition_fragment_prefix": ("p", "env", frozenset({str}), "letter put before an anchor to make its HTML id"),
    "edition_text_documents": ((), "env", frozenset({list, tuple}), "documents whose every paragraph needs an anchor"),
    "edition_anchor_manifest": ("", "env", frozenset({str}), "committed manifest of anchors, from conf.py"),
    "edition_update_manifest": (False, "", frozenset({bool}), "write the manifest instead of checking it"),
    "edition_metadata": ({}, "html", frozenset({dict}), "the edition's metadata record: title, authors, version ..."),
    "edition_anchor_aliases": ({}, "html", frozenset({dict}), "old anchor -> the anchor it became"),
    "edition_redirects": ({}, "html", frozenset({dict}), "old page -> the page it moved to"),
    "edition_neighbours": ({}, "html", frozenset({dict}), "document -> [label, address] of its neighbours in the work"),
    "edition_lean_pages": (True, "html", frozenset({bool}), "leave out what the theme ships but no page uses"),
    "edition_neighbours_label": ("The work", "html", frozenset({str}), "heading of the neighbours' links"),
    "edition_exports": ({}, "html", frozenset({dict}), "what the exports state beyond the metadata record"),
    "edition_copy_text": ("", "html", frozenset({str}), "the copy-text's file, from conf.py: the TEI header gives its SHA-256"),
    "edition_search_library": ("", "html", frozenset({str}), "MiniSearch's browser script, from conf.py; empty: the theme's search"),
}


def add_config_values(app: Sphinx) -> None:
    """Declare every ``edition_`` value with its type."""
    for name, (default, rebuild, types, description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types=types, description=description)


def check_config(app: Sphinx, config: Config) -> None:
    """Report every wrong value at once, before any file is read."""
    problems = []
    try:
        re.compile(config.edition_anchor_pattern)
    except re.error as error:
        problems.append(f"edition_anchor_pattern is not a regular expression: {error}")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", config.edition_fragment_prefix):
        problems.append("edition_fragment_prefix must start with a letter and hold only letters, digits, - and _")
    if config.edition_metadata:
        problems.extend(metadata_problems(config.edition_metadata, config.html_baseurl))
    problems.extend(shape_problems(app.confdir, config))
    data_dir = Path(app.confdir, config.edition_data_dir)
    if not data_dir.is_dir():
        problems.append(f"edition_data_dir {config.edition_data_dir!r} is not a folder beside conf.py")
    library = config.edition_search_library
    if library and not Path(app.confdir, library).is_file():
        problems.append(f"edition_search_library {library!r} is not a file beside conf.py (make tools installs it)")
    if problems:
        raise ConfigError("\n".join(problems))


def anchor_regex(config: Config) -> re.Pattern[str]:
    """The compiled anchor pattern; anchors are matched in upper case."""
    return re.compile(config.edition_anchor_pattern)
