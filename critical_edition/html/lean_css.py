"""The theme's style sheets less the rules no page can use, and no font face for a file not shipped.

The book theme's style sheets come to some 390 KB, nearly all of it for
components the site does not have; a phone loads them before it can draw a
line. At the end of a build every style sheet in ``_static`` but the
edition's own is parsed with tinycss2, each selector with cssselect, and a
selector is kept when every class, id, element and attribute it needs
occurs in a built page or in a string of a script the pages load (scripts
add classes and elements as they run: their words count, much as
PurgeCSS's default extractor counts them; ``data-*`` attributes, which
scripts set through ``dataset``, count as present). Rules inside ``@media`` and ``@supports`` are kept
the same way, and an ``@font-face`` whose file the site does not ship is
dropped. A selector cssselect cannot read is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2
from cssselect import SelectorError, parse
from cssselect import parser as sel

from ..build_cache import cached_bytes

#: Style sheets the pass leaves as they are: the edition's own, written for its pages.
OWN = {"edition.css"}
#: A script's string literals, and the words in them: the names a script can add to a page
#: (its identifiers, minified to a letter or two, cannot).
STRING = re.compile(r"""(["'`])((?:\\.|(?!\1)[^\\])*)\1""")
WORD = re.compile(r"[A-Za-z0-9_-]+")
GROUPING = {"media", "supports", "layer", "container"}


class _Tokens(HTMLParser):
    """Element names, classes, ids and attribute names of a page, and the scripts it loads."""

    def __init__(self, into: set[str], scripts: set[str]):
        super().__init__(convert_charrefs=True)
        self.into = into
        self.scripts = scripts

    def handle_starttag(self, tag, attrs):
        self.into.add(tag)
        if tag == "script":
            source = dict(attrs).get("src")
            if source and not urlsplit(source).scheme:
                self.scripts.add(urlsplit(source).path)
        for name, value in attrs:
            self.into.add(name)
            if name == "class" and value:
                self.into.update(value.split())
            elif name == "id" and value:
                self.into.add(value)


def site_tokens(outdir: Path) -> set[str]:
    """Every name a selector could need that the built site holds."""
    tokens: set[str] = set()
    scripts: set[Path] = set()
    for page in outdir.rglob("*.html"):
        if "_static" not in page.parts:
            sources: set[str] = set()
            _Tokens(tokens, sources).feed(page.read_text(encoding="utf-8", errors="replace"))
            scripts.update((page.parent / source).resolve() for source in sources)
    for script in scripts:
        if script.is_file():
            for _, literal in STRING.findall(script.read_text(encoding="utf-8", errors="replace")):
                tokens.update(WORD.findall(literal))
    return tokens


def _needs(tree, into: set[str]) -> None:
    """The names ``tree`` needs present; what sits inside :not(), :is(), :where() or :has() need not be."""
    if isinstance(tree, sel.Element):
        if tree.element and tree.element != "*":
            into.add(tree.element.lower())
    elif isinstance(tree, sel.Class):
        into.add(tree.class_name)
        _needs(tree.selector, into)
    elif isinstance(tree, sel.Hash):
        into.add(tree.id)
        _needs(tree.selector, into)
    elif isinstance(tree, sel.Attrib):
        # Scripts set data-* attributes through `dataset` (document.documentElement.dataset.theme),
        # a name no string shows: those a selector asks for are taken as present.
        if not tree.attrib.lower().startswith("data-"):
            into.add(tree.attrib.lower())
        _needs(tree.selector, into)
    elif isinstance(tree, sel.CombinedSelector):
        _needs(tree.selector, into)
        _needs(tree.subselector, into)
    elif isinstance(tree, (sel.Pseudo, sel.Function, sel.Negation, sel.Matching, sel.SpecificityAdjustment, sel.Relation)):
        _needs(tree.selector, into)


def selector_used(selector: str, tokens: set[str]) -> bool:
    try:
        parsed = parse(selector)
    except SelectorError:  # a selector cssselect cannot read is kept
        return True
    for one in parsed:
        needed: set[str] = set()
        _needs(one.parsed_tree, needed)
        if needed <= tokens:
            return True
    return False


def _split_selectors(prelude: list) -> list[str]:
    """The selectors of a rule's prelude, split at its top-level commas."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [tinycss2.serialize(part).strip() for part in parts if tinycss2.serialize(part).strip()]


def _purge_rules(rules: list, tokens: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split_selectors(rule.prelude) if selector_used(s, tokens)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return "".join(out)


def purge(css: str, tokens: set[str]) -> str:
    """``css`` less the rules whose every selector needs a name ``tokens`` lacks."""
    return _purge_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), tokens)


def _font_urls(rule) -> list[str]:
    urls = []

    def walk(tokens):
        for token in tokens:
            if token.type == "url":
                urls.append(token.value)
            elif token.type == "function" and token.lower_name == "url":
                urls.extend(arg.value for arg in token.arguments if arg.type == "string")
            elif getattr(token, "content", None) and token.type != "function":
                walk(token.content)
            elif token.type == "function":
                walk(token.arguments)

    walk(rule.content or [])
    return urls


def drop_missing_font_faces(stylesheet: Path) -> None:
    """Leave out every @font-face whose file the site does not ship (a broken link otherwise)."""
    css = stylesheet.read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    missing = [
        rule
        for rule in rules
        if rule.type == "at-rule"
        and rule.lower_at_keyword == "font-face"
        and any(not urlsplit(url).scheme and not (stylesheet.parent / urlsplit(url).path).exists() for url in _font_urls(rule))
    ]
    if missing:
        stylesheet.write_text("".join(rule.serialize() for rule in rules if rule not in missing), encoding="utf-8")


def theme_stylesheets(outdir: Path) -> list[Path]:
    return sorted(p for p in Path(outdir, "_static").rglob("*.css") if p.name not in OWN)


def purge_stylesheets(outdir: Path, doctreedir: str | Path) -> None:
    """Rewrite the theme's style sheets in the output, each to the rules the site can use."""
    stylesheets = theme_stylesheets(outdir)
    if not stylesheets:
        return
    tokens = site_tokens(outdir)
    # The key holds this module's own source: a change to the rules of the cut makes it afresh.
    key_tokens = Path(__file__).read_bytes() + "\n".join(sorted(tokens)).encode()
    for stylesheet in stylesheets:
        original = stylesheet.read_bytes()
        lean = cached_bytes(
            doctreedir, f"css-{stylesheet.name}", original + b"\0" + key_tokens,
            lambda: purge(original.decode("utf-8"), tokens).encode("utf-8"),
        )
        stylesheet.write_bytes(lean)


def private_use_codes(outdir: Path) -> set[int]:
    """The icon code points the site's style sheets still name (in ``content`` and ``--fa``)."""
    codes: set[int] = set()

    def walk(tokens):
        for token in tokens:
            if token.type == "string":
                codes.update(ord(c) for c in token.value if 0xE000 <= ord(c) <= 0xF8FF)
            for inner in (getattr(token, "content", None), getattr(token, "arguments", None), getattr(token, "prelude", None)):
                if isinstance(inner, list):
                    walk(inner)

    for stylesheet in [*theme_stylesheets(outdir), Path(outdir, "_static", "edition.css")]:
        if stylesheet.exists():
            walk(tinycss2.parse_stylesheet(stylesheet.read_text(encoding="utf-8"), skip_comments=True))
    return codes


def lean_pages(app, exception: Exception | None) -> None:
    """The theme's style sheets cut to what the pages use, then its icon fonts, then their font faces."""
    from .icon_font_cut import cut_icon_fonts

    if exception is not None or app.builder.format != "html" or not app.config.edition_lean_pages:
        return
    purge_stylesheets(Path(app.outdir), app.doctreedir)
    cut_icon_fonts(app, exception)
    for stylesheet in theme_stylesheets(Path(app.outdir)):
        drop_missing_font_faces(stylesheet)
