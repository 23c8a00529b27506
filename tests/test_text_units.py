"""The reading phase's parts tested one by one, without a build: fast enough to run under mutation testing."""

from __future__ import annotations

import json

import pytest
from docutils import nodes

from critical_edition.data.records import Target
from critical_edition.text.anchors import NOT_TEXT, fragment_of, normalized_text, text_digest
from critical_edition.text.attach import note_letter
from critical_edition.text.authors_notes import note_ids
from critical_edition.text.domain import AnchoredUnit
from critical_edition.text.manifest import compare_manifest, manifest_line, manifest_of, read_manifest, write_manifest
from critical_edition.text.nodes import make_card, make_emendation, paragraph_number
from critical_edition.text.targets import Span, clean, form_matches, locate, non_overlapping, unit_text, wrap_spans


@pytest.mark.parametrize(
    ("index", "letter"),
    [(0, "a"), (1, "b"), (25, "z"), (26, "aa"), (27, "ab"), (51, "az"), (52, "ba"), (701, "zz"), (702, "aaa")],
)
def test_editorial_notes_are_lettered_a_to_z_then_aa(index, letter):
    assert note_letter(index) == letter


def test_note_ids_tell_the_authors_numbers_from_the_editors_letters():
    assert note_ids("7") == ("authors-note-7", "authors-note-ref-7")
    assert note_ids("b") == ("editorial-note-b", "editorial-note-ref-b")


def test_the_fragment_is_the_prefix_then_the_anchor():
    assert fragment_of("7.4.2", "p") == "p7.4.2"
    assert fragment_of("1-2", "para-") == "para-1-2"


def test_clean_keeps_lengths_and_composes():
    assert clean("a\tb\nc\u00a0d") == "a b c d"
    assert clean("e\u0301") == "\u00e9"


TEXTS = {"1.0.1": "the party and the party, then the end"}


@pytest.mark.parametrize(
    ("target", "found"),
    [
        (Target("1.0.1", "and", None), (10, None)),
        (Target("1.0.1", "party", 2), (18, None)),
        (Target("1.0.1", "party", 1), (4, None)),
        (Target("1.0.1", "the\nend", None), (30, None)),
        (Target("1.0.1", "party", None), (None, "the phrase 'party' occurs 2 times in paragraph 1.0.1; give its occurrence")),
        (Target("1.0.1", "party", 3), (None, "occurrence 3 of 'party' asked for, but paragraph 1.0.1 has 2")),
        (Target("1.0.1", "feast", None), (None, "the phrase 'feast' is not in paragraph 1.0.1")),
        (Target("1.9.9", "party", None), (None, "anchor 1.9.9 is not in the reading text")),
    ],
)
def test_locate_finds_a_phrase_or_says_why_not(target, found):
    assert locate(target, TEXTS) == found


def test_overlapping_occurrences_are_counted():
    assert locate(Target("1", "aa", 3), {"1": "aaaa"}) == (2, None)
    assert locate(Target("1", "aa", 4), {"1": "aaaa"}) == (None, "occurrence 4 of 'aa' asked for, but paragraph 1 has 3")


def test_forms_match_whole_words_only():
    text = "Lenin, Leninism, pre-Lenin and Lenin-ism; Lenin."
    assert form_matches(text, "Lenin") == [0, 42]
    assert form_matches("Stalin said", "Lenin") == []
    assert form_matches("the Central  Committee", "Central Committee") == []
    assert form_matches("the Central\u00a0Committee met", "Central\u00a0Committee") == []
    assert form_matches("the Central Committee met", "Central\nCommittee") == [4]
    assert form_matches("x Lenin", "Lenin") == [2]
    assert form_matches("Lenin_x Lenin2 Lenin", "Lenin") == [15]


def span(start, end, rank, record="r"):
    return Span(start, end, lambda text: nodes.inline(text, text), rank, "kind", record)


def test_the_higher_rank_wins_then_the_longer_then_the_first():
    textual, name, term = span(4, 9, 3, "textual"), span(0, 9, 1, "name"), span(5, 20, 1, "term")
    assert non_overlapping([name, term, textual]) == [textual]
    longer, shorter = span(0, 15, 1, "longer"), span(10, 20, 1, "shorter")
    assert non_overlapping([shorter, longer]) == [longer]
    first, second = span(0, 5, 1, "first"), span(3, 8, 1, "second")
    assert non_overlapping([second, first]) == [first]
    touching = [span(5, 10, 1, "b"), span(0, 5, 1, "a"), span(10, 12, 1, "c")]
    assert [s.record for s in non_overlapping(touching)] == ["a", "b", "c"]
    marker = span(4, 4, 2, "marker")
    assert [s.record for s in non_overlapping([marker, span(0, 4, 1, "before"), span(4, 9, 1, "after")])] == [
        "before", "marker", "after",
    ]
    assert non_overlapping([span(0, 9, 1, "around"), marker]) == [marker]


def paragraph(*children) -> nodes.paragraph:
    return nodes.paragraph("", "", *children)


def test_unit_text_joins_the_text_and_skips_what_is_no_text():
    unit = nodes.block_quote(
        "",
        paragraph(paragraph_number("", anchor="1.0.1"), nodes.Text("One "), nodes.emphasis("", "two"), nodes.Text(".")),
        paragraph(nodes.Text("Three\tfour"), nodes.footnote_reference("", "1")),
    )
    text, pieces = unit_text(unit, NOT_TEXT)
    assert text == "One two. Three four "
    assert [(piece.start, str(piece.node)) for piece in pieces] == [(0, "One "), (4, "two"), (7, "."), (9, "Three\tfour")]
    assert normalized_text(unit) == "One two. Three four"
    table_text, _ = unit_text(nodes.table("", nodes.entry("", paragraph(nodes.Text("a"))), nodes.entry("", paragraph(nodes.Text("b")))), ())
    assert table_text == "a  b  "
    assert unit_text(nodes.bullet_list("", nodes.list_item("", paragraph(nodes.Text("x")))), ())[0] == "x  "


def test_text_digest_is_a_short_sha256():
    assert text_digest("abc") == "ba7816bf8f01cfea"


def test_wrap_spans_wraps_within_a_text_node_and_reports_what_crosses_markup():
    unit = paragraph(nodes.Text("Ivanov met "), nodes.emphasis("", "very bad"), nodes.Text(" Uyezd men."))
    _, pieces = unit_text(unit, ())
    ivanov, uyezd, men = span(0, 6, 1, "ivanov"), span(20, 25, 1, "uyezd"), span(26, 29, 1, "men")
    crossing = span(4, 15, 3, "crossing")
    assert wrap_spans(pieces, [ivanov, crossing, uyezd, men]) == [crossing]
    assert unit.pformat() == (
        "<paragraph>\n    <inline>\n        Ivanov\n     met \n    <emphasis>\n        very bad\n"
        "     \n    <inline>\n        Uyezd\n     \n    <inline>\n        men\n    .\n"
    )


def test_a_span_at_the_end_of_a_node_leaves_no_empty_text():
    unit = paragraph(nodes.Text("the end"))
    _, pieces = unit_text(unit, ())
    wrap_spans(pieces, [span(4, 7, 1)])
    assert [type(child).__name__ for child in unit.children] == ["Text", "inline"]
    assert unit.astext() == "the end"


def test_an_emendation_shows_the_adopted_reading_and_its_card_the_copy_texts():
    mark = make_emendation("formerly", "formely", "formerly-record", "edition-card-3")
    assert mark.children[0].astext() == "formerly"
    assert mark.children[1].astext() == "The copy-text reads: formely"
    assert mark.children[1]["ids"] == ["edition-card-3"] and mark.children[1]["classes"] == ["no-search"]
    assert (mark["card_id"], mark["record"]) == ("edition-card-3", "formerly-record")
    assert make_card("x", "c1").astext() == "x"


def unit(anchor: str, text: str) -> AnchoredUnit:
    return AnchoredUnit(anchor, f"p{anchor}", text_digest(text), text, 3)


def test_the_manifest_is_written_in_reading_order_and_read_back(tmp_path):
    manifest = manifest_of([("chapter", unit("7.0.1", "One.")), ("chapter", unit("7.1.1", "Two."))])
    assert manifest == {
        "7.0.1": {"document": "chapter", "sha256": text_digest("One.")},
        "7.1.1": {"document": "chapter", "sha256": text_digest("Two.")},
    }
    path = tmp_path / "anchors.json"
    write_manifest(path, manifest)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[3] == '    "7.0.1": ' + json.dumps(manifest["7.0.1"]) + ","
    assert read_manifest(path) == manifest
    assert list(read_manifest(path)) == ["7.0.1", "7.1.1"]
    assert manifest_line(path, "7.1.1") == 5
    assert manifest_line(path, "7.9.9") == 1
    assert manifest_line(tmp_path / "none.json", "7.0.1") == 1


def test_the_manifest_comparison_names_each_difference():
    committed = {
        "1": {"document": "a", "sha256": "x"},
        "2": {"document": "a", "sha256": "y"},
        "3": {"document": "a", "sha256": "z"},
        "4": {"document": "a", "sha256": "w"},
    }
    current = {
        "1": {"document": "a", "sha256": "x"},
        "2": {"document": "b", "sha256": "y"},
        "3": {"document": "a", "sha256": "changed"},
        "5": {"document": "a", "sha256": "v"},
    }
    assert compare_manifest(committed, current) == [
        ("2", "anchor 2 moved from a to b"),
        ("3", "the text of 3 changed but the manifest did not"),
        ("4", "anchor 4 is in the manifest but no longer in the text (vanished or renamed)"),
        ("5", "anchor 5 is in the text but not in the manifest"),
    ]
    assert compare_manifest(current, current) == []
