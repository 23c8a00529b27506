"""The anchor manifest: the committed promise that every anchor stays put.

It maps each anchor to its document and a hash of its paragraph's text. A
build compares the text with it and warns when an anchor vanished, appeared,
or its text changed; ``edition_update_manifest`` rewrites it on purpose.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .domain import AnchoredUnit

Manifest = dict[str, dict[str, str]]


def manifest_of(units: Iterable[tuple[str, AnchoredUnit]]) -> Manifest:
    """The manifest the current text would have."""
    return {unit.anchor: {"document": docname, "sha256": unit.digest} for docname, unit in units}


def read_manifest(path: Path) -> Manifest:
    """The committed manifest; empty when there is none yet."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["anchors"]


def write_manifest(path: Path, manifest: Manifest) -> None:
    """Write the manifest in reading order, one anchor a line, for readable diffs."""
    lines = ",\n".join(f"    {json.dumps(anchor)}: {json.dumps(entry)}" for anchor, entry in manifest.items())
    path.write_text(
        '{\n  "about": "Anchors of the reading text and hashes of their normalized text; '
        'regenerate with make anchors",\n  "anchors": {\n' + lines + "\n  }\n}\n",
        encoding="utf-8",
    )


def manifest_line(path: Path, anchor: str) -> int:
    """The line of an anchor in the manifest file (1 when it is not there)."""
    if path.exists():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith(json.dumps(anchor) + ":"):
                return number
    return 1


def compare_manifest(committed: Manifest, current: Manifest) -> list[tuple[str, str]]:
    """What differs between the committed manifest and the text, anchor by anchor."""
    problems = []
    for anchor, entry in committed.items():
        now = current.get(anchor)
        if now is None:
            problems.append((anchor, f"anchor {anchor} is in the manifest but no longer in the text (vanished or renamed)"))
        elif now["document"] != entry["document"]:
            problems.append((anchor, f"anchor {anchor} moved from {entry['document']} to {now['document']}"))
        elif now["sha256"] != entry["sha256"]:
            problems.append((anchor, f"the text of {anchor} changed but the manifest did not"))
    for anchor in current:
        if anchor not in committed:
            problems.append((anchor, f"anchor {anchor} is in the text but not in the manifest"))
    return problems
