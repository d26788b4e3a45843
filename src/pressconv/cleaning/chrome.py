"""The `page-chrome` step: lines that are the web site, not the release (share buttons, navigation…).

A scraper that takes every line of the page also takes its widgets: "Share
this page", "Tweet", "Print", "Back to news", a breadcrumb, the cookie
banner, "Image: …" captions, the site's copyright line, "This page was last
reviewed…". Each is removed and reported (reason ``page-chrome``).

Conservative by construction: a line is chrome only when *the whole line*
is one of the shapes in `pressconv.lines.CHROME_PATTERNS` (matched from its
first character to its last), so a sentence of the release is never chrome however much it
mentions sharing, printing or images — "Residents can share their views on
Facebook until 3 May." stays, because it is more than a widget's label.

The shapes and the test (`is_chrome`) live in `pressconv.lines`, which the
text reader shares; this module only walks the units. `--keep-chrome`
skips the step (the caller does that).
"""

from __future__ import annotations

from pressconv.cleaning.units import Unit
from pressconv.lines import is_chrome
from pressconv.model import Release, Removal

# `is_chrome` lives in `pressconv.lines`, shared with the text reader; it is re-exported here only for
# `readers/html.py`, which still imports it from this module until the html reader switches to `pressconv.lines`.

__all__ = ["is_chrome", "remove_chrome"]

_TRIM = " \t:|›»>•·-–—"
#: Units a recogniser put under a heading of its own kind: never a widget, never removed here.
_EXEMPT_KINDS = frozenset({"end-mark", "notes-heading", "contact-heading"})
#: Units that stand among others of their kind: a one-word widget label there is more likely an item of the release.
_LISTED_KINDS = frozenset({"item", "contact"})


def remove_chrome(release: Release, units: list[Unit]) -> list[Removal]:
    """Mark page-chrome units removed; one `Removal` (reason "page-chrome") each."""
    removed: list[Removal] = []
    after_chrome = False
    for unit in units:
        if unit.kind in _EXEMPT_KINDS:
            after_chrome = False
            continue
        one_word_item = unit.kind in _LISTED_KINDS and " " not in unit.text.strip(_TRIM)
        # "• Print", "• Facebook" in a list of services or channels is a word of the release, unless the
        # line before was chrome too ("Share this:" then "Twitter", "Facebook" as WordPress lays them out).
        after_chrome = (after_chrome or not one_word_item) and is_chrome(unit.text)
        if after_chrome:
            unit.removed = True
            removed.append(Removal(unit.number, "page-chrome", unit.text, None))
    return removed
