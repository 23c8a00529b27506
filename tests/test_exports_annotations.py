"""The Web Annotations: JSON-LD that a processor expands against the W3C context without loss."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import PROJECT
from pyld import jsonld

CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
LOCAL_CONTEXT = PROJECT / "critical_edition" / "exports" / "schemas" / "anno.jsonld"
MOTIVATIONS = {"editorial": "commenting", "textual": "editing", "person": "identifying", "term": "describing"}


def local_loader(url: str, options=None) -> dict:
    """The W3C context from the project's copy; any other address is refused (no network)."""
    if url.rstrip("/") != CONTEXT_URL:
        raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(LOCAL_CONTEXT.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def collection(edition_html) -> dict:
    return json.loads((edition_html.outdir / "data" / "platform-1927-ch07-the-party.annotations.jsonld").read_text(encoding="utf-8"))


def _normalised(value):
    """Lists of one as their item: compaction is free to give either."""
    if isinstance(value, list):
        return _normalised(value[0]) if len(value) == 1 else [_normalised(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items()}
    return value


def test_a_collection_with_one_page_of_annotations_per_record(collection):
    assert collection["@context"] == CONTEXT_URL
    assert collection["type"] == "AnnotationCollection"
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and collection["total"] == len(page["items"]) >= 50
    kinds = {item["id"].rsplit("#", 1)[1].split("-", 1)[0] for item in page["items"]}
    assert kinds == set(MOTIVATIONS)
    for item in page["items"]:
        kind = item["id"].rsplit("#", 1)[1].split("-", 1)[0]
        assert item["motivation"] == MOTIVATIONS[kind]
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            assert target["source"].endswith("/chapter.html")
            selector = target["selector"]
            assert selector["type"] == "FragmentSelector" and selector["value"].startswith("p7.")
            assert selector["refinedBy"]["type"] == "TextQuoteSelector"
            assert {"exact", "prefix", "suffix"} <= selector["refinedBy"].keys()
    persons = yaml.safe_load((PROJECT / "footnotes" / "persons.yaml").read_text(encoding="utf-8"))
    for record in persons:
        item = next(item for item in page["items"] if item["id"].endswith(f"#person-{record['id']}"))
        authorities = [b["id"] for b in item["body"] if b.get("purpose") == "identifying"]
        expected = [f"http://www.wikidata.org/entity/{record['wikidata']}"] if "wikidata" in record else []
        assert authorities == expected + ([record["mia_glossary"]] if "mia_glossary" in record else [])


def test_pyld_expands_every_annotation_against_the_local_context_without_loss(collection):
    options = {"documentLoader": local_loader}
    context = {"@context": CONTEXT_URL}
    for item in collection["first"]["items"]:
        document = {"@context": CONTEXT_URL, **item}
        expanded = jsonld.expand(document, options)
        assert len(expanded) == 1
        assert all(key.startswith(("http://", "@")) for key in expanded[0])
        back = jsonld.compact(expanded, context, options)
        back.pop("@context")
        assert _normalised(back) == _normalised(item), item["id"]
