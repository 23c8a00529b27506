"""Lighter pages with no loss of function: what the theme ships but the edition does not use.

The theme's icons are drawn by its style sheet from an icon font; its
1.5 MB script that redraws them as SVG adds nothing, so pages do not load it
(``templates/static/webpack-macros.html`` leaves it out of the theme's head).
The icon font is cut down to the icons the site's pages use, and the icon
fonts no page uses are left out of the output.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from sphinx.application import Sphinx

from .build_cache import cached_bytes

ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
FONT_FAMILIES = {"solid": "fa-solid-900.woff2", "regular": "fa-regular-400.woff2", "brands": "fa-brands-400.woff2"}


def _icon_codes(css: str, names: set[str]) -> set[int]:
    """The code points the theme's style sheet gives the named icons."""
    codes = set()
    for rule in css.split("}"):
        selectors, _, body = rule.partition("{")
        code = re.match(r'--fa:"\\([0-9a-f]+)"', body)
        if code and {s.strip().removeprefix(".fa-") for s in selectors.split(",")} & names:
            codes.add(int(code.group(1), 16))
    return codes


def _cut_font(original: bytes, codes: set[int]) -> bytes:
    """An icon font with only the glyphs of ``codes``, as WOFF2."""
    from fontTools import subset  # imported only when a font must be cut
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(original), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def cut_icon_fonts(app: Sphinx, exception: Exception | None) -> None:
    """Keep only the icons the pages use; drop the script and the unused fonts from the output."""
    if exception is not None or app.builder.format != "html" or not app.config.edition_lean_pages:
        return
    static = Path(app.outdir, "_static")
    fonts = next(iter(static.glob("vendor/fontawesome/*/webfonts")), None) or static / "vendor/fontawesome/webfonts"
    stylesheet = static / "styles" / "pydata-sphinx-theme.css"
    if not fonts.is_dir() or not stylesheet.exists():
        return
    used: set[str] = set()
    for page in Path(app.outdir).rglob("*.html"):
        used.update(ICON_CLASS.findall(page.read_text(encoding="utf-8", errors="replace")))
    codes = _icon_codes(stylesheet.read_text(encoding="utf-8"), used)
    for family, filename in FONT_FAMILIES.items():
        path = fonts / filename
        if not path.exists():
            continue
        if family not in used:
            path.unlink()
            continue
        original = path.read_bytes()
        key = original + ",".join(map(str, sorted(codes))).encode()
        path.write_bytes(cached_bytes(app.doctreedir, filename, key, lambda: _cut_font(original, codes)))
    for leftover in (static / "scripts").glob("fontawesome.js*"):
        leftover.unlink()
