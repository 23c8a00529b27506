"""A chart in print: drawn with TikZ from the same data as online, so the PDF holds it as vectors.

It stands as a float at the top or bottom of a page (or on a page of its own),
so the running text is never broken by it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.texescape import escape

BAR_SPACE = 80.0  # millimetres for the longest share
ROW = 11.0


def chart_tikz(record) -> str:
    longest = max([g.percent for g in record.groups] + ([record.stated[1]] if record.stated else []))
    scale = BAR_SPACE / max(longest, 1)
    lines = [r"\begin{figure}[tbp]", r"\centering\small", r"\begin{tikzpicture}[x=1mm,y=1mm]"]
    y = 0.0
    for index, group in enumerate(record.groups):
        width = group.percent * scale
        lines += [
            rf"\node[anchor=south west,inner sep=0pt] at (0,{y + 1:.1f}) {{{escape(group.short)}}};",
            rf"\fill[black!55] (0,{y - 3.5:.1f}) rectangle ({width:.1f},{y:.1f});",
            rf"\node[anchor=west,inner sep=0pt] at ({width + 2:.1f},{y - 1.75:.1f}) "
            rf"{{{escape(group.printed)} ({group.percent:.1f}\,\%)}};",
        ]
        if record.stated and record.stated[0] == index:
            x = record.stated[1] * scale
            lines += [
                rf"\draw[thick,dashed] ({x:.1f},{y + 0.5:.1f}) -- ({x:.1f},{y - 5:.1f});",
                rf"\node[anchor=north,inner sep=0pt,font=\footnotesize] at ({x:.1f},{y - 5.5:.1f}) "
                rf"{{the text: {record.stated[1]:g}\,\%}};",
            ]
            y -= 5.0
        y -= ROW
    lines += [
        r"\end{tikzpicture}",
        rf"\par\medskip{{\footnotesize {escape(record.title)}. Total {record.total:,} {escape(record.unit)}; "
        r"each bar is its group's share of the total.\par}",
        r"\end{figure}",
    ]
    return "\n".join(lines) + "\n"


def visit_chart(self, node: nodes.Element) -> None:
    self.body.append("\n" + chart_tikz(node["data"]))
    raise nodes.SkipNode


LATEX_CHART = (visit_chart, None)
