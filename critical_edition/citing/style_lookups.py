"""citeproc-py, faster on a style it renders many times: its look-ups in the style kept while it renders.

For every entry, citeproc-py searches the style's XML tree with XPath (a macro,
the enclosing layout, the terms) and asks each group again whether it calls a
variable; half of the time of an entry goes there. The style does not change
while it renders, so within :func:`lookups_kept` each answer is computed once
per element and expression. The output is the same; the methods are put back
when the block ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def lookups_kept() -> Iterator[None]:
    """Within the block, citeproc-py answers each look-up in a style once."""
    from citeproc import model

    searched: dict[tuple[Any, str], Any] = {}
    calling: dict[Any, bool] = {}
    xpath_search, calls_variable = model.CitationStylesElement.xpath_search, model.Parent.calls_variable

    def kept_xpath_search(element, expression: str):
        key = (element, expression)  # the key keeps the element's proxy alive, so its identity holds
        if key not in searched:
            searched[key] = xpath_search(element, expression)
        return searched[key]

    def kept_calls_variable(element) -> bool:
        if element not in calling:
            calling[element] = calls_variable(element)
        return calling[element]

    model.CitationStylesElement.xpath_search = kept_xpath_search
    model.Parent.calls_variable = kept_calls_variable
    try:
        yield
    finally:
        model.CitationStylesElement.xpath_search = xpath_search
        model.Parent.calls_variable = calls_variable
