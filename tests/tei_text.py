"""Reading the TEI export back: its body as the reading text or as the copy-text."""

from __future__ import annotations

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
#: Elements after which a reader's text breaks.
BLOCKS = {"p", "head", "cell", "item", "label", "quote", "row"}


def body_tokens(tei_path, keep: str, drop: str) -> list[str]:
    """The body's words: notes left out, of each ``choice`` only the ``keep`` side (``corr`` or ``sic``)."""
    body = etree.parse(str(tei_path)).find(f".//{TEI}body")
    pairs = {"corr": "reg", "sic": "orig"}
    kept = {keep, pairs[keep]}
    dropped = {drop, pairs[drop]}
    out: list[str] = []

    def walk(element) -> None:
        name = etree.QName(element).localname
        if name == "note" or name in dropped:
            return
        if (name not in kept | dropped and element.text) or (name in kept and element.text):
            out.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if name in BLOCKS:
            out.append(" ")

    walk(body)
    return "".join(out).split()
