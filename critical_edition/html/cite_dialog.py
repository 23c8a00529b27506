""""Cite this paragraph": a button beside every margin number, one dialog per page.

The dialog (``templates/edition-cite-dialog.html``) shows the permalink and every form of citation with a copy button;
the forms are the CSL renderings of :mod:`critical_edition.citing.citations`, carried
once per page as templates that the script fills in with the paragraph's anchor.
Old anchors kept in ``edition_anchor_aliases`` lead to their new paragraphs.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx

from ..citing.citations import ANCHOR_TOKEN, FORM_LABELS, FORMS, PAGE_TOKEN, citation_templates, page_address
from ..text.domain import EditionDomain


def cite_button_html(anchor: str) -> str:
    """The control beside a margin number; shown only once the script runs."""
    return (
        f'<button type="button" class="edition-cite" data-anchor="{anchor}" '
        f'aria-haspopup="dialog" aria-label="Cite paragraph {anchor}" hidden="hidden">Cite</button>'
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
        # Without a base address the script cites the address the page is read at.
        data["page"] = page_address(config.html_baseurl, page) if config.html_baseurl else None
        data["pageToken"] = PAGE_TOKEN
        data["templates"] = citation_templates(
            config.edition_metadata, config.html_baseurl, page, config.edition_fragment_prefix, str(app.doctreedir)
        )
    context["edition_cite"] = {
        # The dialog is offered only with a metadata record to cite; the aliases work without.
        "forms": [(form, FORM_LABELS[form]) for form in FORMS] if config.edition_metadata else [],
        "data_json": json.dumps(data, ensure_ascii=False).replace("</", "<\\/"),
    }
