"""The raw text format: the title line and its publication marker, a title-only release, what is refused, and that
any input gives a release or a clear error. Date spellings are tested in test_dates.py, header shapes in test_header.py."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pressconv
from pressconv.readers.header import split_title_line as split_header

MARCH_7 = datetime.date(2014, 3, 7)


@pytest.mark.parametrize("line", ["Published reports show a rise", "Figures Published on time", "Published 2014 review"])
def test_published_in_a_title_is_not_a_marker_without_a_date(line: str) -> None:
    header = split_header(line)
    assert (header.title, header.date, header.has_date_marker) == (line, None, False)


def test_a_marker_with_an_impossible_date_still_ends_the_title() -> None:
    header = split_header("Budget Published 31/02/2014")
    assert (header.title, header.date, header.has_date_marker) == ("Budget", None, True)
    assert [notice.code for notice in header.notices] == ["date-invalid"]


def test_last_marker_wins() -> None:
    header = split_header("Report published 01/01/2013 reviewedPublished 07/03/2014")
    assert (header.title, header.date) == ("Report published 01/01/2013 reviewed", MARCH_7)


def test_title_only_release_parses_with_a_notice() -> None:
    release = pressconv.parse("Budget agreed Published 07/03/2014\n")
    assert release.paragraphs == ()
    assert "no-body" in {notice.code for notice in release.notices}


def test_marker_without_a_title_is_refused() -> None:
    with pytest.raises(pressconv.InputError, match="no title"):
        pressconv.parse("Published 07/03/2014\n")


def test_language_reaches_the_model() -> None:
    assert pressconv.parse("T Published 07/03/2014\nx\n", language="fr-CA").language == "fr-CA"


def test_the_word_date_inside_a_title_is_not_a_marker() -> None:
    # "update" is not "up" + a "date" marker; the date at the very end is still the date (no marker needed).
    header = split_header("Budget update 07/03/2014")
    assert (header.title, header.date) == ("Budget update", MARCH_7)
    assert split_header("Budget update: plans").title == "Budget update: plans"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parse_of_any_bytes_succeeds_or_raises_pressconv_error(data: bytes) -> None:
    try:
        release = pressconv.parse(data)
    except pressconv.PressconvError:
        return
    assert release.title or release.paragraphs  # a title, or text without one: never neither, never ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_parse_of_any_text_succeeds_or_raises_pressconv_error(text: str, month_first: bool) -> None:
    try:
        release = pressconv.parse(text, month_first=month_first)
    except pressconv.PressconvError:
        return
    assert release.title or release.paragraphs  # a title, or text without one: never neither, never ""
