"""Reading a built PDF back as text, for the tests of print."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text_of(latex_outdir: Path, *options: str) -> str:
    """Run latexmk (XeLaTeX) where Sphinx wrote its LaTeX, and read the PDF's text back."""
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-quiet -interaction=nonstopmode -halt-on-error"],
        cwd=latex_outdir,
        check=True,
        capture_output=True,
    )
    pdf = next(latex_outdir.glob("*.pdf"))
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
