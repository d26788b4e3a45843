"""The raw release format: title line, publication marker, dates in their many spellings."""

from __future__ import annotations

import datetime

import pytest

import pressconv
from pressconv.readers.header import split_title_line as split_header

MARCH_7 = datetime.date(2014, 3, 7)


@pytest.mark.parametrize(
    "line",
    [
        "TitlePublished 07/03/2014",
        "Title Published 07/03/2014",
        "Title Published: 07/03/2014",
        "Title - Published on 07/03/2014",
        "Title published 7 March 2014",
        "Title Published 7th March 2014",
        "Title Published 7th of March 2014",
        "Title Published Fri 7 Mar 2014",
        "Title Published 07.03.2014",
        "Title Published 7-3-2014",
        "Title Published 07/03/14",
        "Title Published 2014-03-07",
        "Title Published 2014-03-07 10:15:00",
        "Title Published 07/03/2014 14:30",
        "Title Published 07/03/2014 at 2.30pm",
        "Title Published 7 March 2014, 10:00 GMT",
        "Title Published March 7, 2014",
        "Title Posted on 7 March 2014",
        "Title Date published: 07/03/2014",
    ],
)
def test_marker_spellings_give_title_and_date(line: str) -> None:
    header = split_header(line)
    assert (header.title, header.date) == ("Title", MARCH_7)


def test_month_first_option_swaps_only_ambiguous_dates() -> None:
    assert split_header("T Published 03/07/2014", month_first=True).date == MARCH_7
    assert split_header("T Published 15/03/2014", month_first=True).date == datetime.date(2014, 3, 15)
    assert split_header("T Published 2014-03-07", month_first=True).date == MARCH_7


def test_ambiguous_day_first_date_is_noted() -> None:
    codes = [notice.code for notice in split_header("T Published 07/03/2014").notices]
    assert codes == ["date-ambiguous"]
    assert split_header("T Published 17/03/2014").notices == ()


@pytest.mark.parametrize("line", ["Published reports show a rise", "Figures Published on time", "Published 2014 review"])
def test_published_in_a_title_is_not_a_marker_without_a_date(line: str) -> None:
    header = split_header(line)
    assert (header.title, header.date, header.has_date_marker) == (line, None, False)


@pytest.mark.parametrize("date", ["31/02/2014", "30/13/2014", "2014-02-30", "31 February 2014"])
def test_impossible_date_is_unknown_with_a_notice(date: str) -> None:
    header = split_header(f"Budget Published {date}")
    assert (header.title, header.date, header.has_date_marker) == ("Budget", None, True)
    assert [notice.code for notice in header.notices] == ["date-invalid"]


def test_last_marker_wins() -> None:
    header = split_header("Report published 01/01/2013 reviewedPublished 07/03/2014")
    assert (header.title, header.date) == ("Report published 01/01/2013 reviewed", MARCH_7)


def test_marker_before_the_title() -> None:
    release = pressconv.parse("Published 07/03/2014\nBudget agreed\nBody text.\n")
    assert (release.title, release.date, release.paragraphs) == ("Budget agreed", MARCH_7, ("Body text.",))


def test_title_only_release_parses_with_a_notice() -> None:
    release = pressconv.parse("Budget agreed Published 07/03/2014\n")
    assert release.paragraphs == ()
    assert "no-body" in {notice.code for notice in release.notices}


def test_marker_without_a_title_is_refused() -> None:
    with pytest.raises(pressconv.InputError, match="no title"):
        pressconv.parse("Published 07/03/2014\n")


def test_language_reaches_the_model() -> None:
    assert pressconv.parse("T Published 07/03/2014\nx\n", language="fr-CA").language == "fr-CA"


@pytest.mark.parametrize(
    "line",
    [
        "Title Published 2014/03/07",
        "Title Published 2014.03.07",
        "Title Published 07/03/2014 - 10:30am",
        "Title Published: Friday, March 7, 2014 - 10:30",
        "Title Published 7 March 2014 | 10:30 GMT",
        "Title Release date: 07/03/2014",
        "Title Published date: 7 March 2014",
        "TitleDate: 07/03/2014",
    ],
)
def test_more_marker_and_date_spellings(line: str) -> None:
    header = split_header(line)
    assert (header.title, header.date) == ("Title", MARCH_7)


def test_year_first_dates_are_never_read_day_first() -> None:
    assert split_header("T Published 2014/03/07", month_first=False).date == MARCH_7
    assert split_header("T Published 2014/03/07", month_first=True).date == MARCH_7


def test_the_word_date_inside_a_title_is_not_a_marker() -> None:
    # "update" is not "up" + a "date" marker; the date at the very end is still the date (no marker needed).
    header = split_header("Budget update 07/03/2014")
    assert (header.title, header.date) == ("Budget update", MARCH_7)
    assert split_header("Budget update: plans").title == "Budget update: plans"
