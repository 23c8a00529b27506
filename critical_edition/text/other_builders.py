"""Builders the edition has no visitors for (``man``, ``texinfo`` ...): said once, then shown as plain text.

Without this, such a builder would meet the edition's nodes with Sphinx's
"unknown node type" for every one of them, or drop them; instead the build
says once what is missing, and each node gives way to what the plain-text
builder shows: its text, and the paragraph numbers in brackets.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..diagnostics import Problem, warn
from .domain import edition_domain
from .nodes import EDITION_NODES, block_paragraph_number, card, note_works, paragraph_number


def nodes_without_visitor(app: Sphinx) -> list[type[nodes.Element]]:
    """The edition's nodes the current builder's translator cannot show; none for builders without one."""
    builder = app.builder
    try:
        translator = app.registry.get_translator_class(builder)
    except AttributeError:
        return []  # a builder that writes no documents (linkcheck, gettext ...)
    if translator is None or issubclass(translator, nodes.GenericNodeVisitor):
        return []  # XML and the like serialise every node as it is
    # Where Sphinx looks for the visitors added with ``app.add_node``: by name, else by format.
    handlers = app.registry.translation_handlers.get(builder.name)
    if handlers is None:
        handlers = app.registry.translation_handlers.get(builder.format, {})
    return [
        node for node in EDITION_NODES
        if node.__name__ not in handlers and not hasattr(translator, f"visit_{node.__name__}")
    ]


def note_nodes_without_visitor(app: Sphinx) -> None:
    """Once the builder exists: what of the edition it cannot show, for the transform below."""
    edition_domain(app.env).unshown = (app.builder.name, tuple(nodes_without_visitor(app)))


class ShowAsPlainText(SphinxPostTransform):
    """Warn once per build and put plain text in place of the nodes a builder cannot show."""

    default_priority = 900

    def run(self, **kwargs) -> None:
        builder, missing = edition_domain(self.env).unshown
        found = [node for kind in missing for node in self.document.findall(kind)]
        if not found:
            return
        names = ", ".join(kind.__name__ for kind in missing)
        warn(
            Problem.builder,
            f"the {builder} builder has no visitor for the edition's nodes ({names}): they are shown as plain text",
            found[0],
            once=True,
        )
        for node in found:  # all found before any is changed: a card moved out of its mention is removed where it went
            if isinstance(node, (card, note_works)):
                node.parent.remove(node)
            elif isinstance(node, block_paragraph_number):
                node.replace_self(nodes.paragraph("", f"[{node['anchor']}]"))
            elif isinstance(node, paragraph_number):
                node.replace_self(nodes.Text(f"[{node['anchor']}] "))
            else:
                node.replace_self(node.children)
