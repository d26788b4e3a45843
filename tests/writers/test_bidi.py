"""The writers' right-to-left helpers: which texts hold right-to-left letters, and where their stretches run."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressconv.writers import bidi


def test_every_right_to_left_letter_is_in_the_blocks_looked_at() -> None:
    # has_rtl looks up only the characters of a few blocks: a right-to-left letter outside them (a script a later
    # Unicode version adds) would be missed, and its paragraph drawn left to right.
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.bidirectional(chr(code)) in ("R", "AL") and not bidi._MAY_BE_RTL.match(chr(code))
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Press release", False), ("שלום", True), ("مرحبا", True), ("Eastshire \u200f", True), ("١٢٣ ۴۵۶", False),
     ("ﷺ", True), ("\U0001e900", True), ("Ελληνικά 漢字", False), ("", False)],
)  # fmt: skip
def test_has_rtl(text: str, expected: bool) -> None:
    assert bidi.has_rtl(text) is expected


@given(st.text(max_size=40))
def test_has_rtl_agrees_with_a_lookup_of_every_character(text: str) -> None:
    assert bidi.has_rtl(text) == any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
