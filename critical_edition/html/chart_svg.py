"""A chart online: an SVG drawn from the data at build time, with its title and description.

The picture is an image to screen readers (``role="img"``, named by its
``<title>`` and described by its ``<desc>``); the table it is drawn from
stays in the page, so nothing is only in the picture. Its colours follow the
theme's text colour, so it reads in the light and the dark mode alike.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW = 52
BAR_SPACE = 400  # the width of 50 per cent at most; the longest share sets the scale


def _scale(record) -> float:
    """Pixels per per cent: the longest bar (or the stated share) takes the bar space."""
    longest = max([g.percent for g in record.groups] + ([record.stated[1]] if record.stated else []))
    return BAR_SPACE / max(longest, 1)


def chart_svg(record) -> str:
    """The SVG of one chart record."""
    scale = _scale(record)
    title_id, desc_id = f"{record.id}-title", f"{record.id}-desc"
    extra = 22 if record.stated else 0
    height = len(record.groups) * ROW + extra + 8
    parts = [
        f'<svg class="edition-chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{title_id} {desc_id}" data-total="{record.total}">',
        f'<title id="{title_id}">{escape(record.title)}</title>',
        f'<desc id="{desc_id}">{escape(record.description())}</desc>',
    ]
    y = 4
    for index, group in enumerate(record.groups):
        width = group.percent * scale
        parts.append(
            f'<g class="edition-chart-group" data-value="{group.value}" data-percent="{group.percent:.1f}">'
            f'<text x="0" y="{y + 13}" class="edition-chart-label">{escape(group.short)}</text>'
            f'<rect x="0" y="{y + LABEL_HEIGHT + 2}" width="{width:.1f}" height="{BAR_HEIGHT}" class="edition-chart-bar"/>'
            f'<text x="{width + 6:.1f}" y="{y + LABEL_HEIGHT + 15}" class="edition-chart-value">'
            f"{escape(group.printed)} · {group.percent:.1f} %</text></g>"
        )
        if record.stated and record.stated[0] == index:
            stated = record.stated[1]
            x = stated * scale
            top, bottom = y + LABEL_HEIGHT, y + LABEL_HEIGHT + BAR_HEIGHT + 8
            parts.append(
                f'<g class="edition-chart-stated" data-percent="{stated:g}">'
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" class="edition-chart-mark"/>'
                f'<text x="{x:.1f}" y="{bottom + 13}" text-anchor="middle" class="edition-chart-note">'
                f"the text: {stated:g} %</text></g>"
            )
            y += extra
        y += ROW
    parts.append("</svg>")
    return "".join(parts)


def visit_chart(self, node: nodes.Element) -> None:
    record = node["data"]
    self.body.append(
        f'<figure class="edition-chart" id="{node["ids"][0]}">{chart_svg(record)}'
        f'<figcaption>{escape(record.title)}. Total {record.total:,} {escape(record.unit)}; '
        f"each bar is its group's share of the total.</figcaption></figure>\n"
    )
    raise nodes.SkipNode


HTML_CHART = (visit_chart, None)
