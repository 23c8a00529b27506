"""What print shows differently from the screen: mentions unmarked, register entries as link targets."""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..text.nodes import mention, paragraph_number


class UnmarkMentionsInPrint(SphinxPostTransform):
    """A person or term in the running text is set as the authors printed it.

    On screen a mention links to its register entry; on paper the link would
    only colour and italicise it (Sphinx sets a cross-reference in italics),
    beside the authors' own emphasis. The index carries the mentions instead.
    """

    default_priority = 20  # after the references are resolved (10)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in self.document.findall(mention):
            for reference in list(node.findall(nodes.reference)):
                children: list[nodes.Node] = []
                for child in reference.children:
                    children.extend(child.children if isinstance(child, nodes.inline) else [child])
                reference.replace_self(children)


class EditionReferencesInTheTextFace(SphinxPostTransform):
    """``{edition:work}`` and ``{edition:para}`` in prose are set in the text face, not as code.

    Their role marks them as literals, which print would set in the typewriter
    face within a line of text; on paper they are a short title or a number.
    """

    default_priority = 20
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for literal in list(self.document.findall(nodes.literal)):
            if "xref" in literal["classes"] and "edition" in literal["classes"]:
                literal.replace_self(nodes.inline("", "", *literal.children))


class LabelRegisterEntriesInPrint(SphinxPostTransform):
    """A paragraph with an id (a Works Cited entry, an apparatus entry) gets a LaTeX label.

    Sphinx's LaTeX writer labels sections, terms and targets, not paragraphs, so
    links to these entries would lead nowhere in the PDF. Paragraphs of the text
    are labelled by their margin number.
    """

    default_priority = 20
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if not paragraph["ids"] or next(paragraph.findall(paragraph_number), None) is not None:
                continue
            labelled = {sibling.get("refid") for sibling in paragraph.parent.children if isinstance(sibling, nodes.target)}
            for index, node_id in enumerate(i for i in paragraph["ids"] if i not in labelled):
                paragraph.insert(index, nodes.target("", "", refid=node_id))


class KeepCodeBlocksWholeInPrint(SphinxPostTransform):
    """A code block (a BibTeX or CSL-JSON citation) stays on one page, its lines within the measure.

    A page break inside it would put the running head and the folio into what a
    reader copies out of the PDF; so would Sphinx's wrapping marks, which conf.py
    turns off (``verbatimwrapslines=false``); so a block is set small enough for its longest line to fit.
    """

    default_priority = 20
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for block in list(self.document.findall(nodes.literal_block)):
            lines = block.astext().count("\n") + 3  # and the frame's padding
            index = block.parent.index(block)
            if index and isinstance(block.parent[index - 1], nodes.paragraph):  # with the line that introduces it
                index, lines = index - 1, lines + 2
            width = max(len(line.expandtabs()) for line in block.astext().splitlines() or [""])
            setting = r"\needspace{%d\baselineskip}\edfitverbatim{%d}" % (lines, max(width, 1))
            block.parent.insert(index, nodes.raw("", setting, format="latex"))
