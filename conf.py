"""Configuration of the edition: the only one, for HTML and for print."""

import os
from urllib.parse import urlsplit

project = "Platform of the Joint Opposition, Chapter 7: The Party"
author = "The Joint Opposition"
copyright = "2026, the editors (editorial matter)"
version = release = "0.1"

extensions = ["critical_edition", "notfound.extension"]
myst_enable_extensions = ["attrs_block"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = []
language = "en"
# The text is the copy-text's, character for character: no "smart" quotes or dashes.
smartquotes = False

# The edition: its apparatus, its reading text, the promise of its anchors.
edition_data_dir = "footnotes"
edition_text_documents = ["chapter"]
edition_anchor_manifest = "source/anchor-manifest.json"

# The chapter's neighbours in the Platform, on the Marxists Internet Archive.
PLATFORM_ON_MIA = "https://www.marxists.org/archive/trotsky/1927/opposition/"

# The edition's metadata record: every citation, meta tag and CITATION.cff agrees with it.
# Set EDITION_BASEURL to the address where the edition is published. Without it the
# pages cite the address they are read at (the build says so once).
html_baseurl = os.environ.get("EDITION_BASEURL", "")
edition_metadata = {
    "id": "platform-1927-ch07",
    "title": "The Party",
    "container_title": "Platform of the Joint Opposition (1927): A Critical Edition of Chapter 7",
    "authors": [{"literal": "Joint Opposition"}],
    "issued": "2026-11-25",
    "version": release,
    "language": "en",
    "description": (
        "A digital critical edition of Chapter 7, “The Party”, of the Platform of the Joint Opposition (1927),"
        " in the English translation as transcribed by the Marxists Internet Archive, with its apparatus as open data."
    ),
    # The chapter's number in the Platform, and the copy-text (see note-on-the-text).
    "position": 7,
    "based_on": {"title": "Platform of the Joint Opposition: Chapter 7, The Party", "url": PLATFORM_ON_MIA + "ch07.htm"},
    # As the licence page states them; the page itself is the licence document.
    "rights": "Editorial matter: CC BY-SA 4.0. The reading text: distributed free of charge; see the licence page.",
    "licence_page": "licence",
    # What the PDF's metadata names besides: its keywords, and the licence's address.
    "keywords": ["Platform of the Joint Opposition", "Joint Opposition", "1927", "critical edition", "inner-party democracy"],
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}

# The copy-text the exports describe (its SHA-256 goes into the TEI header).
edition_copy_text = "copy-text/platform-1927-ch07-the-party.txt"
# The exports (Download page): what they state beyond the metadata record.
edition_exports = {
    "basename": "platform-1927-ch07-the-party",
    "publisher": "The editors",
    "editors": ["The editors"],
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "text_terms": (
        "The reading text is the Marxists Internet Archive's transcription of the 1973 English translation, "
        "distributed free of charge over the Internet by permission of Index Books; the edition claims no rights in it."
    ),
    "text_licence": "free distribution over the Internet (see Licence)",
    "copy_text_work": "mia-platform-ch07",
    "principles": "note-on-the-text#editorial-principles",
    "versions": "changelog",
    # Copied in beside the data by `make site`, once built.
    "site_files": [
        ["_build/latex/platform-1927-ch07-the-party.pdf", "PDF", "CC BY-SA 4.0 (the editorial matter); the reading text: free distribution over the Internet (see Licence)"],
        ["_build/epub/platform-1927-ch07-the-party.epub", "EPUB 3", "CC BY-SA 4.0 (the editorial matter); the reading text: free distribution over the Internet (see Licence)"],
    ],
}

# The EPUB (make epub): its package metadata.
epub_basename = "platform-1927-ch07-the-party"
epub_title = "The Party — Platform of the Joint Opposition (1927), Chapter 7"
# The published address, or until there is one the edition's id.
epub_identifier = html_baseurl or edition_metadata["id"]
epub_scheme = "URL" if html_baseurl else ""
epub_uid = "edition-identifier"
epub_publisher = "The editors"
epub_contributor = "The editors"
epub_copyright = copyright
# Sphinx keeps the previous build information here when the configuration changes: not part of the book.
epub_exclude_files = [".buildinfo.bak"]
epub_description = edition_metadata["description"]

edition_neighbours_label = "The Platform on the Marxists Internet Archive"
edition_neighbours = {
    "chapter": [
        ["Chapter 6", PLATFORM_ON_MIA + "ch06.htm"],
        ["The Platform: index", PLATFORM_ON_MIA + "index.htm"],
        ["Chapter 8", PLATFORM_ON_MIA + "ch08.htm"],
    ],
}

# Search by paragraph: MiniSearch's browser script, installed from the npm registry by
# `make tools` and copied into the site by the build.
edition_search_library = ".tools/node_modules/minisearch/dist/umd/index.js"

# A page for addresses that lead nowhere, with links that work from any depth.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"

# HTML: sphinx-book-theme, with the authors' notes as sidenotes.
html_theme = "sphinx_book_theme"
# The edition's title: a page's title and this one name "The Party" once between them.
html_title = edition_metadata["container_title"]
html_theme_options = {
    "use_sidenotes": True,
    "show_toc_level": 1,
    "home_page_in_toc": True,
    # The sources are not copied into the site, so there is nothing to download.
    "use_download_button": False,
    # One search field: the sidebar's (and the header's button on a phone), not a second
    # one in the theme's top bar.
    "navbar_persistent": [],
}
# The book theme's sidebar without its icon links (the edition has none), and its
# navigation under a name the theme renders once per page (see the template).
html_sidebars = {"**": ["navbar-logo.html", "search-button-field.html", "edition-sidebar-nav-bs.html"]}
html_last_updated_fmt = None
html_favicon = "source/_static/favicon.svg"
# The registers are the edition's indexes; Sphinx's general index would stay empty.
html_use_index = False
html_show_sourcelink = False
html_copy_source = False

# Print: XeLaTeX through latexmk, a book with notes at the foot of the page.
latex_engine = "xelatex"
latex_documents = [
    ("index", "platform-1927-ch07-the-party.tex", project, author, "manual", False),
]
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{Noto Serif}
\setsansfont{Noto Sans}
\setmonofont{DejaVu Sans Mono}[Scale=0.9]
""",
    "geometry": r"\usepackage[a4paper,top=25mm,bottom=28mm,inner=25mm,outer=42mm,marginparwidth=24mm,marginparsep=5mm]{geometry}",
    "fncychap": "",
    # Code blocks (the BibTeX and CSL-JSON citations) copy out of the PDF as they are: small enough
    # to fit, never wrapped with continuation marks, never split by a page break.
    "sphinxsetup": "verbatimwrapslines=false, verbatimhintsturnover=false",
    "fvset": r"\fvset{fontsize=\scriptsize}",
    "releasename": "Edition",
    # The title page and its verso; the \Edition... macros come from edition_metadata (written by the build).
    "maketitle": r"""
\begin{titlepage}
\centering
\vspace*{30mm}
{\Large Platform of the Joint Opposition\par}
\vspace{4mm}
{\large 1927\par}
\vspace{18mm}
{\Huge\bfseries Chapter 7\par\vspace{4mm}\EditionTitle\par}
\vspace{12mm}
{\Large The \EditionAuthors\par}
\vspace{2mm}
{\normalsize drafted mainly by Leon Trotsky and Grigory Zinoviev\par}
\vspace{14mm}
{\large The English translation as transcribed by the Marxists Internet Archive\par}
\vfill
{\large A critical edition\par}
\ifx\EditionEditors\empty\else\vspace{3mm}{edited by \EditionEditors\par}\fi
\vspace{3mm}
{Version \EditionVersion, \EditionDate\par}
\vspace{20mm}
\end{titlepage}
\thispagestyle{empty}
{\small\raggedright\parindent0pt\parskip 1.2ex
\vspace*{\fill}
\textit{\EditionPrintTitle}. Version \EditionVersion, \EditionDate.

\ifx\EditionAddress\empty Not yet published at a permanent address.\else Published at \EditionAddress\fi

\textbf{Suggested citation:} \EditionCitation

\textbf{Licence:} \EditionLicenceStatement\ The licence of the editorial matter: \EditionLicence

\textbf{Copy-text:} \EditionBasedOnTitle, on the Marxists Internet Archive, \EditionBasedOnAddress,
whose footer reads “Last updated on: 26.1.2007”, kept with the
edition byte for byte (sha256 \texttt{\footnotesize e4f2bdaf5a4dac1595a2251cc6fc3253\-4822d03a0db8457591398d33a44faeb6}).
The reading text departs from it only where the textual apparatus records a change.
\par}
\clearpage
""",
    # PDF/A-2b: pdfx loads hyperref, with the info dictionary and XMP packet from <name>.xmpdata
    # (written by the build from edition_metadata).
    "hyperref": r"""
\usepackage[a-2b]{pdfx}
\usepackage{hypcap}
\urlstyle{same}
""",
    "preamble": r"""
\makeatletter
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyhead[LE]{\small\thepage\hfill\textit{Platform of the Joint Opposition}}%
  \fancyhead[RO]{\small\textit{\nouppercase{\leftmark}}\hfill\thepage}%
  \renewcommand{\headrulewidth}{0pt}%
  \renewcommand{\footrulewidth}{0pt}}
\fancypagestyle{plain}{\fancyhf{}\fancyfoot[C]{\small\thepage}%
  \renewcommand{\headrulewidth}{0pt}\renewcommand{\footrulewidth}{0pt}}
\renewcommand{\chaptermark}[1]{\markboth{#1}{#1}}
\makeatother
""",
    # Front matter in roman numerals: the contents, then the pages before the chapter;
    # the start page switches to arabic where the chapter begins.
    "tableofcontents": r"\pagenumbering{roman}\begingroup\parskip 0pt\tableofcontents\endgroup\cleardoublepage",
    # The index's page ranges come as "4--6": printed as an en dash there alone.
    "printindex": r"\renewcommand{\indexname}{Index of persons and terms}{\addfontfeatures{Ligatures=TeX}\printindex}",
}
latex_toplevel_sectioning = "chapter"
# makeindex, whose style joins a run of pages into a range; every index entry is ASCII.
latex_use_xindy = False
