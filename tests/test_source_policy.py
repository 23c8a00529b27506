"""The source policy: the build warns on sources a reviewer would strike out."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest

from critical_edition.diagnostics import ApparatusError

#: The test roots.
ROOTS = Path(__file__).resolve().parent / "roots"

#: Every warning the root's planted sources call for, in the order of the data files.
EXPECTED = [
    "footnotes/bibliography.yaml:6: WARNING: work 'junk-copy' URL 'https://www.junk-mirror.example/ivanov' "
    "is on 'junk-mirror.example', which the source policy denies (Wikipedia mirror) [edition.source]",
    "footnotes/bibliography.yaml:13: WARNING: work 'bare-ipv4' URL 'http://192.0.2.7/ivanov.html' "
    "has a bare IP address as its host [edition.source]",
    "footnotes/bibliography.yaml:20: WARNING: work 'bare-ipv6' URL 'https://[2001:db8::1]/petrov' "
    "has a bare IP address as its host [edition.source]",
    "footnotes/bibliography.yaml:26: WARNING: work 'trailing-dot' URL 'https://encyclopedia.example.org./petrov' "
    "has a host name ending in a dot ('encyclopedia.example.org.') [edition.source]",
    "footnotes/bibliography.yaml:32: WARNING: work 'odd-port' URL 'http://archive.example.net:20082/petrov' "
    "is on the odd port 20082 [edition.source]",
    "footnotes/persons.yaml:1: WARNING: person 'ivanov': every source is a web copy (junk-copy, bare-ipv4); "
    "cite at least one that is not a web page [edition.source]",
    "footnotes/glossary.yaml:1: WARNING: term 'uyezd': every source is a web copy or the edition's copy-text "
    "(odd-port, the-text); the copy-text is no source for what the record says: cite a work that is neither "
    "[edition.source]",
    "footnotes/persons.yaml:10: WARNING: person 'petrov': the MIA glossary entry URL "
    "'https://www.junk-mirror.example./glossary/petrov.htm' has a host name ending in a dot "
    "('www.junk-mirror.example.') [edition.source]",
]


def source_warnings(app) -> list[str]:
    """The root's ``edition.source`` warnings, without the source directory before each path."""
    lines = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    return [re.sub(r"^.*?(footnotes/)", r"\1", line) for line in lines if "[edition.source]" in line]


def test_planted_sources_are_each_warned_on_with_file_and_line(make_root):
    app = make_root("source-policy")
    app.build()
    assert sorted(source_warnings(app)) == sorted(EXPECTED)


def test_with_an_empty_deny_list_only_the_denied_host_goes_unflagged(make_root):
    app = make_root("source-policy", files={"footnotes/source-policy.yaml": "deny: []\n"})
    app.build()
    assert sorted(source_warnings(app)) == sorted(EXPECTED[1:])


def test_the_copy_text_counts_as_a_source_only_when_its_kind_is_not_copy_text(make_root):
    bibliography = (ROOTS / "test-source-policy" / "footnotes" / "bibliography.yaml").read_text(encoding="utf-8")
    retyped = bibliography.replace("kind: copy-text", "kind: primary-text")
    assert retyped != bibliography
    app = make_root("source-policy", files={"footnotes/bibliography.yaml": retyped})
    app.build()
    assert sorted(source_warnings(app)) == sorted(line for line in EXPECTED if "'uyezd'" not in line)


def test_the_strict_build_fails_on_a_planted_junk_source(make_root):
    app = make_root("source-policy", warningiserror=True)
    app.build()
    assert app.statuscode == 1
    assert EXPECTED[0] in source_warnings(app)


def test_a_deny_list_that_breaks_its_schema_stops_the_build(make_root):
    warnings = StringIO()
    policy = "deny:\n  - host: junk-mirror.example\n  - host: Bad Host\n    reason: none\n"
    with pytest.raises(ApparatusError, match=r"in the data files of footnotes/"):
        make_root("source-policy", files={"footnotes/source-policy.yaml": policy}, warning=warnings)
    found = re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())
    assert "footnotes/source-policy.yaml:2: WARNING: field 'deny.reason' is required but missing [edition.schema]" in found
    assert "footnotes/source-policy.yaml:3: WARNING: field 'deny.host': 'Bad Host' does not match" in found


def test_the_readme_warning_table_documents_every_subtype():
    from pathlib import Path

    from critical_edition.diagnostics import Problem

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \| (?!`)", readme, flags=re.MULTILINE))
    assert {problem.value for problem in Problem} <= documented


def test_a_person_not_identified_and_a_note_on_the_text_may_rest_on_the_text(make_root):
    """The root's unidentified Sidorov and its editorial note cite the copy-text and a web page only: neither is flagged."""
    app = make_root("source-policy")
    app.build()
    flagged = " ".join(source_warnings(app))
    assert "'sidorov'" not in flagged and "'sums'" not in flagged
    persons = (ROOTS / "test-source-policy" / "footnotes" / "persons.yaml").read_text(encoding="utf-8")
    app = make_root("source-policy", files={"footnotes/persons.yaml": persons.replace("identified: false", "identified: true")})
    app.build()
    assert any("person 'sidorov': every source is a web copy or the edition's copy-text" in w for w in source_warnings(app))
