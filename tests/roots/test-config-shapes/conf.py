extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
edition_text_documents = ["index"]
html_baseurl = "https://example.org/"
edition_metadata = {
    "title": "A Text",
    "container_title": "An Edition",
    "authors": [{"given": "Ann"}],
    "issued": "25 November 2026",
    "version": 1,
    "position": "7",
    "subtitle": ["not", "checked"],
}
edition_neighbours = {
    "index": [["Next", "https://example.org/next"], "https://example.org/previous"],
    "other": "https://example.org/",
}
edition_anchor_aliases = {"1.0.9": 101}
edition_redirects = {"old": None}
