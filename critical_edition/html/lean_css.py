"""The theme's style sheets less the rules no page can use, and no font face for a file not shipped.

The book theme's style sheets come to some 390 KB, nearly all of it for
components the site does not have; a phone loads them before it can draw a
line. At the end of a build every style sheet in ``_static`` but the
edition's own keeps only the rules with a selector whose every class, id,
element and attribute occurs in a built page or in a string of a script the
pages load (scripts add classes and elements as they run: their words
count, much as PurgeCSS's default extractor counts them; ``data-*``
attributes, which scripts set through ``dataset``, count as present).
Rules inside ``@media`` and ``@supports`` are kept the same way, and an
``@font-face`` whose file the site does not ship is dropped.

A style sheet is read with tinycss2 into an index: its rules, each with what
its selectors need. Parsing costs a clean build more than any page, so the
package ships the index of the theme's own style sheets (``lean_css/``,
made by ``python -m critical_edition.html.lean_css _build/html``); another
theme's sheets are parsed at build time and the index kept with the build.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..build_cache import cached_bytes

#: Style sheets the pass leaves as they are: the edition's own, written for its pages.
OWN = {"edition.css"}
SHIPPED = Path(__file__).parent / "lean_css"
#: A page's start tags, attribute names and values; a script's string literals and their words.
TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(r"([^\s=/\"'>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
STRING = re.compile(r"""(["'`])((?:\\.|(?!\1)[^\\])*)\1""")
WORD = re.compile(r"[A-Za-z0-9_-]+")
GROUPING = {"media", "supports", "layer", "container"}
#: Bump when the index's form or the reading of selectors changes.
INDEX_VERSION = 1


def site_tokens(outdir: Path) -> set[str]:
    """Every name a selector could need that the built site holds."""
    tokens: set[str] = set()
    scripts: set[Path] = set()
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for tag, attributes in TAG.findall(page.read_text(encoding="utf-8", errors="replace")):
            tag = tag.lower()
            tokens.add(tag)
            for name, value in ATTRIBUTE.findall(attributes):
                name = name.lower()
                tokens.add(name)
                value = value.strip("\"'")
                if name == "class":
                    tokens.update(value.split())
                elif name == "id":
                    tokens.add(value)
                elif tag == "script" and name == "src" and not urlsplit(value).scheme:
                    scripts.add((page.parent / urlsplit(value).path).resolve())
    for script in scripts:
        if script.is_file():
            for _, literal in STRING.findall(script.read_text(encoding="utf-8", errors="replace")):
                tokens.update(WORD.findall(literal))
    return tokens


def _needs(tokens: list) -> list[str]:
    """The names one selector (its tinycss2 tokens) needs present; what stands in a
    function (:not(), :is(), :where(), :has(), :nth-child()) need not be."""
    needed = []
    previous = None
    for token in tokens:
        if token.type == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                needed.append(token.value)
            elif not (previous is not None and previous.type == "literal" and previous.value == ":"):
                needed.append(token.lower_value)
        elif token.type == "hash" and token.is_identifier:
            needed.append(token.value)
        elif token.type == "[] block":
            name = next((t.lower_value for t in token.content if t.type == "ident"), None)
            if name and not name.startswith("data-"):
                needed.append(name)
        previous = token
    return needed


def _split_selectors(prelude: list) -> list[list]:
    parts: list[list] = []
    current: list = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    return [*parts, current]


def _index_rules(rules: list) -> list:
    import tinycss2

    entries = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = []
            for part in _split_selectors(rule.prelude):
                text = tinycss2.serialize(part).strip()
                if text:
                    selectors.append([text, _needs(part)])
            entries.append({"selectors": selectors, "body": tinycss2.serialize(rule.content)})
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            entries.append({"group": f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", "rules": _index_rules(inner)})
        elif rule.type == "at-rule":
            entry = {"at": rule.lower_at_keyword, "text": rule.serialize()}
            if rule.lower_at_keyword == "font-face":
                entry["urls"] = _urls(rule.content or [])
            entries.append(entry)
    return entries


def _urls(tokens: list) -> list[str]:
    urls = []
    for token in tokens:
        if token.type == "url":
            urls.append(token.value)
        elif token.type == "function" and token.lower_name == "url":
            urls.extend(arg.value for arg in token.arguments if arg.type == "string")
    return urls


def index_stylesheet(css: str) -> list:
    """A style sheet's rules, each with its selectors and what each selector needs."""
    import tinycss2

    return _index_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _shipped(url: str, folder: Path) -> bool:
    return bool(urlsplit(url).scheme) or (folder / urlsplit(url).path).is_file()


def _kept(entries: list, tokens: set[str], folder: Path | None = None) -> str:
    """The rules ``tokens`` can use; with ``folder``, the font faces of files shipped beside it only."""
    out = []
    for entry in entries:
        if "selectors" in entry:
            kept = [text for text, needed in entry["selectors"] if set(needed) <= tokens]
            if kept:
                out.append(",".join(kept) + "{" + entry["body"] + "}")
        elif "group" in entry:
            inner = _kept(entry["rules"], tokens, folder)
            if inner:
                out.append(f"{entry['group']}{{{inner}}}")
        elif folder is None or all(_shipped(url, folder) for url in entry.get("urls", ())):
            out.append(entry["text"])
    return "".join(out)


def purge(css: str, tokens: set[str]) -> str:
    """``css`` less the rules whose every selector needs a name ``tokens`` lacks."""
    return _kept(index_stylesheet(css), tokens)


def _index_of(stylesheet: Path, original: bytes, doctreedir: str | Path) -> list:
    """The shipped index when it was made from this very file, else one made now and kept."""
    digest = hashlib.sha256(original).hexdigest()
    shipped = SHIPPED / f"{stylesheet.name}.{digest[:16]}.v{INDEX_VERSION}.json.gz"
    if shipped.exists():
        return json.loads(gzip.decompress(shipped.read_bytes()))
    key = original + f"index v{INDEX_VERSION}".encode()
    made = cached_bytes(doctreedir, f"css-index-{stylesheet.name}", key, lambda: _packed(original))
    return json.loads(gzip.decompress(made))


def _packed(original: bytes) -> bytes:
    data = json.dumps(index_stylesheet(original.decode("utf-8")), separators=(",", ":")).encode()
    return gzip.compress(data, 9, mtime=0)


def lean_stylesheets(outdir: Path, doctreedir: str | Path) -> dict[Path, list]:
    """Cut each theme style sheet of the output to the rules the site can use; its index, for a second pass."""
    tokens = site_tokens(outdir)
    indexes = {sheet: _index_of(sheet, sheet.read_bytes(), doctreedir) for sheet in theme_stylesheets(outdir)}
    for sheet, entries in indexes.items():
        sheet.write_text(_kept(entries, tokens), encoding="utf-8")
    return {sheet: [tokens, entries] for sheet, entries in indexes.items()}


def drop_unshipped_font_faces(indexes: dict[Path, list]) -> None:
    """The same cut, less every @font-face whose file the site does not ship (a broken link otherwise)."""
    for sheet, (tokens, entries) in indexes.items():
        sheet.write_text(_kept(entries, tokens, sheet.parent), encoding="utf-8")


def theme_stylesheets(outdir: Path) -> list[Path]:
    return sorted(p for p in Path(outdir, "_static").rglob("*.css") if p.name not in OWN)


def private_use_codes(outdir: Path) -> set[int]:
    """The icon code points the site's style sheets still name (in ``content`` and ``--fa``).

    The kept style sheets are tinycss2's writing, which sets every character as it is."""
    codes: set[int] = set()
    for stylesheet in [*theme_stylesheets(outdir), Path(outdir, "_static", "edition.css")]:
        if stylesheet.exists():
            codes.update(ord(c) for c in stylesheet.read_text(encoding="utf-8") if 0xE000 <= ord(c) <= 0xF8FF)
    return codes


if __name__ == "__main__":
    # Ship the indexes of the theme's style sheets: python -m critical_edition.html.lean_css _build/html
    import pydata_sphinx_theme
    import sphinx_book_theme

    SHIPPED.mkdir(exist_ok=True)
    for old in SHIPPED.glob("*.json.gz"):
        old.unlink()
    wanted = {p.name for p in theme_stylesheets(Path(sys.argv[1]))}
    for package in (pydata_sphinx_theme, sphinx_book_theme):
        for source in Path(package.__file__).parent.rglob("*.css"):
            if source.name in wanted:
                original = source.read_bytes()
                digest = hashlib.sha256(original).hexdigest()
                (SHIPPED / f"{source.name}.{digest[:16]}.v{INDEX_VERSION}.json.gz").write_bytes(_packed(original))
                print(f"shipped the index of {source.name}")
