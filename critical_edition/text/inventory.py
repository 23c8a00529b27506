"""The labels other projects find in ``objects.inv``: an anchor as written, and only pages the site has.

docutils stores a label in lower case (``7.p3.1``); the inventory gives the
anchor as the text writes it (``7.P3.1``), as its fragment does. Intersphinx
matches labels without regard to case, so both spellings keep working. The
default labels of Sphinx's general and module indices are left out when the
build makes no such page.
"""

from __future__ import annotations

from collections.abc import Iterator

from sphinx.domains.std import StandardDomain


class EditionStandardDomain(StandardDomain):
    """The standard domain, with the inventory's labels mended as above."""

    def _missing_pages(self) -> set[str]:
        builder = getattr(getattr(self.env, "_app", None), "builder", None)
        indices = {name for name, *_ in getattr(builder, "domain_indices", [])}
        missing = set() if self.env.config.html_use_index else {"genindex"}
        if "py-modindex" not in indices:
            missing |= {"py-modindex"}
        return missing

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        units = {
            (docname, unit.fragment): unit.anchor
            for docname, unit in self.env.domains["edition"].all_units()  # type: ignore[attr-defined]
        }
        missing = self._missing_pages()
        for name, dispname, typ, docname, anchor, priority in super().get_objects():
            if typ == "label" and docname in missing:
                continue
            if typ == "label" and (docname, anchor) in units:
                name = units[docname, anchor]
            yield name, dispname, typ, docname, anchor, priority
