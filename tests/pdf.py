"""Building a PDF where Sphinx wrote its LaTeX, and reading it back, for the tests of print."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

#: What the tests marked ``pdf`` need.
PDF_TOOLS = ("xelatex", "latexmk", "makeindex", "pdftotext", "pdfinfo")


def missing_pdf_tools() -> list[str]:
    return [tool for tool in PDF_TOOLS if shutil.which(tool) is None]


def make_pdf(latex_outdir: Path) -> Path:
    """Run latexmk (XeLaTeX) where Sphinx wrote its LaTeX, then read its log as ``make pdf`` does."""
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-quiet -interaction=nonstopmode -halt-on-error"],
        cwd=latex_outdir,
        check=True,
        capture_output=True,
    )
    pdf = next(latex_outdir.glob("*.pdf"))
    subprocess.run(
        [sys.executable, "-m", "critical_edition.latex.log_check", str(pdf.with_suffix(".log"))],
        check=True,
        capture_output=True,
        text=True,
    )
    return pdf


def pdf_text_of(latex_outdir: Path, *options: str) -> str:
    """Make the PDF (the log checked) and read its text back."""
    pdf = make_pdf(latex_outdir)
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    """The PDF's document information (pdfinfo), dates in ISO 8601."""
    out = subprocess.run(["pdfinfo", "-isodates", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}
