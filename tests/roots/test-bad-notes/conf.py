extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
html_theme = "sphinx_book_theme"
html_theme_options = {"use_sidenotes": True}
edition_text_documents = ["index"]
