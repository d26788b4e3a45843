"""The date grammar in every CLDR language and the calendars press offices use: what it reads, what it leaves
unknown (and says so). That finding dates costs linear time, tried at every position of crafted lines, is checked
by the complexity harness (benchmarks/complexity.py, `reader:dates:scan:*`)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv.readers import dates

D = datetime.date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Τετάρτη, 18 Μαρτίου 2009", D(2009, 3, 18)),  # Greek genitive, weekday
        ("3 lipca 2024", D(2024, 7, 3)),  # Polish genitive
        ("16. června 2025", D(2025, 6, 16)),  # Czech genitive
        ("8. února 2011", D(2011, 2, 8)),
        ("11 апреля 2019 10:30", D(2019, 4, 11)),  # Russian genitive, time after
        ("3. maaliskuuta 2019", D(2019, 3, 3)),  # Finnish partitive
        ("16 Meitheamh, 2023", D(2023, 6, 16)),  # Irish
        ("Kamis, 15 Maret 2012 – 09:41 WIB", D(2012, 3, 15)),  # Indonesian
        ("السبت 18/فبراير/2023 - 11:15", D(2023, 2, 18)),  # Arabic
        ("04 फरवरी 2021", D(2021, 2, 4)),  # Hindi (a virama inside the name)
        ("dilluns, 9 de maig de 2022", D(2022, 5, 9)),  # Catalan
        ("3 d’abril de 2020", D(2020, 4, 3)),
        ("9 martie 2017", D(2017, 3, 9)),  # Romanian
        ("2023. március 7.", D(2023, 3, 7)),  # Hungarian, year first
        ("2023 m. kovo 7 d.", D(2023, 3, 7)),  # Lithuanian
        ("Cyhoeddwyd11 Medi 2024"[10:], D(2024, 9, 11)),  # Welsh
        ("Thứ ba, 07 Tháng 3 2023 09:15", D(2023, 3, 7)),  # Vietnamese, month by number
        ("1º de março de 2020", D(2020, 3, 1)),
        ("1er mars 2019", D(2019, 3, 1)),
        ("3rd March 2019", D(2019, 3, 3)),
    ],
)
def test_month_names_of_every_language(text: str, day: datetime.date) -> None:
    assert dates.is_date(text), text
    assert dates.read_date(text) == (day, [])


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023年9月7日", D(2023, 9, 7)),
        ("2023년 9월 7일", D(2023, 9, 7)),
        ("2023年9月7日(木)", D(2023, 9, 7)),
        ("2024年3月19日(火) 15:02", D(2024, 3, 19)),
        ("2023/8/4 下午 06:15:00", D(2023, 8, 4)),  # the half of the day before the time
        ("2021年05月14日 09時30分", D(2021, 5, 14)),  # hours and minutes in characters
        ("2021년 5월 14일 오후 3:00", D(2021, 5, 14)),
        ("2024 年 11 月 15 日", D(2024, 11, 15)),
        ("２０２３年９月７日", D(2023, 9, 7)),  # full-width digits
        ("二○一二年五月十日", D(2012, 5, 10)),  # Chinese numerals
        ("二〇二三年十二月二十五日", D(2023, 12, 25)),
        ("令和元年5月7日", D(2019, 5, 7)),  # Japanese era, first year
        ("平成28年11月15日", D(2016, 11, 15)),
        ("昭和64年1月7日", D(1989, 1, 7)),
        ("令和6(2024)年1月5日", D(2024, 1, 5)),  # era with the Gregorian year in brackets
        ("2020年(令和2年)11月26日", D(2020, 11, 26)),  # Gregorian year with the era year in brackets
        ("2019年（令和元年）5月7日", D(2019, 5, 7)),
        ("民國112年3月1日", D(2023, 3, 1)),  # ROC year
        ("9 มิ.ย. 2568", D(2025, 6, 9)),  # Thai Buddhist era, abbreviated month
        ("9 มิถุนายน พ.ศ. 2568", D(2025, 6, 9)),
        ("𝟕 March 𝟐𝟎𝟏𝟒", D(2014, 3, 7)),  # mathematical bold digits
        ("٧ مارس ٢٠١٤", D(2014, 3, 7)),  # Arabic-Indic digits
        ("۷ مارس ۲۰۱۴", D(2014, 3, 7)),  # Extended Arabic-Indic
        ("७ मार्च २०१४", D(2014, 3, 7)),  # Devanagari
        ("๗ มีนาคม ๒๕๕๗", D(2014, 3, 7)),  # Thai digits and era
        ("৭ মার্চ ২০১৪", D(2014, 3, 7)),  # Bengali
        ("２０１４-０３-０７", D(2014, 3, 7)),
    ],
)
def test_calendars_and_digits(text: str, day: datetime.date) -> None:
    assert dates.is_date(text), text
    assert dates.read_date(text) == (day, [])


def test_a_month_that_differs_by_language_needs_the_language() -> None:
    date, notices = dates.read_date("3 listopad 2023")
    assert date is None
    assert [n.code for n in notices] == ["date-unreadable"]
    assert dates.read_date("3 listopad 2023", language="pl")[0] == D(2023, 11, 3)
    assert dates.read_date("3 listopad 2023", language="cs-CZ")[0] == D(2023, 11, 3)
    assert dates.read_date("3 listopad 2023", language="hr")[0] == D(2023, 10, 3)
    # English keeps its months whatever other languages use the name for.
    assert dates.read_date("Jan 5, 2019")[0] == D(2019, 1, 5)
    assert dates.month_of("mar") == 3
    assert dates.month_of("listopad") == 0
    assert dates.month_of("Published") is None


@pytest.mark.parametrize("text", ["12 رمضان 1445", "1445/09/12", "12/09/1445"])
def test_a_hijri_date_is_never_converted(text: str) -> None:
    assert dates.read_date(text)[0] is None


@pytest.mark.parametrize(("text", "year"), [("07.03.14", 2014), ("07.03.69", 2069), ("07.03.70", 1970), ("1/3/98", 1998)])
def test_a_two_digit_year_is_read_by_the_pivot_with_a_notice(text: str, year: int) -> None:
    date, notices = dates.read_date(text)
    assert date is not None and date.year == year
    assert "date-two-digit-year" in [n.code for n in notices]


def test_a_buddhist_era_year_is_read_only_in_a_thai_date() -> None:
    assert dates.read_date("9/6/2568", language="th")[0] == D(2025, 6, 9)
    date, notices = dates.read_date("9/6/2568")
    assert date is None
    assert [n.code for n in notices] == ["date-invalid"]


def test_cjk_dates_with_a_part_missing_are_never_read() -> None:
    assert [n.code for n in dates.read_date("9月2日")[1]] == ["date-no-year"]
    assert [n.code for n in dates.read_date("2023年9月")[1]] == ["date-unreadable"]
    assert not dates.is_date("9月2日")


def test_an_era_year_that_contradicts_its_bracket_is_unknown() -> None:
    for text in ("令和6(2023)年1月5日", "2020年(令和元年)11月26日"):
        date, notices = dates.read_date(text)
        assert date is None
        assert [n.code for n in notices] == ["date-invalid"]


def test_where_a_date_starts_and_ends_in_a_line() -> None:
    text = "Praha 8. února 2011 – Ústav oznámil"
    found = dates.match_date(text, 6)
    assert found is not None
    assert (found.text, found.complete) == ("8. února 2011", True)
    found = dates.match_date("発表日 2024年3月19日(火)15時", 4)
    assert found is not None and found.text == "2024年3月19日(火)"
    assert dates.match_date("Published 7 March 2014", 0) is None  # "Published" is no weekday
    assert dates.match_date("Salmon 7 March 2014", 3) is None


def test_every_date_of_a_line() -> None:
    line = "Ministry of Panchayati Raj28-July, 2017 12:10 IST, updated 令和元年5月7日 and 9月2日"
    assert [(found.text, found.complete) for found in dates.iter_dates(line)] == [
        ("28-July, 2017", True),
        ("令和元年5月7日", True),
        ("9月2日", False),
    ]
    assert [found.text for found in dates.iter_dates(line, partial=False)] == ["28-July, 2017", "令和元年5月7日"]


@pytest.mark.parametrize(
    "text",
    ["Section 3 of 2014", "3 people 2019", "Route 66 2019", "Top 10 de 2019", "Budget 2015", "Phase 2 of 2019"],
)
def test_words_that_are_no_months_make_no_date(text: str) -> None:
    assert all((found := dates.match_date(text, pos)) is None or not found.complete for pos in range(len(text))), text


_TOKENS = st.sampled_from(
    ["March", "mar.", "Μαρτίου", "listopad", "lipca", "मार्च", "มิ.ย.", "Published", "Friday", "Dydd Llun", "1", "07",
     "31", "1st", "3.", "1er", "2014", "19", "2568", "10:00", "年", "月", "日", "令和", "元", "(木)", "٢٠١٤", "𝟕", "GMT"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", ", ", "-", "/", ".", "", " de ", " of ", " | ", " – ", "T", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _SEPARATORS), min_size=1, max_size=8))
def test_any_date_like_text_matches_and_reads_without_failing(parts: list[tuple[str, str]]) -> None:
    text = "".join(token + separator for token, separator in parts)
    for pos in range(len(text)):
        found = dates.match_date(text, pos)
        if found is None:
            continue
        assert text[found.start : found.end].find(found.text) >= 0
        date, notices = dates.read_match(found)
        assert date is not None or notices  # an unread date always says why
        assert dates.read_date_text(found.text)[0] == date
