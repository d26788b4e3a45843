"""Date spellings: which texts are dates, which day they name, and which are never read (no year, no such day)."""

from __future__ import annotations

import datetime

import pytest

import pressconv
from pressconv.readers import dates

MARCH_7 = datetime.date(2014, 3, 7)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("7 March 2014", MARCH_7),
        ("7th of March 2014", MARCH_7),
        ("March 7, 2014", MARCH_7),
        ("MARCH 7, 2014", MARCH_7),
        ("7 March, 2014", MARCH_7),
        ("Oct. 14, 2009", datetime.date(2009, 10, 14)),
        ("Sept. 14, 2009", datetime.date(2009, 9, 14)),
        ("07-Mar-2014 18:27 IST", MARCH_7),
        ("14. March 2016 - 9:00", datetime.date(2016, 3, 14)),
        ("12 / 04 / 2019", datetime.date(2019, 4, 12)),
        ("APRIL 3RD. 2018.", datetime.date(2018, 4, 3)),
        ("Fri, 07 Mar 2014 10:11:13 +0000", MARCH_7),
        ("Fri, 07 Mar 2014 10:11:13 -0500 (EST)", MARCH_7),
        ("2014-03-07T09:30:00+02:00", MARCH_7),
        ("2014-03-07T09:30:00Z", MARCH_7),
        ("2014/03/07", MARCH_7),
        ("7 March 2014 at 9.30am", MARCH_7),
        ("14 NOV 2023 6:10PM", datetime.date(2023, 11, 14)),
        ("7 March 2014 | 11:00 GMT", MARCH_7),
        ("Friday 7 March 2014", MARCH_7),
        ("Fri 7 Mar 2014", MARCH_7),
        ("Tues 9 Oct 2018", datetime.date(2018, 10, 9)),
        ("Thurs, March 6, 2014", datetime.date(2014, 3, 6)),
        ("10:30 AM, March 7, 2014", MARCH_7),
        ("7 March 2014 @ 10:30", MARCH_7),
        ("07.03.14", MARCH_7),
        ("7 March 2014 Time: 10:00", MARCH_7),
        ("7th March 2014", MARCH_7),
        ("07/03/2014 14:30", MARCH_7),
        ("07/03/2014 at 2.30pm", MARCH_7),
        ("07/03/2014 - 10:30am", MARCH_7),
        ("07.03.2014", MARCH_7),
        ("7-3-2014", MARCH_7),
        ("07/03/14", MARCH_7),
        ("2014-03-07 10:15:00", MARCH_7),
        ("2014.03.07", MARCH_7),
        ("7 March 2014, 10:00 GMT", MARCH_7),
        ("Friday, March 7, 2014 - 10:30", MARCH_7),
    ],
)
def test_spellings_name_their_day(text: str, day: datetime.date) -> None:
    assert dates.is_date(text)
    assert dates.read_date(text)[0] == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12. März 2019", datetime.date(2019, 3, 12)),
        ("Dienstag, 12. März 2019", datetime.date(2019, 3, 12)),
        ("mardi 12 mars 2019", datetime.date(2019, 3, 12)),
        ("1er mars 2019", datetime.date(2019, 3, 1)),
        ("12 de marzo de 2019", datetime.date(2019, 3, 12)),
        ("martes, 12 de marzo de 2019", datetime.date(2019, 3, 12)),
        ("12 marzo 2019", datetime.date(2019, 3, 12)),
        ("12 maart 2019", datetime.date(2019, 3, 12)),
        ("12 Mawrth 2019", datetime.date(2019, 3, 12)),
        ("12. Okt. 2019", datetime.date(2019, 10, 12)),
        ("3 de março de 2020", datetime.date(2020, 3, 3)),
    ],
)
def test_other_languages_month_names(text: str, day: datetime.date) -> None:
    assert dates.is_date(text)
    assert dates.read_date(text)[0] == day


@pytest.mark.parametrize("text", ["Nov. 3", "3 November", "Monday 3 November", "Tuesday, Nov 3 10:00", "12. März"])
def test_a_day_with_no_year_is_never_read(text: str) -> None:
    assert not dates.is_date(text)
    date, notices = dates.read_date(text)
    assert date is None
    assert [notice.code for notice in notices] == ["date-no-year"]


def test_a_month_with_no_day_is_never_read() -> None:
    date, notices = dates.read_date("March 2014")
    assert date is None
    assert [notice.code for notice in notices] == ["date-unreadable"]


@pytest.mark.parametrize("text", ["31/02/2014", "30/13/2014", "2014-02-30", "31 February 2014"])
def test_a_day_that_does_not_exist_is_unknown(text: str) -> None:
    assert dates.read_date(text)[0] is None
    assert [notice.code for notice in dates.read_date(text)[1]] == ["date-invalid"]


@pytest.mark.parametrize(
    "text",
    ["Budget 2015", "2024/25", "Route 66", "Top 10", "Salmon 7 March", "Published reports", "Phase 2", "12.5 per cent"],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert not dates.is_date(text)


def test_numeric_dates_keep_the_day_first_rule() -> None:
    assert dates.read_date("03/07/2014")[0] == datetime.date(2014, 7, 3)
    assert dates.read_date("03/07/2014", month_first=True)[0] == MARCH_7
    # Reads only one way: read that way, whatever the option, and no notice.
    assert dates.read_date("03/15/2014") == (datetime.date(2014, 3, 15), [])
    assert dates.read_date("15/03/2014", month_first=True) == (datetime.date(2014, 3, 15), [])
    # Year first is never swapped.
    assert dates.read_date("2014-03-07", month_first=True)[0] == MARCH_7


def test_both_ways_is_said() -> None:
    assert [notice.code for notice in dates.read_date("07/03/2014")[1]] == ["date-ambiguous"]
    assert dates.read_date("07/07/2014")[1] == []


def test_match_date_reports_where_the_date_ends() -> None:
    text = "Published 7 March 2014 by Regional Press Office"
    found = dates.match_date(text, 10)
    assert found is not None
    assert (text[found.start : found.end], found.text, found.complete) == ("7 March 2014", "7 March 2014", True)
    assert dates.match_date(text, 0) is None


def test_a_weekday_or_month_glued_on_needs_a_case_change() -> None:
    assert dates.match_date("depotTuesday 9 Oct 2018", 5) is not None
    assert dates.match_date("DEPOTTuesday 9 Oct 2018", 5) is not None
    assert dates.match_date("Salmon 7 March 2014", 3) is None  # "mon" inside a word is no Monday


@pytest.mark.parametrize("month_first", [False, True])
def test_numeric_dates_read_without_dateutil_agree_with_dateutil(month_first: bool) -> None:
    from dateutil import parser

    from pressconv.readers.dates import _numeric_date

    for first in range(0, 34):
        for second in range(0, 34):
            text = f"{first:02d}/{second:02d}/2016"
            try:
                expected: object = parser.parse(text, dayfirst=not month_first).date()
            except ValueError:
                expected = ValueError
            try:
                got: object = _numeric_date(first, second, 2016, month_first=month_first)
            except ValueError:
                got = ValueError
            assert got == expected, text


def test_a_month_name_that_folds_oddly_leaves_the_date_unknown_instead_of_failing_the_release() -> None:
    """ "İonawr" (a dotted capital I) matches the Welsh month case-insensitively but folds to "i̇onawr"."""
    text = "Council opens new depot\n12 İonawr 2019\nThe council opened its depot today.\nIt has room for forty vans.\n"
    release = pressconv.parse(text.encode())
    assert release.title == "Council opens new depot"
    assert release.paragraphs[-2:] == ("The council opened its depot today.", "It has room for forty vans.")
    assert release.date is None


#: Every weekday of the languages whose month names the reader knows, each before a date in that language.
WEEKDAYS_BY_LANGUAGE = {
    "12 Mawrth 2019": ["Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn", "Dydd Sul"],
    "12. marts 2019": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "12. mars 2019": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "12 mars 2019": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "12 de março de 2019": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
                            "domingo"],
    "12. maaliskuuta 2019": ["maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai",
                             "tiistaina"],
}  # fmt: skip


@pytest.mark.parametrize(
    "text", [f"{weekday}, {date}" for date, weekdays in WEEKDAYS_BY_LANGUAGE.items() for weekday in weekdays]
)
def test_weekdays_of_every_language_with_month_names(text: str) -> None:
    assert dates.is_date(text)
    assert dates.read_date(text)[0] == datetime.date(2019, 3, 12)


FINNISH_MONTHS = ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
                  "syyskuu", "lokakuu", "marraskuu", "joulukuu"]  # fmt: skip


@pytest.mark.parametrize(("month", "name"), list(enumerate(FINNISH_MONTHS, start=1)))
@pytest.mark.parametrize("form", ["", "ta"])
def test_finnish_months_in_the_nominative_and_the_partitive(month: int, name: str, form: str) -> None:
    assert dates.read_date(f"3. {name}{form} 2019")[0] == datetime.date(2019, month, 3)


def test_welsh_mawrth_alone_is_march_not_tuesday() -> None:
    assert dates.read_date("Mawrth 12, 2019")[0] == datetime.date(2019, 3, 12)
    assert dates.read_date("Dydd Mawrth 12 Mawrth 2019")[0] == datetime.date(2019, 3, 12)
