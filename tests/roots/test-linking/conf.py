extensions = ["sphinx.ext.intersphinx"]
intersphinx_mapping = {"edition": ("https://edition.invalid/platform-1927-ch07/", "objects.inv")}
intersphinx_disabled_reftypes = []
