"""Dates are found with a word in each month's place, the month names checked in Python: the same matches
as the patterns with every month name spelled out (`DATE_PATTERN`, `NO_YEAR_PATTERN`), at any position."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv.readers import dates

_EXACT_DATE = re.compile(dates.DATE_PATTERN, re.IGNORECASE)
_EXACT_NO_YEAR = re.compile(dates.NO_YEAR_PATTERN, re.IGNORECASE)


def exact(text: str, pos: int, *, partial: bool) -> tuple[int, int, str, bool] | None:
    """What `match_date` found when it matched the spelled-out patterns themselves."""
    match = _EXACT_DATE.match(text, pos)
    if match is not None:
        return match.start(), match.end(), match["date"], True
    match = _EXACT_NO_YEAR.match(text, pos) if partial else None
    return (match.start(), match.end(), match["date"], False) if match is not None else None


def found(text: str, pos: int, *, partial: bool) -> tuple[int, int, str, bool] | None:
    match = dates.match_date(text, pos, partial=partial)
    return (match.start, match.end, match.text, match.complete) if match is not None else None


def assert_same_everywhere(text: str) -> None:
    for pos in range(len(text)):
        for partial in (True, False):
            assert found(text, pos, partial=partial) == exact(text, pos, partial=partial), (text, pos, partial)


@pytest.mark.parametrize(
    "text",
    [
        "Fri, 07 Mar 2014 10:11:13 +0000 (GMT)",
        "12 de marzo de 2019",
        "Montag, 12. März 2019",
        "7th of March 2014 at 9.30am",
        "LONDON, 12 March 2019 – The council",  # a place in a month's place first, then the date
        "for 2015Published 06/02/2015",
        "Section 3 of 2014",  # words that are no months where months go: never a date
        "3 people 2019 and 3 June",
        "depotTuesday 4 March 2014",
        "1st 2014 March 5",
        "11.03.2014 March 5",
        "ſeptember 3, 2014",  # matches "september" only as `re` ignores case: the spelled-out pattern decides
        "OKTOBER 3 2014 and o\u212atober 4 2014",  # the second with KELVIN SIGN, a "k" to `re`
        "İonawr 3 2014",
        "Nov. 3",
        "March 2014",
    ],
)
def test_the_same_matches_as_the_spelled_out_patterns(text: str) -> None:
    assert_same_everywhere(text)


_MONTHS = ["March", "mar.", "SEPT", "Sept.", "may", "März", "mars", "août", "dez", "Rhagfyr", "ſept", "İonawr"]
_WORDS = ["Published", "people", "in", "of", "de", "del", "the", "Mon", "Marching", "Delhi", "LONDON", "st", "GMT"]
_TOKENS = st.sampled_from(
    [*_MONTHS, *_WORDS, "Friday", "Tues.", "lundi", "1", "07", "12", "31", "1st", "3rd", "1er", "7.", "2014", "19",
     "1999", "10:00", "9.30am", "noon", "+0000", "(EST)", "BST"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", ", ", "-", "/", ".", "", " de ", " of ", " at ", " | ", " – ", "T"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _SEPARATORS), min_size=1, max_size=7))
def test_the_same_matches_for_date_like_text(parts: list[tuple[str, str]]) -> None:
    assert_same_everywhere("".join(token + separator for token, separator in parts))
