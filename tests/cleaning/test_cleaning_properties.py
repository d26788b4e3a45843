"""Cleaning properties that hold for any paragraphs, found by hypothesis rather than by example."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

import pressconv
from pressconv.cleaning import typographic_key
from strategies import writable_text

# Paragraph-like text: any Unicode a Release can hold (the cleaner must cope with all of it).
paragraph_text = writable_text
words = st.lists(
    st.sampled_from(["budget", "police", "Watford", "said", "today", "\u201cyes\u201d", "\u2013", "5%"]), min_size=1, max_size=8
).map(" ".join)


def make(paragraphs: list[str]) -> pressconv.Release:
    return pressconv.Release(title="Title here", date=datetime.date(2014, 3, 7), blocks=tuple(paragraphs))


@given(st.lists(st.one_of(paragraph_text, words), max_size=12))
def test_clean_is_idempotent(paragraphs: list[str]) -> None:
    once = pressconv.clean(make(paragraphs)).release
    twice, removed_again = pressconv.clean(once)
    assert twice.paragraphs == once.paragraphs
    assert removed_again == ()


def alone(text: str) -> str | None:
    """What the cleaner makes of one paragraph on its own (a glued copy shortened, a title copy dropped)."""
    paragraphs = pressconv.clean(make([text])).release.paragraphs
    return paragraphs[0] if paragraphs else None


def has_text(text: str) -> bool:
    return any(char.isalnum() for char in typographic_key(text))


@given(st.lists(st.one_of(paragraph_text, words), max_size=12))
def test_clean_keeps_order_and_every_paragraph_without_a_repeat(paragraphs: list[str]) -> None:
    kept = list(pressconv.clean(make(paragraphs)).release.paragraphs)
    singles = [alone(text) for text in paragraphs]
    # Order: what is kept is a subsequence of the paragraphs as each would be cleaned alone.
    remaining = iter(single for single in singles if single is not None)
    assert all(any(text == single for single in remaining) for text in kept)
    # No loss: a paragraph with no repeat in it survives as is — its text occurs once, it needs nothing
    # on its own, and no other paragraph's whole text stands at its start or end (a glued-on copy).
    keys = [typographic_key(text) for text in paragraphs]
    for text, key, single in zip(paragraphs, keys, singles, strict=True):
        holds_another = any(other != key and (key.startswith(other) or key.endswith(other)) for other in keys)
        if keys.count(key) == 1 and single == text and not holds_another:
            assert text in kept


@given(st.lists(words, min_size=1, max_size=10, unique_by=typographic_key))
# A closing quote ends no sentence: the second paragraph is not the first with a word glued on.
@example(["budget budget budget budget budget \u201cyes\u201d", "budget budget budget budget budget \u201cyes\u201d budget"])
def test_every_repeat_is_removed_and_every_original_kept(paragraphs: list[str]) -> None:
    # Layout lines ("–") are exempt from de-duplication, and glued copies are shortened first.
    originals = [text for text in paragraphs if has_text(text) and alone(text) == text]
    cleaned = pressconv.clean(make(originals + originals[::-1])).release
    assert list(cleaned.paragraphs) == originals
    assert len(cleaned.removed) == len(originals)
