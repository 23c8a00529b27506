extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
edition_text_documents = ["index"]
# Anchors of another scheme: section-paragraph, behind another prefix.
edition_anchor_pattern = r"[0-9]+-[0-9]+"
edition_fragment_prefix = "para-"
