""""Cite this paragraph": a button beside every margin number, one dialog per page.

The dialog shows the permalink and every form of citation with a copy button;
the forms are the CSL renderings of :mod:`critical_edition.citing.citations`, carried
once per page as templates that the script fills in with the paragraph's anchor.
Old anchors kept in ``edition_anchor_aliases`` lead to their new paragraphs.
"""

from __future__ import annotations

import html
import json
from typing import Any

from sphinx.application import Sphinx

from ..citing.citations import ANCHOR_TOKEN, FORM_LABELS, FORMS, citation_templates, permalink
from ..text.domain import EditionDomain


def cite_button_html(anchor: str) -> str:
    """The control beside a margin number; shown only once the script runs."""
    return (
        f'<button type="button" class="edition-cite" data-anchor="{anchor}" '
        f'aria-haspopup="dialog" aria-label="Cite paragraph {anchor}" hidden>Cite</button>'
    )


def _dialog_html() -> str:
    forms = "".join(
        f'<section class="edition-cite-form"><h3 id="edition-cite-h-{form}">{html.escape(FORM_LABELS[form])}</h3>'
        f'<pre class="edition-cite-text" data-form="{form}"></pre>'
        f'<button type="button" class="edition-copy" data-form="{form}" '
        f'aria-label="Copy {html.escape(FORM_LABELS[form])} citation">Copy</button></section>'
        for form in FORMS
    )
    return (
        '<dialog id="edition-cite-dialog" class="edition-cite-dialog" aria-labelledby="edition-cite-title">'
        '<h2 id="edition-cite-title">Cite paragraph <span class="edition-cite-anchor"></span></h2>'
        '<p class="edition-cite-permalink-line">Permalink: <a class="edition-cite-permalink" href=""></a> '
        '<button type="button" class="edition-copy" data-form="permalink" aria-label="Copy permalink">Copy</button></p>'
        f'<div class="edition-cite-forms">{forms}</div>'
        '<p class="edition-cite-status" role="status" aria-live="polite"></p>'
        '<form method="dialog"><button type="submit" class="edition-cite-close">Close</button></form>'
        "</dialog>"
    )


def add_cite_dialog(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """Give every page with anchored paragraphs its aliases and, with a metadata record, the dialog."""
    domain = app.env.domains["edition"]
    assert isinstance(domain, EditionDomain)
    config = app.config
    if not domain.units.get(pagename) or doctree is None or app.builder.name == "epub":
        return
    page = app.builder.get_target_uri(pagename)
    data: dict[str, Any] = {"prefix": config.edition_fragment_prefix, "aliases": config.edition_anchor_aliases}
    if config.edition_metadata:
        data["token"] = ANCHOR_TOKEN
        data["page"] = permalink(config.html_baseurl, page, "")[:-1]
        data["templates"] = citation_templates(
            config.edition_metadata, config.html_baseurl, page, config.edition_fragment_prefix, app.doctreedir
        )
        context["body"] += _dialog_html()
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    context["body"] += f'<script type="application/json" id="edition-cite-data">{payload}</script>'
