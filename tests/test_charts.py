"""The membership figure: drawn from footnotes/figures.yaml, agreeing with the table and the editors' note."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT, ROOTS

FIGURES = """- id: members
  title: "Members by group"
  table: "1.0.2"
  unit: "members"
  groups:
    - label: "Workers"
      printed: "300"
    - label: "Others"
      printed: "700"
  stated:
    group: 1
    percent: 25
    target:
      anchor: "1.0.3"
      phrase: "in fact, 25 per cent"
  sources:
    - work: "a-work"
      locator: "p. 3"
"""


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_chart_the_table_and_the_editors_note_give_the_same_figures(chapter_soup):
    table = chapter_soup.select_one("table[id='p7.1.2']")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in table.select("tr")]
    table_values = [number(row[-1]) for row in rows]
    assert table_values == [430_000, 15_700, 303_000, 462_000]
    total = sum(table_values)

    svg = chapter_soup.select_one("figure.edition-chart svg[role=img]")
    assert svg["aria-labelledby"].split() == [svg.title["id"], svg.desc["id"]]
    bars = svg.select("g.edition-chart-group")
    assert [int(g["data-value"]) for g in bars] == table_values
    assert int(svg["data-total"]) == total
    shares = [float(g["data-percent"]) for g in bars]
    assert shares == [round(100 * v / total, 1) for v in table_values]
    assert bars[0].select("text")[1].get_text() == "430,000 · 35.5 %"
    assert svg.select_one("g.edition-chart-stated")["data-percent"] == "31"
    assert "The text states 31 per cent" in svg.desc.get_text() and "the figures give 35.5 per cent" in svg.desc.get_text()

    # The editors' note states the same total and share; the text states the 31 per cent.
    notes = yaml.safe_load((PROJECT / "footnotes" / "editorial.yaml").read_text(encoding="utf-8"))
    note = next(n["text"] for n in notes if n["target"]["anchor"] == "7.1.3")
    assert f"add up to {total:,}" in note
    assert f"are {100 * table_values[0] / total:.1f} per cent" in note
    assert "only 31 per cent" in chapter_soup.select_one("p[id='p7.1.3']").get_text()
    # The chart's figures are the copy-text's, as printed on the row of their group (whose
    # label the reading text emends in one place: "formely").
    copy_text = (PROJECT / "copy-text" / "platform-1927-ch07-the-party.txt").read_text(encoding="utf-8")
    record = yaml.safe_load((PROJECT / "footnotes" / "figures.yaml").read_text(encoding="utf-8"))[0]
    for group in record["groups"]:
        row = re.escape(group["label"].split(" (")[0]) + r"\b.*\s" + re.escape(group["printed"]) + "$"
        assert re.search(row, copy_text, re.MULTILINE), group


def test_a_chart_is_built_from_the_data_file(make_root):
    app = make_root("charts", warningiserror=True)
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    svg = soup.select_one("figure#figure-members svg")
    assert [g["data-percent"] for g in svg.select("g.edition-chart-group")] == ["30.0", "70.0"]
    assert svg.title.get_text() == "Members by group"
    assert soup.select_one("table[id='p1.0.2']") is not None  # the table stays


def test_a_chart_needs_tikz_in_print_and_draws_each_bar(make_root):
    app = make_root("charts", buildername="latex")
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{tikzpicture}" in tex and r"{300 (30.0\,\%)}" in tex and "the text: 25" in tex
    assert (app.outdir / "critical-edition.sty").read_text(encoding="utf-8").count(r"\RequirePackage{tikz}") == 1


def build_warnings(make_root, figures: str, **files: str) -> str:
    app = make_root("charts", files={"footnotes/figures.yaml": figures, **files})
    app.build()
    return app.warning.getvalue()


def test_a_figure_the_table_does_not_print(make_root):
    warnings = build_warnings(make_root, FIGURES.replace('printed: "700"', 'printed: "750"'))
    assert (
        "footnotes/figures.yaml:1: WARNING: figures 'members': the table 1.0.2 has no row 'Others' with 750 [edition.target]"
        in warnings
    )


def test_a_stated_share_the_text_does_not_state(make_root):
    warnings = build_warnings(make_root, FIGURES.replace('phrase: "in fact, 25 per cent"', 'phrase: "in fact, 30 per cent"'))
    assert (
        "footnotes/figures.yaml:15: WARNING: figures 'members': the phrase 'in fact, 30 per cent' is not in 1.0.3 [edition.target]"
        in warnings
    )


def test_figures_with_an_unknown_source_or_a_bad_field(make_root):
    warnings = build_warnings(make_root, FIGURES.replace('work: "a-work"', 'work: "no-work"'))
    assert "footnotes/figures.yaml:17: WARNING: figures 'members' give as source unknown work 'no-work' [edition.unknown_id]" in warnings
    warnings = build_warnings(make_root, FIGURES.replace('printed: "300"', 'printed: "3 00"'))
    assert "footnotes/figures.yaml:7: WARNING: field 'groups.printed': '3 00' does not match" in warnings
    assert "[edition.schema]" in warnings


def test_figures_resting_on_a_web_copy_only(make_root):
    web_copy = '\n- id: a-web-copy\n  type: webpage\n  kind: web-page\n  title: "A copy"\n  URL: "https://example.org/a.html"\n  copy_of: "A Work"\n'
    bibliography = (ROOTS / "test-charts" / "footnotes" / "bibliography.yaml").read_text(encoding="utf-8") + web_copy
    warnings = build_warnings(
        make_root, FIGURES.replace('work: "a-work"', 'work: "a-web-copy"'), **{"footnotes/bibliography.yaml": bibliography}
    )
    assert (
        "footnotes/figures.yaml:1: WARNING: figures 'members': every source is a web copy (a-web-copy); "
        "cite at least one that is not a web page [edition.source]"
    ) in warnings
