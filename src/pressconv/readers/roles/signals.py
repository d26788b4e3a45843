"""The exact recognisers the role labeller reads as features: dates, marker words, labels, page lines.

This is the one place the labeller touches the rest of the reader, so that when a recogniser moves
or a language is added the features follow without the model's code changing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pressconv.readers import dates, structure
from pressconv.readers import header as _header

#: Only the ends of a long line are searched for dates: a date is a header's or a dateline's, never a
#: sentence's middle, and the cost per line stays bounded.
_HEAD_SPAN = 160
_TAIL_SPAN = 80
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]|(?<=[^\W\d_])\d")


def _date_starts(text: str) -> Iterator[int]:
    limit = len(text)
    spans = [(0, min(limit, _HEAD_SPAN))]
    if limit > _HEAD_SPAN:
        spans.append((max(_HEAD_SPAN, limit - _TAIL_SPAN), limit))
    for start, end in spans:
        for found in _WORD_START.finditer(text, start, end):
            yield found.start()


def find_date(text: str) -> dates.DateMatch | None:
    """The first complete date at a word start near either end of `text`, or None."""
    for start in _date_starts(text):
        found = dates.match_date(text, start, partial=False)
        if found is not None:
            return found
    return None


def date_positions(text: str) -> list[str]:
    """Where a date stands in the line: ``@start``, ``@end``, ``@whole``, ``@mid``, ``glued``, ``partial``."""
    found = find_date(text)
    if found is None:
        for start in _date_starts(text):
            partial = dates.match_date(text, start, partial=True)
            if partial is not None:
                return ["partial"]
        return []
    positions = []
    before = text[: found.start].strip(" \t|:–—-,(")
    after = text[found.end :].strip(" \t|.,)–—-")
    marker = bool(before) and _header.PUBLISHED_MARKER.fullmatch(before + " ") is not None
    if not before or marker:
        positions.append("@start")
    if not after:
        positions.append("@end")
    if (not before or marker) and not after:
        positions.append("@whole")
    if before and after:
        positions.append("@mid")
    if found.start and text[found.start - 1].isalpha():
        positions.append("glued")
    return positions


def _starts_with(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def _chrome(text: str) -> bool:
    from pressconv.cleaning.chrome import is_chrome  # moves to pressconv.lines

    return is_chrome(text)


#: The named recognisers whose answer is a feature (``sig=name``).
SIGNALS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("published", _starts_with(_header.PUBLISHED_MARKER)),
    ("updated", lambda text: _header.UPDATED_MARKER.search(text[:60]) is not None),
    ("end-mark", structure.is_end_mark),
    ("notes-heading", structure.is_notes_heading),
    ("about-heading", structure.is_about_heading),
    ("contact-heading", lambda text: structure.contact_heading(text) is not None),
    ("contact-line", structure.is_contact_line),
    ("chrome", _chrome),
)


def hits(text: str) -> list[str]:
    """The names of the signals that fire on `text`."""
    if len(text) > 400:
        return []
    return [name for name, test in SIGNALS if test(text)]
