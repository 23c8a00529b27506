"""Randomly broken data files: every one ends in located edition warnings or a clean load, never a traceback, never a silent drop.

Hypothesis breaks the good data of ``tests/roots/test-apparatus`` (its syntax,
its types, its ids, its targets, its encoding) and reads it with the loader;
a few of the broken sets are built in full.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import yaml
from conftest import ROOTS
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from critical_edition.data.apparatus import FATAL, KINDS, read_apparatus
from critical_edition.diagnostics import ApparatusError, Problem

GOOD = ROOTS / "test-apparatus"
FILES = {kind: (GOOD / "footnotes" / f"{kind}.yaml").read_bytes() for kind in KINDS}
#: Which attribute of the apparatus holds each kind's records.
HELD_IN = {
    "authorial": "authors_notes",
    "bibliography": "bibliography",
    "textual": "textual_notes",
    "editorial": "editorial_notes",
    "persons": "persons",
    "glossary": "glossary",
}

SYNTAX = ['"', "'", ":", ": ", "[", "]", "{", "}", "\t", "- ", "&a", "*a", "!", "%", "@", "`", "|", ">", "#", "\n", "  ", "? "]
VALUES = [
    "a-glossary", "lenin", "uyezd", "formerly", "1.0.1", "1.1.1", "Lenin", "Uyezd", "2", "1", "-3", "0", "1.5", "true",
    "null", "~", "[]", "{}", "[a, b]", "{a: 1}", "2026-13-45", "1927-11-07", '""', "x" * 300, "7.P3.1", "ivanov", "a-work",
]
ENCODINGS = ["latin-1", "utf-16", "utf-8-sig", "cp1251"]


#: Values a schema lets through where an id or a phrase stands: what the cross-checks and the text must catch.
VALID = ["a-work", "a-glossary", "ivanov", "lenin", "uyezd", "formerly", "top-down", "no-such-id", "Uyezd", "Ivanov", "the"]


@st.composite
def breakage(draw, valid_only: bool = False):
    """One way to break one file; with ``valid_only``, one that keeps it valid against its schema."""
    kind = draw(st.sampled_from(KINDS))
    how = draw(
        st.sampled_from(
            ["id", "target", "line", "record"] if valid_only
            else ["syntax", "value", "encoding", "bytes", "line", "text", "id", "target", "record"]
        )
    )
    return kind, how, draw(st.integers(0, 10_000)), draw(st.sampled_from(SYNTAX)), draw(st.sampled_from(VALID if valid_only else VALUES)), draw(
        st.text(min_size=0, max_size=12)
    )


BREAKAGES = st.one_of(st.lists(breakage(), min_size=1, max_size=4), st.lists(breakage(valid_only=True), min_size=1, max_size=3))


def broken(breakages) -> dict[str, bytes]:
    files = dict(FILES)
    for kind, how, where, mark, value, text in breakages:
        raw = files[kind]
        source = raw.decode("utf-8", errors="surrogateescape")
        lines = source.splitlines(keepends=True)
        lines = lines or ["\n"]
        index = where % len(lines)
        if how == "syntax":
            column = where % (len(lines[index]) or 1)
            lines[index] = lines[index][:column] + mark + lines[index][column:]
        elif how == "value":  # a value of another type where a field's value was
            key, colon, _ = lines[index].partition(": ")
            lines[index] = f"{key}{colon or ': '}{value}\n"
        elif how == "id":  # ids and references to them: repeated, changed, dangling
            named = [i for i, line in enumerate(lines) if re.search(r"\b(id|work|same_as_note|number): ", line)]
            if named:  # none in a file an earlier breakage re-encoded
                chosen = named[where % len(named)]
                lines[chosen] = re.sub(r"\b(id|work|same_as_note|number): .*", rf"\1: {value}", lines[chosen])
        elif how == "target":
            lines = [re.sub(r"\b(phrase|anchor|occurrence|note): .*", rf"\1: {value}", line) for line in lines]
        elif how == "record":  # a whole record given twice: the same id or number again
            starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
            if starts:
                first = starts[where % len(starts)]
                end = next((i for i in starts if i > first), len(lines))
                lines += ["\n", *lines[first:end]] if lines[-1].endswith("\n") else ["\n\n", *lines[first:end]]
        elif how == "line":  # a line lost, or given twice
            lines[index : index + 1] = [] if where % 2 else [lines[index]] * 2
        elif how == "text":  # any text, quoted as YAML would, where a value was
            key, colon, _ = lines[index].partition(": ")
            lines[index] = f"{key}{colon or ': '}{yaml.safe_dump(text, allow_unicode=True, width=10_000).splitlines()[0]}\n"
        if how == "encoding":
            files[kind] = "".join(lines).encode(ENCODINGS[where % len(ENCODINGS)], errors="replace")
        elif how == "bytes":
            files[kind] = raw[: where % len(raw)] + bytes([0x80 + where % 128, where % 32]) + raw[where % len(raw) :]
        else:
            files[kind] = "".join(lines).encode("utf-8", errors="surrogateescape")
    return files


def independent_records(raw: bytes) -> list | None:
    """The file's records as PyYAML alone reads them (libyaml where there is one), or ``None`` when it cannot."""
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError):
        return None
    return data if isinstance(data, list) else None


LOCATION = re.compile(r"footnotes/(\w+)\.yaml:([1-9][0-9]*)")


def check_findings(files: dict[str, bytes], apparatus) -> None:
    for finding in apparatus.findings:
        assert isinstance(finding.problem, Problem) and finding.message
        match = LOCATION.fullmatch(finding.location)
        assert match, finding
        kind, line = match.group(1), int(match.group(2))
        assert kind in files
        assert line <= max(1, files[kind].count(b"\n") + 1), finding
    for kind, raw in files.items():
        fatal = [f for f in apparatus.fatal if f.location.startswith(f"footnotes/{kind}.yaml:")]
        held = getattr(apparatus, HELD_IN[kind])
        if fatal:
            assert held == {}, kind
            continue
        records = independent_records(raw)
        assert records is not None, (kind, "read by the loader, unreadable to PyYAML")
        duplicates = [
            f for f in apparatus.findings if f.problem is Problem.duplicate_id and f.location.startswith(f"footnotes/{kind}.yaml:")
            and "is defined twice" in f.message
        ]
        assert len(held) + len(duplicates) == len(records), (kind, "a record vanished without a word")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BREAKAGES)
def test_the_loader_locates_every_problem_and_drops_nothing_silently(breakages):
    files = broken(breakages)
    with tempfile.TemporaryDirectory() as folder:
        for kind, raw in files.items():
            Path(folder, f"{kind}.yaml").write_bytes(raw)
        apparatus = read_apparatus(Path(folder), "footnotes")
    event("fatal" if apparatus.fatal else "warnings" if apparatus.findings else "clean")
    check_findings(files, apparatus)


WARNING = re.compile(r"(?:\S+\.(?:md|yaml)):[1-9][0-9]*: WARNING: .+ \[(edition\.\w+|ref\.work|ref\.person)\]")
#: A record dropped as a duplicate leaves references to it dangling: Sphinx's own located warning
#: until dangling edition references warn as ``edition.*`` (issue 12, "Nothing silent").
DANGLING = {"ref.work", "ref.person"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


BUILD_SETTINGS = settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@BUILD_SETTINGS
@given(st.lists(breakage(), min_size=1, max_size=3))
def test_a_build_of_broken_data_stops_with_located_edition_warnings(breakages):
    built_with_warnings(breakages)


@BUILD_SETTINGS
@given(st.lists(breakage(valid_only=True), min_size=1, max_size=3))
def test_a_build_of_wrong_but_valid_data_finishes_with_located_edition_warnings(breakages):
    built_with_warnings(breakages)


def built_with_warnings(breakages) -> None:
    """Build the good root with its data broken: it stops or finishes, every warning located and typed."""
    with tempfile.TemporaryDirectory() as folder:
        srcdir = Path(folder) / "root"
        shutil.copytree(GOOD, srcdir)
        for kind, raw in broken(breakages).items():
            (srcdir / "footnotes" / f"{kind}.yaml").write_bytes(raw)
        warnings = StringIO()
        stopped = False
        try:
            app = SphinxTestApp("html", srcdir=srcdir, warning=warnings)
            try:
                app.build()
            finally:
                app.cleanup()
        except ApparatusError:
            stopped = True
        event("stopped" if stopped else "built")
        lines = [line for line in ANSI.sub("", warnings.getvalue()).replace(f"{srcdir}/", "").splitlines() if line]
    for line in lines:
        match = WARNING.fullmatch(line)
        assert match, line
        assert match.group(1) in {f"edition.{problem.value}" for problem in Problem} | DANGLING, line
    if any(match.group(1) in DANGLING for match in map(WARNING.fullmatch, lines)):
        assert any("[edition." in line for line in lines)  # the dangling reference follows a reported problem
    if stopped:
        assert any(f"[edition.{problem.value}]" in line for line in lines for problem in FATAL)
