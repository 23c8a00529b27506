extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
edition_text_documents = ["index"]
