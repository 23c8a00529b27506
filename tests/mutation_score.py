"""The mutation score of each subpackage, from what ``mutmut run`` left in ``mutants/`` (make mutants)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code


def scores(mutants: Path) -> dict[str, Counter]:
    """Mutants by status, per subpackage of the extension."""
    by_package: dict[str, Counter] = {}
    for meta in sorted(mutants.glob("critical_edition/**/*.py.meta")):
        package = meta.relative_to(mutants / "critical_edition").parts[0]
        package = package if not package.endswith(".py.meta") else "(top level)"
        counts = by_package.setdefault(package, Counter())
        for exit_code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values():
            counts[status_by_exit_code[exit_code]] += 1
    return by_package


def main(mutants: Path = Path("mutants")) -> None:
    print(f"{'subpackage':<12} {'mutants':>7} {'checked':>7} {'killed':>6} {'survived':>8} {'score':>6}")
    for package, counts in scores(mutants).items():
        checked = sum(counts.values()) - counts["not checked"]
        if not checked:
            continue
        killed = counts["killed"] + counts["timeout"] + counts["segfault"]
        print(
            f"{package:<12} {sum(counts.values()):>7} {checked:>7} {killed:>6} {counts['survived']:>8} "
            f"{100 * killed / checked:>5.1f}%"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("mutants"))
