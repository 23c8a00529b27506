"""W3C Web Annotations: one per stand-off record, every place it stands a target.

The collection is JSON-LD in the W3C context (a copy ships in ``schemas/``).
A target is the chapter's page with a ``FragmentSelector`` (the paragraph's
id) refined by a ``TextQuoteSelector``: the phrase, with as much of the text
before and after it, within its paragraph, as makes it occur once in the page.
Motivations are the model's: editors' notes comment, textual notes edit,
persons identify (a body names the authority: the Wikidata item, the
Marxists Internet Archive's glossary entry), terms describe.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..data.apparatus import Apparatus
from .model import Adopted, EditorialRef, Mentioned, Unit, plain
from .settings import ExportSettings

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The specification of fragment identifiers in HTML, as the model names it.
HTML_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3236"
#: Kind of record: (motivation, id prefix).
MOTIVATIONS = {
    "editorial": "commenting",
    "textual": "editing",
    "person": "identifying",
    "term": "describing",
}
CONTEXT_STEP = 16


def _places(units: list[Unit], apparatus: Apparatus) -> Iterator[tuple[str, str, str, str, int]]:
    """(kind, record, fragment, cell text, start) of every phrase the apparatus marks."""
    for unit in units:
        for row in unit.block.rows:
            for cell in row:
                text = plain(cell)
                offset = 0
                for part in cell:
                    if isinstance(part, Mentioned):
                        yield part.kind, part.record, unit.fragment, text, offset
                    elif isinstance(part, Adopted):
                        yield "textual", part.record, unit.fragment, text, offset
                    elif isinstance(part, EditorialRef):
                        phrase = apparatus.editorial_notes[part.record].target.phrase
                        start = text.rfind(phrase, 0, offset)
                        if start >= 0:
                            yield "editorial", part.record, unit.fragment, text, start
                    offset += len(plain((part,)))


def _exact(kind: str, record: str, text: str, start: int, apparatus: Apparatus) -> str:
    if kind == "editorial":
        return apparatus.editorial_notes[record].target.phrase
    rest = text[start:]
    if kind == "textual":
        phrase = apparatus.textual_notes[record].target.phrase
        return phrase if rest.startswith(phrase) else apparatus.textual_notes[record].adopted
    records = apparatus.persons if kind == "person" else apparatus.glossary
    return max((f for f in records[record].forms if rest.startswith(f)), key=len, default=rest.split()[0])


def quote_selector(text: str, start: int, exact: str, page_text: str) -> dict[str, str]:
    """The phrase with the least context, in steps, that occurs once in the page's texts (joined by NULs)."""
    end = start + len(exact)
    width = CONTEXT_STEP
    while True:
        prefix, suffix = text[max(start - width, 0) : start], text[end : end + width]
        quote = prefix + exact + suffix
        count = page_text.count(quote)
        if count <= 1 or (start - width <= 0 and end + width >= len(text)):
            return {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
        width += CONTEXT_STEP


def _body(kind: str, record: str, apparatus: Apparatus) -> list[object]:
    def textual(value: str, purpose: str) -> dict[str, str]:
        return {"type": "TextualBody", "value": value, "format": "text/plain", "language": "en", "purpose": purpose}

    if kind == "editorial":
        return [textual(apparatus.editorial_notes[record].text, "commenting")]
    if kind == "textual":
        note = apparatus.textual_notes[record]
        return [textual(f"The copy-text reads: {note.copy_text}. {note.reason}", "editing")]
    if kind == "person":
        person = apparatus.persons[record]
        life = f" ({person.life})" if person.life else ""
        bodies: list[object] = [textual(f"{person.name}{life}: {person.role}", "describing")]
        authorities = [f"http://www.wikidata.org/entity/{person.wikidata}" if person.wikidata else None, person.mia_glossary]
        for authority in reversed([a for a in authorities if a]):
            bodies.insert(0, {"id": authority, "purpose": "identifying"})
        return bodies
    term = apparatus.glossary[record]
    return [textual(f"{term.term}: {term.definition}", "describing")]


def annotation_items(settings: ExportSettings, apparatus: Apparatus, units: list[Unit], page_url: str, base: str) -> list[dict]:
    """One annotation per record, its targets in reading order."""
    places = list(_places(units, apparatus))
    page_text = "\0".join(plain(cell) for unit in units for row in unit.block.rows for cell in row)
    targets: dict[tuple[str, str], list[dict]] = {}
    for kind, record, fragment, text, start in places:
        exact = _exact(kind, record, text, start, apparatus)
        selector = {
            "type": "FragmentSelector",
            "conformsTo": HTML_FRAGMENTS,
            "value": fragment,
            "refinedBy": quote_selector(text, start, exact, page_text),
        }
        targets.setdefault((kind, record), []).append({"type": "SpecificResource", "source": page_url, "selector": selector})
    order = {"editorial": 0, "textual": 1, "person": 2, "term": 3}
    items = []
    for (kind, record), found in sorted(targets.items(), key=lambda item: order[item[0][0]]):
        items.append(
            {
                "id": f"{base}#{kind}-{record}",
                "type": "Annotation",
                "motivation": MOTIVATIONS[kind],
                "body": _body(kind, record, apparatus),
                "target": found if len(found) > 1 else found[0],
            }
        )
    return items


def annotation_collection(settings: ExportSettings, apparatus: Apparatus, units: list[Unit], page_url: str, url: str) -> bytes:
    """The collection with its one page, as JSON-LD."""
    items = annotation_items(settings, apparatus, units, page_url, url)
    collection = {
        "@context": CONTEXT,
        "id": url,
        "type": "AnnotationCollection",
        "label": f"The apparatus of {settings.metadata['title']}, as annotations of the reading text",
        "total": len(items),
        "first": {"id": f"{url}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return (json.dumps(collection, ensure_ascii=False) + "\n").encode("utf-8")
