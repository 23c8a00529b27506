"""The source policy: what the editors' sources may be, checked as the apparatus is read.

A reader weighs a statement by its source, so every person, term and
editorial note needs one source that is not a copy on the web, nor the
edition's own copy-text (``kind: copy-text``: it shows what the text says,
not whether what it says of a person or a term is so), and no work
may be cited at an address a reviewer would strike out: a bare IP address,
a host name ending in a dot, an odd port, or a host the project denies in its
``source-policy.yaml`` (optional; each host there covers its subdomains).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import yaml

from ..diagnostics import Finding, Problem
from .files import SAFE_LOADER, read_data_file
from .records import Apparatus

if TYPE_CHECKING:
    from referencing import Registry

#: The data file of the deny list, in the data folder.
POLICY_FILE = "source-policy.yaml"
#: The kind of work that is a copy on the web (``kind`` in the bibliography).
WEB_COPY = "web-page"
#: The kind of the edition's own copy-text: it shows what the text says, never whether it is so.
COPY_TEXT = "copy-text"
#: The port a URL may name for its scheme: any other is odd.
USUAL_PORTS = {"http": 80, "https": 443}


class DeniedHost(NamedTuple):
    """A host the edition never cites, with the reason."""

    host: str
    reason: str


def read_policy(data_dir: Path, shown_dir: str, schemas: Registry) -> tuple[tuple[DeniedHost, ...], list[Finding]]:
    """The deny list of the data folder (none when the file is missing), and its problems."""
    path = data_dir / POLICY_FILE
    if not path.exists():
        return (), []
    data, problems = read_data_file(path, f"{shown_dir}/{POLICY_FILE}", "source-policy.schema.json", schemas)
    if problems:
        return (), [Finding(f"{data.shown_as}:{p.line}", p.message, p.kind) for p in problems]
    # read_data_file keeps list files only; the policy is a mapping, valid by now.
    policy = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return tuple(DeniedHost(entry["host"].lower(), entry["reason"]) for entry in policy["deny"]), []


def _denial(host: str, deny: tuple[DeniedHost, ...]) -> DeniedHost | None:
    for denied in deny:
        if host == denied.host or host.endswith("." + denied.host):
            return denied
    return None


def url_problem(url: str, deny: tuple[DeniedHost, ...]) -> str | None:
    """What is wrong with citing ``url``, or ``None``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host:
        return "has no host"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return "has a bare IP address as its host"
    if host.endswith("."):
        return f"has a host name ending in a dot ({host!r})"
    try:
        port = parts.port
    except ValueError:
        return "has a port that is not a number in range"
    if port is not None and port != USUAL_PORTS.get(parts.scheme.lower()):
        return f"is on the odd port {port}"
    denied = _denial(host, deny)
    if denied is not None:
        return f"is on {denied.host!r}, which the source policy denies ({denied.reason})"
    return None


def _urls(apparatus: Apparatus) -> Iterator[tuple[str, str, str]]:
    """Every (address, whose, where) the apparatus cites."""
    for work in apparatus.bibliography.values():
        if isinstance(work.csl.get("URL"), str):
            yield work.csl["URL"], f"work {work.id!r}", work.location
    for person in apparatus.persons.values():
        for field, value in (("MIA glossary entry", person.mia_glossary), ("Wikidata check", person.wikidata_verified)):
            if value and value.startswith(("http://", "https://")):
                yield value, f"person {person.id!r}: the {field}", person.location


#: The records that must rest on something better than web copies: the Apparatus field, how messages name
#: them, and whether the copy-text counts as a source of theirs. A note on the text (its arithmetic, its
#: readings) may rest on the text; what a record says of a person or a term needs a work about them.
CHECKED_KINDS = (
    ("persons", "person", False),
    ("glossary", "term", False),
    ("editorial_notes", "editorial note", True),
    ("textual_notes", "textual note", True),
)


def _web_only(apparatus: Apparatus) -> Iterator[Finding]:
    for field, label, text_counts in CHECKED_KINDS:
        for record in getattr(apparatus, field).values():
            found = [apparatus.bibliography.get(source.work) for source in record.sources]
            works = [work for work in found if work is not None]
            if not works or len(works) < len(found):  # no sources, or an unknown id (reported as such)
                continue
            kinds = {work.csl.get("kind") for work in works}
            # A person the editors could not identify is given as the text gives him: the text is the source.
            text_is_a_source = text_counts or not getattr(record, "identified", True)
            if not kinds <= ({WEB_COPY} if text_is_a_source else {WEB_COPY, COPY_TEXT}):
                continue
            ids = ", ".join(dict.fromkeys(work.id for work in works))
            if COPY_TEXT in kinds:
                problem = (
                    f"every source is a web copy or the edition's copy-text ({ids}); "
                    "the copy-text is no source for what the record says: cite a work that is neither"
                )
            else:
                problem = f"every source is a web copy ({ids}); cite at least one that is not a web page"
            yield Finding(record.location, f"{label} {record.id!r}: {problem}", Problem.source)


def check_sources(apparatus: Apparatus, deny: tuple[DeniedHost, ...]) -> list[Finding]:
    """Records resting on web copies only, and addresses the policy rules out."""
    findings = list(_web_only(apparatus))
    for url, whose, location in _urls(apparatus):
        problem = url_problem(url, deny)
        if problem is not None:
            findings.append(Finding(location, f"{whose} URL {url!r} {problem}", Problem.source))
    return findings
