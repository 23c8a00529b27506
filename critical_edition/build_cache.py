"""Results that cost time to make and depend only on their inputs, kept between builds.

They live beside Sphinx's own doctrees, so a clean build makes them afresh and
a rebuild reuses them: the cut icon font, the rendered citation templates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path


def cached_bytes(doctreedir: str | Path, name: str, key: bytes, make: Callable[[], bytes]) -> bytes:
    """The bytes ``make`` gives for ``key``, made once and then read back."""
    folder = Path(doctreedir, "edition-cache")
    path = folder / f"{name}-{hashlib.sha256(key).hexdigest()[:24]}"
    if path.exists():
        return path.read_bytes()
    data = make()
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
