"""The `repeats` cleaning step: remove text a scraper repeated, and nothing else.

Every step compares paragraphs through `typographic_key`, which forgets only
what a reader would not call a difference (quote and dash styles, spacing,
Unicode normalisation form): two paragraphs that differ by one word never
share a key, so neither is ever dropped. The first occurrence is always the
one kept, exactly as written.

One pass, a dict of keys seen: linear in the size of the release. All state
lives inside one call, so results never depend on what the process saw before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pressconv.cleaning.units import Unit
from pressconv.keys import typographic_key
from pressconv.lines import is_title_copy
from pressconv.model import Release, Removal

_WORD = re.compile(r"\w+")
# "Thank you. Thank you." is something people say; a glued scrape copy is a
# whole sentence or more. Units shorter than this are left alone.
_MIN_GLUED_WORDS = 3
# A glued-on copy of another paragraph is recognised only when it is this long, and only at a sentence end.
_MIN_GLUED_REPEAT_WORDS = 6
#: A sentence end (its mark, and any quotes or brackets closing after it), then any spaces, then more text: where
#: a glued piece may end (group 1's end) or begin (the match's end). A closing quote or bracket alone ends no
#: sentence ("… said “yes” today"): a paragraph that goes on after one is text of its own, not a glued copy.
_BOUNDARY = re.compile(r"([.!?][\"')]*)\s*(?=\S)")
_EDGE = 24


def remove_repeats(release: Release, units: list[Unit]) -> list[Removal]:
    """The `repeats` step: repeated text, copies of the title, and text glued onto its own copy.

    One pass with a dict of keys seen: linear in the size of the release.
    Shortened units keep their first part exactly as written; layout lines
    ("***") are never repeats, and an end mark ("ENDS") is one only where it
    ends a repeated run (the body scraped twice with its end mark).

    A release whose reader judged its repeats by the source's structure (`Release.repeats_judged`: an
    html page, whose true repeats the reader took out) loses only copies of the title and text glued onto
    its own copy here: a paragraph or item that repeats another is one of the page's own items.
    """
    title_key = typographic_key(release.title) if release.title is not None else None  # no title: nothing repeats it
    seen: dict[str, int] = {}
    marks: dict[str, int] = {}
    index = _GlueIndex()
    removed: list[Removal] = []
    after_repeat = False
    for unit in units:
        if unit.kind == "end-mark":
            after_repeat = _repeated_end_mark(unit, marks, after_repeat, removed)
            continue
        number = unit.number
        paragraph, key = unit.text, typographic_key(unit.text)
        # Until nothing changes: a glued repeat taken off may uncover a glued self-copy, and back.
        while True:
            before = paragraph
            paragraph, glued, key = _split_glued_copy(paragraph, key)
            if glued:
                removed.append(Removal(number, "glued-copy", glued, number))
            if key not in seen and key != title_key and not release.repeats_judged:
                paragraph, key, pieces = _strip_glued_repeats(paragraph, key, index)
                removed += [Removal(number, "glued-repeat", text, seen[piece_key]) for text, piece_key in pieces]
            if paragraph == before:
                break
        unit.text, unit.key = paragraph, key
        if not any(char.isalnum() for char in key):
            continue  # "***" or "-" between sections is layout, not text that repeats (nor ends a run of repeats).
        after_repeat = True
        if title_key is not None and (key == title_key or _copies_title(paragraph, key, title_key, release)):
            removed.append(Removal(number, "repeats-title", paragraph, 0))
            unit.removed = True
        elif key in seen and not release.repeats_judged:
            removed.append(Removal(number, "repeated-paragraph", paragraph, seen[key]))
            unit.removed = True
        else:
            after_repeat = False
            seen[key] = number
            index.add(key)
    return removed


def _repeated_end_mark(unit: Unit, marks: dict[str, int], after_repeat: bool, removed: list[Removal]) -> bool:
    """An end mark is a repeat only as the end of a repeated run: the scraper copied the body with its "ENDS".

    A second "ENDS" after text of its own (the notes' own end mark) stays. Returns whether the run of repeats
    goes on past this mark.
    """
    key = typographic_key(unit.text)
    first = marks.setdefault(key, unit.number)
    if after_repeat and first != unit.number:
        removed.append(Removal(unit.number, "repeated-paragraph", unit.text, first))
        unit.removed = True
        return True
    return False


def _split_glued_copy(paragraph: str, key: str) -> tuple[str, str, str]:
    """(first copy, the rest, first copy's key) for a paragraph that is "P P" (or P k times);
    (paragraph, "", key) otherwise. `key` is the paragraph's typographic key."""
    period = _period(key)
    if period is None:
        return paragraph, "", key
    first_key = key[:period].rstrip()
    split = _split_at(paragraph, first_key, lambda rest_key: _is_copies(rest_key, first_key))
    if split is None:
        return paragraph, "", key
    return split[0], split[1], first_key


def _split_at(paragraph: str, first_key: str, rest_matches: Callable[[str], bool]) -> tuple[str, str] | None:
    """Split the original text where its first part's key is `first_key` and the rest's key satisfies `rest_matches`.

    Prefix keys grow with the prefix, so a binary search finds the spot in
    O(n log n) even for long paragraphs; keys never split a character, so the
    text on each side is exactly as written.
    """
    low, high = 1, len(paragraph)
    while low < high:
        middle = (low + high) // 2
        if len(typographic_key(paragraph[:middle])) < len(first_key):
            low = middle + 1
        else:
            high = middle
    for end in range(low, min(low + 8, len(paragraph))):
        first, rest = paragraph[:end].rstrip(), paragraph[end:].strip()
        if first and rest and typographic_key(first) == first_key and rest_matches(typographic_key(rest)):
            return first, rest
    return None


class _GlueIndex:
    """Earlier paragraphs long enough to be recognised when glued onto another: their keys, in the order they came.

    A paragraph is looked up only where a piece of it could begin or end — at
    a sentence boundary — and only when an earlier paragraph has exactly that
    length, so the cost of a paragraph does not depend on how many earlier
    ones share its first or last characters (a bucket of paragraphs sharing
    their edges, compared one by one, made 50,000 such paragraphs quadratic).
    """

    def __init__(self) -> None:
        self.order: dict[str, int] = {}
        self.lengths: set[int] = set()

    def add(self, key: str) -> None:
        # Shorter than `_EDGE`, a piece was never found (its edges could not equal a longer paragraph's).
        if len(key) >= _EDGE and len(_WORD.findall(key)) >= _MIN_GLUED_REPEAT_WORDS:
            self.order.setdefault(key, len(self.order))
            self.lengths.add(len(key))

    def ends(self, key: str) -> list[str]:
        """Earlier paragraphs that end `key` right after a sentence end (and its spaces), earliest first."""
        found = [
            key[boundary.end() :]
            for boundary in _BOUNDARY.finditer(key)
            if len(key) - boundary.end() in self.lengths and key[boundary.end() :] in self.order
        ]
        return sorted(found, key=self.order.__getitem__)

    def starts(self, key: str) -> list[str]:
        """Earlier paragraphs that start `key` and end with a sentence end, earliest first."""
        found = [
            key[: boundary.end(1)]
            for boundary in _BOUNDARY.finditer(key)
            if boundary.end(1) in self.lengths and key[: boundary.end(1)] in self.order
        ]
        return sorted(found, key=self.order.__getitem__)


def _strip_glued_repeats(paragraph: str, key: str, index: _GlueIndex) -> tuple[str, str, list[tuple[str, str]]]:
    """Take whole earlier paragraphs off the ends of a paragraph they were glued onto.

    Scrapers that lose a newline glue the first paragraph of a repeated run onto
    the paragraph before it ("…on request.The council approved…"). A piece is
    removed only when it is an entire earlier paragraph of six words or more,
    joined at a sentence boundary; anything else glued on is kept.
    Returns (what is left, its key, [(removed text, its key)]).
    """
    pieces: list[tuple[str, str]] = []
    while (found := _glued_repeat(paragraph, key, index)) is not None:
        paragraph, key, removed_text, removed_key = found
        pieces.append((removed_text, removed_key))
    return paragraph, key, pieces


def _glued_repeat(paragraph: str, key: str, index: _GlueIndex) -> tuple[str, str, str, str] | None:
    """One earlier paragraph glued onto the end or the start: (rest, rest's key, piece, piece's key)."""
    for piece_key in index.ends(key):
        rest_key = key[: -len(piece_key)].rstrip()
        split = _split_at(paragraph, rest_key, piece_key.__eq__)
        if split is not None:
            return split[0], rest_key, split[1], piece_key
    for piece_key in index.starts(key):
        rest_key = key[len(piece_key) :].lstrip()
        split = _split_at(paragraph, piece_key, rest_key.__eq__)
        if split is not None:
            return split[1], rest_key, split[0], piece_key
    return None


def _period(key: str) -> int | None:
    """Length of the unit that `key` repeats (with or without a joining space), if it is a repeat."""
    for candidate in (key, key + " "):
        period = (candidate + candidate).find(candidate, 1)
        if period < len(candidate) and len(_WORD.findall(candidate[:period])) >= _MIN_GLUED_WORDS:
            return period
    return None


def _is_copies(key: str, unit: str) -> bool:
    """True when `key` is one or more copies of `unit`."""
    if key == unit:
        return True
    period = _period(key)
    return period is not None and key[:period].rstrip() == unit


def _copies_title(paragraph: str, key: str, title_key: str, release: Release) -> bool:
    return release.title is not None and is_title_copy(paragraph, release.title, release.date, key=key, title_key=title_key)
