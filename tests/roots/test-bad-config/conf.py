extensions = ["critical_edition"]
myst_enable_extensions = ["attrs_block"]
edition_data_dir = "no-such-folder"
edition_anchor_pattern = r"[0-9]+\.(?:0|[1-9]"
edition_fragment_prefix = "7p"
edition_metadata = {"title": "A Text", "authors": [{"literal": "Its Authors"}]}
