"""Figures of the text drawn as charts: ``{figure-chart} id`` reads ``<data dir>/figures.yaml``.

A record names the table its figures are (by anchor) and gives each row's
label and figure as printed; the build computes the total and each group's
share, and sets a share the text states itself beside the computed one. The
chart is made afresh from the data at every build (SVG online, TikZ in
print): no image is committed. The data must agree with the text: each
group's label and figure stand in one row of the table, the stated share's
phrase stands in its paragraph, and every source is a work of the
bibliography, not all of them copies on the web (the source policy of every
editorial record); a disagreement is a warning that names the data file's line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..data.files import load_schemas, read_data_file
from ..data.source_policy import WEB_COPY
from ..diagnostics import Problem, warn
from .anchors import fragment_of
from .nodes import card

DATA_FILE = "figures.yaml"
SCHEMA = "figures.schema.json"


class Group(NamedTuple):
    label: str
    short: str
    value: int
    printed: str
    percent: float


class Chart(NamedTuple):
    """One record of figures.yaml, with its arithmetic done."""

    id: str
    title: str
    table: str
    unit: str
    groups: tuple[Group, ...]
    total: int
    #: (group index from 0, the stated percent) or None.
    stated: tuple[int, float] | None
    location: str
    #: The stated share's place in the text (anchor, phrase) and its line in the data file.
    stated_target: dict | None = None
    stated_location: str = ""

    def description(self) -> str:
        """The chart in words: what a screen reader says for the picture."""
        parts = [f"{g.short}: {g.printed} {self.unit}, {g.percent:.1f} per cent" for g in self.groups]
        text = f"Horizontal bars, one per group, each as long as its share of the total of {self.total:,}: " + "; ".join(parts) + "."
        if self.stated is not None:
            index, percent = self.stated
            text += (
                f" The text states {percent:g} per cent for {self.groups[index].short.lower()}; "
                f"the figures give {self.groups[index].percent:.1f} per cent."
            )
        return text


class chart(nodes.General, nodes.Element):
    """A chart of one figures.yaml record; ``chart["data"]`` holds the :class:`Chart`."""


def read_charts(app: Sphinx) -> dict[str, Chart]:
    """Every record of figures.yaml by id; schema problems are warnings naming the line."""
    shown_dir = app.config.edition_data_dir.rstrip("/")
    path = Path(app.confdir, shown_dir, DATA_FILE)
    if not path.exists():
        return {}
    data, problems = read_data_file(path, f"{shown_dir}/{DATA_FILE}", SCHEMA, load_schemas())
    for problem in problems:
        warn(problem.kind, problem.message, f"{data.shown_as}:{problem.line}")
    if problems:
        return {}
    charts = {}
    bibliography = app.env.domains["edition"].apparatus.bibliography  # type: ignore[attr-defined]
    for index, raw in enumerate(data.records):
        location = data.location(index)
        for number, source in enumerate(raw["sources"]):
            if source["work"] not in bibliography:
                where = data.location(index, "sources", number, "work")
                warn(Problem.unknown_id, f"figures {raw['id']!r} give as source unknown work {source['work']!r}", where)
        works = [bibliography.get(source["work"]) for source in raw["sources"]]
        if works and None not in works and all(work.csl.get("kind") == WEB_COPY for work in works if work):
            ids = ", ".join(dict.fromkeys(source["work"] for source in raw["sources"]))
            message = f"figures {raw['id']!r}: every source is a web copy ({ids}); cite at least one that is not a web page"
            warn(Problem.source, message, location)
        values = [int(group["printed"].replace(",", "")) for group in raw["groups"]]
        total = sum(values)
        groups = tuple(
            Group(g["label"], g.get("short", g["label"]), value, g["printed"], 100 * value / total)
            for g, value in zip(raw["groups"], values, strict=True)
        )
        stated = raw.get("stated")
        if stated and stated["group"] > len(groups):
            warn(Problem.target, f"figures {raw['id']!r}: there is no group {stated['group']}", data.location(index, "stated", "group"))
            stated = None
        charts[raw["id"]] = Chart(
            raw["id"], raw["title"], raw["table"], raw.get("unit", ""), groups, total,
            (stated["group"] - 1, stated["percent"]) if stated else None, location,
            stated["target"] if stated else None, data.location(index, "stated", "target", "phrase") if stated else "",
        )
    return charts


class FigureChart(SphinxDirective):
    """``{figure-chart} id``: the chart of a figures.yaml record, placed where the directive stands."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        path, charts = getattr(self.env, "edition_charts", ("", {}))
        if path:
            self.env.note_dependency(path)
        record = charts.get(self.arguments[0])
        if record is None:
            warn(Problem.unknown_id, f"{{figure-chart}}: no record {self.arguments[0]!r} in {DATA_FILE}", self.get_location())
            return []
        node = chart("", data=record, ids=[f"figure-{record.id}"], classes=self.options.get("class", []))
        self.set_source_info(node)
        return [node]


def _words(node: nodes.Node) -> str:
    """The text's words in ``node``, without the cards' (which stand inline beside their phrase)."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, card):
        return ""
    return "".join(_words(child) for child in node.children)


def _unit_text(doctree: nodes.document, fragment: str) -> tuple[nodes.Element | None, list[str]]:
    """A unit and its text: row by row for a table."""
    for element in doctree.findall(nodes.Element):
        if fragment in element.get("ids", ()):
            rows = [" ".join(_words(row).split()) for row in element.findall(nodes.row)]
            return element, rows or [" ".join(_words(element).split())]
    return None, []


def check_charts(app: Sphinx, doctree: nodes.document) -> None:
    """Each chart's figures stand in its table's rows, and its stated share in its paragraph."""
    prefix = app.config.edition_fragment_prefix
    for node in doctree.findall(chart):
        record: Chart = node["data"]
        table, rows = _unit_text(doctree, fragment_of(record.table, prefix))
        if table is None:
            warn(Problem.target, f"figures {record.id!r}: no table {record.table} in this document", record.location)
            continue
        for group in record.groups:
            if not any(group.label in row and group.printed in row for row in rows):
                message = f"figures {record.id!r}: the table {record.table} has no row {group.label!r} with {group.printed}"
                warn(Problem.target, message, record.location)
        target, where = record.stated_target, record.stated_location
        if target is not None:
            _, paragraph = _unit_text(doctree, fragment_of(target["anchor"], prefix))
            if not paragraph or target["phrase"] not in paragraph[0]:
                warn(Problem.target, f"figures {record.id!r}: the phrase {target['phrase']!r} is not in {target['anchor']}", where)


def load_charts(app: Sphinx) -> None:
    """Read figures.yaml once per build, after the apparatus its sources point into."""
    path = Path(app.confdir, app.config.edition_data_dir, DATA_FILE)
    app.env.edition_charts = (str(path) if path.exists() else "", read_charts(app))  # type: ignore[attr-defined]


def skip(self, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_charts(app: Sphinx, html: Any, latex: Any) -> None:
    app.add_node(chart, html=html, latex=latex, text=(skip, None))
    app.add_directive("figure-chart", FigureChart)
    app.connect("builder-inited", load_charts)
    app.connect("doctree-read", check_charts)
