"""The LaTeX log read after the PDF is made: a link that leads nowhere or a line into the margin fails the build.

LaTeX reports both as warnings and makes the PDF all the same; a printer would
not accept it. Run as ``python -m critical_edition.latex.log_check FILE.log``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: An overfull box narrower than this is invisible in print (TeX reports to the hundred-thousandth of a point).
TOLERANCE_PT = 1.0

UNDEFINED = re.compile(r"^(?:LaTeX|Package \w+) Warning: (?:Hyper )?(Reference|reference|Citation) `([^']*)' on (page \S+)", re.MULTILINE)
OVERFULL = re.compile(r"^Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\) (.*)$", re.MULTILINE)


def log_problems(log: str) -> list[str]:
    """Every undefined reference and every line more than 1 pt too wide, as the log states them."""
    # TeX wraps its log at 79 characters: join the lines it broke inside a warning.
    joined = re.sub(r"(?m)^(.{79})\n", r"\1", log.replace("\r", ""))
    problems = [f"undefined reference `{name}' ({where})" for _, name, where in UNDEFINED.findall(joined)]
    problems += [f"line {float(width):.1f} pt into the margin {where}" for width, where in OVERFULL.findall(joined) if float(width) > TOLERANCE_PT]
    return list(dict.fromkeys(problems))


def main(argv: list[str] | None = None) -> int:
    [path] = argv if argv is not None else sys.argv[1:]
    problems = log_problems(Path(path).read_text(encoding="utf-8", errors="replace"))
    if problems:
        print(f"{path}: the PDF is not fit to print:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
