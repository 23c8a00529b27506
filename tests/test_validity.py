"""HTML validity: the Nu Html Checker (vnu, on the machine's Java) finds no error in the built pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import IN_CI, PROJECT

VNU = PROJECT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_html_checker_finds_no_error(edition_html):
    if shutil.which("java") is None or not VNU.exists():
        if IN_CI:
            pytest.fail("CI must have Java and vnu.jar (make tools)")
        pytest.skip("needs Java and vnu.jar (make tools)")
    pages = sorted(str(p) for p in Path(edition_html.outdir).glob("*.html"))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []
