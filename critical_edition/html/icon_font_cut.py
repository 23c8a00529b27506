"""Lighter pages with no loss of function: what the theme ships but the edition does not use.

The theme's icons are drawn by its style sheet from an icon font; its
1.5 MB script that redraws them as SVG adds nothing, so pages do not load it
(``templates/static/webpack-macros.html`` leaves it out of the theme's head).
The icon font is cut down to the icons the site's pages use, and the icon
fonts no page uses are left out of the output. Cutting a font costs a clean
build more than any page, so the package ships the cut for the theme's own
icons (``icon_fonts/``, made by ``python -m critical_edition.html.icon_font_cut``);
a site that uses an icon the shipped cut lacks, or a theme with another font,
gets its font cut afresh.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from functools import partial
from pathlib import Path

from sphinx.application import Sphinx

from ..build_cache import cached_bytes
from .lean_css import private_use_codes

ICON_CLASS = re.compile(rb"\bfa-([a-z0-9-]+)")
FONT_FAMILIES = {"solid": "fa-solid-900.woff2", "regular": "fa-regular-400.woff2", "brands": "fa-brands-400.woff2"}
SHIPPED = Path(__file__).parent / "icon_fonts"


def icons_in(page: Path) -> set[str]:
    """The icon names a built page uses (read as bytes: the names are ASCII)."""
    return {name.decode() for name in set(ICON_CLASS.findall(page.read_bytes()))}


def _icon_codes(css: str, names: set[str]) -> set[int]:
    """The code points the theme's style sheet gives the named icons (``.fa-x{--fa:"\\f..."}``)."""
    import tinycss2

    codes: set[int] = set()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selectors = {s.strip().removeprefix(".fa-") for s in tinycss2.serialize(rule.prelude).split(",")}
        if not selectors & names:
            continue
        for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if declaration.type == "declaration" and declaration.name == "--fa":
                codes.update(ord(t.value) for t in declaration.value if t.type == "string" and len(t.value) == 1)
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


def _shipped_cut(filename: str, original: bytes, codes: set[int]) -> bytes | None:
    """The shipped cut of ``original`` when it holds every icon of ``codes``."""
    record = SHIPPED / f"{filename}.json"
    if not record.exists():
        return None
    made = json.loads(record.read_text(encoding="utf-8"))
    if made["original_sha256"] != hashlib.sha256(original).hexdigest() or not codes <= set(made["codes"]):
        return None
    return (SHIPPED / filename).read_bytes()


def ship_cut(filename: str, original: bytes, codes: set[int]) -> None:
    """Write the cut of ``original`` to ``codes`` into the package, with what it was cut from."""
    SHIPPED.mkdir(exist_ok=True)
    (SHIPPED / filename).write_bytes(_cut_font(original, codes))
    record = {"original_sha256": hashlib.sha256(original).hexdigest(), "codes": sorted(codes)}
    (SHIPPED / f"{filename}.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def _site_fonts(outdir: str | Path) -> tuple[Path, set[int], set[str]] | None:
    """The built site's icon font folder, the code points its pages use, and the icon names."""
    static = Path(outdir, "_static")
    fonts = next(iter(static.glob("vendor/fontawesome/*/webfonts")), None) or static / "vendor/fontawesome/webfonts"
    stylesheet = static / "styles" / "pydata-sphinx-theme.css"
    if not fonts.is_dir() or not stylesheet.exists():
        return None
    used: set[str] = set()
    for page in Path(outdir).rglob("*.html"):
        used.update(icons_in(page))
    # The kept style sheets name each icon the pages can show (by its class or in a `content`).
    codes = private_use_codes(Path(outdir))
    return fonts, codes, used


def cut_icon_fonts(app: Sphinx, exception: Exception | None) -> None:
    """Keep only the icons the pages use; drop the script and the unused fonts from the output."""
    if exception is not None or app.builder.format != "html" or not app.config.edition_lean_pages:
        return
    site = _site_fonts(app.outdir)
    if site is None:
        return
    fonts, codes, used = site
    for family, filename in FONT_FAMILIES.items():
        path = fonts / filename
        if not path.exists():
            continue
        if family not in used:
            path.unlink()
            continue
        original = path.read_bytes()
        key = original + ",".join(map(str, sorted(codes))).encode()
        cut = _shipped_cut(filename, original, codes)
        path.write_bytes(cut or cached_bytes(app.doctreedir, filename, key, partial(_cut_font, original, codes)))
    for leftover in Path(app.outdir, "_static", "scripts").glob("fontawesome.js*"):
        leftover.unlink()


if __name__ == "__main__":
    # Ship the cuts a built site needs: python -m critical_edition.html.icon_font_cut _build/html
    found = _site_fonts(sys.argv[1])
    if found is None:
        sys.exit(f"{sys.argv[1]}: no built site with the theme's icon fonts")
    theme_fonts = Path(str(__import__("pydata_sphinx_theme").__file__)).parent / "theme/pydata_sphinx_theme/static/vendor/fontawesome"
    for family, filename in FONT_FAMILIES.items():
        if family in found[2]:
            original = next(theme_fonts.rglob(filename)).read_bytes()
            ship_cut(filename, original, found[1])
            print(f"shipped {filename}: {len(found[1])} icons")
