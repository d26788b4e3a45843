"""When two releases are the same release: the key batches and bundles de-duplicate by."""

from __future__ import annotations

import hashlib

from pressconv.keys import typographic_key
from pressconv.model import Release


def duplicate_key(release: Release, text_keys: tuple[str, ...] | None = None) -> str:
    """Two releases with this key are the same release, as far as a reader can tell.

    `text_keys` are the typographic keys of the title and body text, when the cleaner has them already.
    """
    if text_keys is None:
        text_keys = (typographic_key(release.title or ""), *(typographic_key(p) for p in release.paragraphs))
    parts = (str(release.date), *text_keys)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
