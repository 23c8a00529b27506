"""The README's table of warnings and the Problem Enum name the same subtypes."""

from __future__ import annotations

import re

from conftest import PROJECT

from critical_edition.diagnostics import Problem


def readme_subtypes() -> list[str]:
    """The first column of the table under "| subtype | meaning |", in order."""
    lines = (PROJECT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| subtype | meaning |") + 2  # after the header and its rule
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(re.fullmatch(r"\| `([a-z_]+)` \| .+ \|", line).group(1))
    return rows


def test_every_subtype_is_documented_and_every_documented_subtype_exists():
    documented = readme_subtypes()
    assert len(documented) == len(set(documented))
    assert sorted(set(documented) - {p.value for p in Problem}) == []
    assert sorted({p.value for p in Problem} - set(documented)) == []
