"""The build's garbage collection: the cyclic collector spares what was loaded before the build.

Sphinx, docutils, the theme and the extensions leave hundreds of thousands of
long-lived objects, which every full collection during the build walks again;
a clean build of the edition spent a tenth of its time so. They are moved out
of the collector's sight for the build (``gc.freeze``) and handed back when it
ends, so that a process that builds more than once (the tests, a live preview)
still frees what it no longer uses.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx


def spare_loaded_objects(app: Sphinx) -> None:
    gc.freeze()


def hand_back_loaded_objects(app: Sphinx, exception: Exception | None) -> None:
    gc.unfreeze()


def add_gc_freeze(app: Sphinx) -> None:
    """Freeze before anything else of the build is made (before the apparatus is read)."""
    app.connect("builder-inited", spare_loaded_objects, priority=100)
    app.connect("build-finished", hand_back_loaded_objects, priority=900)
