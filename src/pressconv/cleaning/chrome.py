"""The `page-chrome` step: lines that are the web site, not the release (share buttons, navigation…).

(Recognisers arrive with the structure work; until then this step removes nothing.)
"""

from __future__ import annotations

from pressconv.cleaning.units import Unit
from pressconv.model import Release, Removal


def remove_chrome(release: Release, units: list[Unit]) -> list[Removal]:
    """Mark page-chrome units removed; one `Removal` (reason "page-chrome") each."""
    return []
