"""Configuration problems name the option and the key, and the line of conf.py that gives it."""

from __future__ import annotations

import re

import pytest
from sphinx.errors import ConfigError


def said(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).replace(f"{app.srcdir}/", "")
    return text.splitlines()


def test_aliases_and_redirects_to_nowhere_are_located_in_conf_py(make_root):
    app = make_root("config")
    app.build()
    assert said(app) == [
        "conf.py:6: WARNING: edition_anchor_aliases['1.0.8'] = '1.9.9': 1.9.9 is not an anchor of the text [edition.alias]",
        "conf.py:10: WARNING: edition_redirects['gone'] = 'nowhere': there is no document nowhere [edition.alias]",
    ]
    assert (app.outdir / "old" / "page.html").exists()


def test_a_value_conf_py_does_not_spell_out_is_named_without_a_line(make_root):
    app = make_root("config", confoverrides={"edition_anchor_aliases": {"1.0.7": "1.0.6"}, "edition_redirects": {}})
    app.build()
    assert said(app) == [
        "WARNING: edition_anchor_aliases['1.0.7'] = '1.0.6': 1.0.6 is not an anchor of the text [edition.alias]",
    ]


def test_entries_of_the_wrong_shape_are_named_by_option_key_and_line(make_root):
    with pytest.raises(ConfigError) as raised:
        make_root("config-shapes")
    assert str(raised.value).splitlines() == [
        "conf.py:8: edition_metadata['authors'][0] must be a name: a dict with 'family' (and 'given') or 'literal', "
        "not {'given': 'Ann'}",
        "conf.py:9: edition_metadata['issued'] must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not '25 November 2026'",
        "conf.py:10: edition_metadata['version'] must be a string, not 1",
        "conf.py:11: edition_metadata['position'] must be a whole number, not '7'",
        "conf.py:15: edition_neighbours['index'][1] must be a [label, address] pair of strings, not 'https://example.org/previous'",
        "conf.py:16: edition_neighbours['other'] must be a list of [label, address] pairs, not 'https://example.org/'",
        "conf.py:18: edition_anchor_aliases['1.0.9'] must be the anchor it became (a string), not 101",
        "conf.py:19: edition_redirects['old'] must be the page it moved to (a string), not None",
    ]
