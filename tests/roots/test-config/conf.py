extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
edition_text_documents = ["index"]
edition_anchor_aliases = {
    "1.0.9": "1.0.1",
    "1.0.8": "1.9.9",
}
edition_redirects = {
    "old/page": "index",
    "gone": "nowhere",
}
