# A project without the edition's extension, linking to its paragraphs through its objects.inv
# (a local copy: the test puts the built inventory beside this file; nothing is fetched).
extensions = ["sphinx.ext.intersphinx", "myst_parser"]
intersphinx_mapping = {"edition": ("https://edition.invalid/platform-1927-ch07/", "objects.inv")}
intersphinx_disabled_reftypes = []
