# The edition's commands. `make html` and `make test` are all a fresh machine needs.
PYTHON       ?= python3
VENV         ?= .venv
BIN          := $(VENV)/bin
SPHINXBUILD  := $(BIN)/sphinx-build
STRICT       := -W --keep-going -n
SPHINXOPTS   ?=
BUILDDIR     := _build
PDF          := $(BUILDDIR)/latex/platform-1927-ch07-the-party.pdf
EPUB         := $(BUILDDIR)/epub/platform-1927-ch07-the-party.epub

TOOLS        := .tools
AXE          := $(TOOLS)/node_modules/axe-core/axe.min.js
VNU          := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
ANNOTATOR    := $(TOOLS)/annotator.js
MINISEARCH   := $(TOOLS)/node_modules/minisearch/dist/umd/index.js
LIGHTHOUSE   := $(TOOLS)/node_modules/.bin/lighthouse
NPM_TOOLS    := axe-core@4.14 vnu-jar@26.9.27 minisearch@7.2.0 lighthouse@12.2.3
JSDOM        := $(TOOLS)/node_modules/jsdom/package.json
CFFCONVERT   := $(TOOLS)/cffconvert/bin/cffconvert

.PHONY: help html pdf latex tei epub site test serve anchors bench mutants clean distclean tools

help:
	@echo "make html     build the edition to $(BUILDDIR)/html (creates $(VENV) when missing)"
	@echo "make pdf      build the printable edition to $(PDF) (needs TeX Live: see README)"
	@echo "make tei      write the TEI P5 document alone to $(BUILDDIR)/tei"
	@echo "make epub     build the EPUB 3 to $(EPUB)"
	@echo "make site     the publishable site in $(BUILDDIR)/site: pages, data, PDF and EPUB"
	@echo "make test     run the tests"
	@echo "make serve    live preview at http://127.0.0.1:8000, rebuilt on every save"
	@echo "make anchors  rewrite source/anchor-manifest.json after a deliberate change of anchors"
	@echo "make bench    measure the edition beside a plain Sphinx build (writes bench/RESULTS.md)"
	@echo "make mutants  mutation testing of the extension's data and text phases (slow)"
	@echo "make clean    remove $(BUILDDIR)"

# The virtual environment, made again whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test,preview]'
	touch $@

html: $(VENV)/.installed $(MINISEARCH)
	$(SPHINXBUILD) -b html -c . $(STRICT) $(SPHINXOPTS) source $(BUILDDIR)/html

latex: $(VENV)/.installed
	$(SPHINXBUILD) -b latex -c . $(STRICT) $(SPHINXOPTS) source $(BUILDDIR)/latex

pdf: latex
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS="-quiet -interaction=nonstopmode"
	$(BIN)/python -m critical_edition.latex.log_check $(PDF:.pdf=.log)
	@echo "The PDF is at $(PDF)"

# The TEI document alone (make html writes it too, into the site's data/).
tei: $(VENV)/.installed
	$(SPHINXBUILD) -b tei -c . $(STRICT) $(SPHINXOPTS) -d $(BUILDDIR)/doctrees-tei source $(BUILDDIR)/tei

epub: $(VENV)/.installed
	rm -rf $(BUILDDIR)/epub
	$(SPHINXBUILD) -b epub -c . $(STRICT) $(SPHINXOPTS) -d $(BUILDDIR)/doctrees-epub source $(BUILDDIR)/epub
	@echo "The EPUB is at $(EPUB)"

# The site as published: every page, the data, and the PDF and the EPUB beside the data.
site: pdf epub
	rm -rf $(BUILDDIR)/site
	$(SPHINXBUILD) -b html -c . $(STRICT) $(SPHINXOPTS) -d $(BUILDDIR)/doctrees-site source $(BUILDDIR)/site
	@echo "The site is in $(BUILDDIR)/site"

# From the npm registry, when npm is there: MiniSearch (the search page's library, copied
# into the site by the build) and the checkers the tests and the bench run on the built
# pages: axe-core (accessibility), the Nu Html Checker, Lighthouse (with Debian's chromium).
$(AXE) $(VNU) $(MINISEARCH) $(LIGHTHOUSE):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --save-exact --prefix $(TOOLS) $(NPM_TOOLS); \
	else echo "npm is missing: no search page, and the accessibility, validity and Lighthouse checks will not run"; fi

# Apache Annotator's text-quote matcher, bundled for the browser by esbuild: the tests
# anchor every Web Annotation of the export in the built chapter page with it.
$(ANNOTATOR):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix $(TOOLS) @apache-annotator/dom@0.2.0 @apache-annotator/selector@0.2.0 esbuild@0.28.2 && \
	  cd $(TOOLS) && echo "export { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';" | \
	    node_modules/.bin/esbuild --bundle --format=iife --global-name=Annotator --log-level=warning --outfile=annotator.js; \
	else echo "npm is missing: the annotation anchoring test will not run"; fi

# What runs Zotero's translators offline (tests/zotero): jsdom, an XPath engine, XRegExp.
$(JSDOM):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix $(TOOLS) jsdom@26.1.0 xpath@0.0.34 xregexp@5.1.2; \
	else echo "npm is missing: the tests through Zotero's translators will not run"; fi

# cffconvert, which checks CITATION.cff, in a virtual environment of its own: it
# pins an older jsonschema than the edition's.
$(CFFCONVERT):
	$(PYTHON) -m venv $(TOOLS)/cffconvert
	$(TOOLS)/cffconvert/bin/python -m pip install --quiet 'cffconvert==2.0.0'

tools: $(AXE) $(VNU) $(MINISEARCH) $(LIGHTHOUSE) $(JSDOM) $(CFFCONVERT) $(ANNOTATOR)

test: $(VENV)/.installed tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

serve: $(VENV)/.installed
	$(BIN)/sphinx-autobuild -b html -c . $(SPHINXOPTS) --watch footnotes --watch critical_edition source $(BUILDDIR)/html

bench: $(VENV)/.installed tools
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Mutation testing with mutmut (configured in pyproject.toml): slow, so not part of make test.
# MUTANTS narrows the run, e.g. MUTANTS='critical_edition.data*'; the score is printed per subpackage.
mutants: $(VENV)/.installed
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python tests/mutation_score.py

anchors: $(VENV)/.installed
	$(SPHINXBUILD) -b dummy -c . -E -D edition_update_manifest=1 source $(BUILDDIR)/anchors

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENV) $(TOOLS) *.egg-info
