"""Publication dates as scraped sites spell them, in every CLDR language and in the calendars press offices use.

One grammar finds date candidates and reads them exactly, without dateutil:

- day, month and year in the orders press offices use — `7 March 2014`, `March 7, 2014`, `7th of March 2014`,
  `12 de marzo de 2019`, `1er mars`, `16. června 2025`, `2023. március 7.` — with the month named in any CLDR
  language (format and stand-alone, wide and abbreviated, so genitives such as "Μαρτίου", "lipca", "марта" come
  with them; the names are generated into `pressconv.cldr_months` and loaded the first time a date names a
  month this module does not know by heart), or in numbers: `07/03/2014`, `07.03.14`, `2014-03-07`;
- CJK forms (`2023年9月7日`, `2023년 9월 7일`, `2023年9月7日(木)`, `二○一二年五月十日`), the Japanese era calendar
  (`令和元年5月7日`, `平成28年11月15日`, `令和6(2024)年…`), ROC years (`民國112年…`), the Thai Buddhist era (a year
  over 2400 in a Thai date, or marked `พ.ศ.`), and Vietnamese `07 Tháng 3 2023`;
- digits of every Unicode script (full-width, mathematical, Arabic-Indic, Devanagari, Thai, Bengali…).

A weekday before the date and a time of day before or after it are taken into the match but never read.
A Hijri or Solar Hijri date is not converted: its year is not a Gregorian one, so it is no date here.

Why no pattern with the month names spelled out: thousands of names would make the pattern huge. Each shape
takes any word in a month's place (`(?P<month>…)`), and the word is looked up; when it is no month, the next
shape is tried. Every pattern is written so that no two quantifiers can take the same characters, so a match
attempt costs time linear in what it reads (`tests/readers/test_dates_grammar.py` checks the growth).

Reading is language-independent except for a month name that means different months in different languages
("listopad": November in Polish and Czech, October in Croatian): it is read only with a language hint (the
release's language), else left unknown with a notice — never guessed. Two-digit years, year-less dates and
numeric dates that read both ways are resolved as `docs/reading.md` says, each with a notice.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from pressconv.cldr_months import DIGIT_ZEROS, MARKS
from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.readers.patterns import lazy_pattern

_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")  # fmt: skip
# Month names known by heart, each with its month number: English in full, in three letters and "sept", and the
# spellings of the other languages press offices write in that CLDR lacks (accents dropped, "mrz", "maerz"); a
# date in these never loads the CLDR table. Every other name comes from `pressconv.cldr_months`.
_KNOWN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "january jan januar jänner janvier janv enero gennaio januari janeiro ionawr tammikuu tammikuuta",
            "february feb februar feber février fevrier févr fevr febrero febbraio februari fevereiro chwefror "
            "helmikuu helmikuuta",
            "march mar märz maerz mrz mär mars marzo maart mrt março marco mawrth marts maaliskuu maaliskuuta",
            "april apr avril avr abril aprile ebrill huhtikuu huhtikuuta",
            "may mai mayo maggio mei maio maj toukokuu toukokuuta",
            "june jun juni juin junio giugno junho mehefin kesäkuu kesäkuuta",
            "july jul juli juillet juil julio luglio julho gorffennaf heinäkuu heinäkuuta",
            "august aug août aout agosto augustus awst augusti elokuu elokuuta",
            "september sep sept septembre septiembre setiembre settembre setembro medi syyskuu syyskuuta",
            "october oct oktober okt octobre octubre ottobre outubro hydref lokakuu lokakuuta",
            "november nov novembre noviembre novembro tachwedd marraskuu marraskuuta",
            "december dec dezember dez décembre decembre déc diciembre dicembre dezembro rhagfyr desember joulukuu joulukuuta",
        ],
        start=1,
    )
    for name in names.split()
}
# Weekday spellings CLDR lacks ("Tues", "Thurs", accents dropped); every other weekday comes from CLDR.
_KNOWN_WEEKDAYS = frozenset(
    {"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "weds", "thursday", "thu", "thur", "thurs",
     "friday", "fri", "saturday", "sat", "sunday", "sun", "miercoles", "sabado", "lordag", "sondag", "terca-feira"}
)  # fmt: skip

# --- Shapes -----------------------------------------------------------------------------------------------------


def _digit(value: int) -> str:
    """A class taking the digit `value` in every Unicode script ("2", "２", "𝟐", "٢", "२", "๒"…)."""
    return "[" + "".join(re.escape(chr(zero + value)) for zero in DIGIT_ZEROS) + "]"


_LETTER = rf"(?:[^\W\d_]|[{re.escape(MARKS)}])"
_NOT_LETTER_AFTER = rf"(?![^\W\d_]|[{re.escape(MARKS)}])"
# A word: letters and marks, perhaps with inner dots ("มิ.ย.") or hyphens ("segunda-feira"), perhaps a final dot.
# The letters of each piece are one quantifier, and pieces are split by a character no piece takes.
# Both the pieces and their number are bounded (no CLDR name has a piece over 23 characters or more than two
# inner marks): a match tried at every word start of "a.a.a.a…" or "aAaAaA…" then reads a bounded stretch, not
# the rest of the line, so a scan stays linear.
_WORD = rf"{_LETTER}{{1,30}}(?:[.\-]{_LETTER}{{1,30}}){{0,2}}{_NOT_LETTER_AFTER}\.?"
# A name may be glued to the word before it only across a case change: "depotTuesday", "DEPOTTuesday".
_NAME_START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])))"
_MONTH = rf"{_NAME_START}(?P<month>{_WORD})"
_DAY = r"(?<!\d)(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th|er|º|°|ª)?\.?"
# A Gregorian year, 1800-2999 (so a Hijri 1445 is none), or a Buddhist-era one (2400+, read only in a Thai date).
_YEAR_DIGITS = rf"(?:{_digit(1)}[{_digit(8)[1:-1]}{_digit(9)[1:-1]}]|{_digit(2)}\d)\d{{2}}"
_YEAR = rf"(?<!\d)(?P<year>{_YEAR_DIGITS})(?!\d)"
_PART_SEP = r"(?:\s*[-/.,]\s*|\s+)"
_THAI_ERA = r"(?:พ\.\s?ศ\.\s?)?"

_CJK_NUMERAL = "〇○零一二三四五六七八九"
_CJK_NUMBER = rf"(?:\d{{1,2}}|[{_CJK_NUMERAL}十]{{1,3}})"
_ERA = r"(?P<era>令和|平成|昭和|大正|明治)\s?(?P<era_year>元|\d{1,2})\s?(?:[(（]\s?(?P<gregorian>\d{4})\s?[)）]\s?)?"
_ROC = r"(?P<roc>民國|民国)\s?(?P<roc_year>\d{1,3})\s?"
# A Gregorian year may carry its era year in brackets: "2020年(令和2年)11月26日".
_ERA_IN_BRACKETS = r"(?:\s?[(（]\s?(?P<bracket_era>令和|平成|昭和|大正|明治)\s?(?P<bracket_era_year>元|\d{1,2})\s?年?\s?[)）])?"
_CJK_YEAR = rf"(?:{_ERA}|{_ROC}|(?<!\d)(?P<cjk_year>\d{{4}}|[{_CJK_NUMERAL}]{{4}})\s?)[年년]{_ERA_IN_BRACKETS}"
_CJK_MONTH = rf"\s?(?P<cjk_month>{_CJK_NUMBER})\s?[月월]"
_CJK_DAY = rf"\s?(?P<cjk_day>{_CJK_NUMBER})\s?[日일]"
_CJK_WEEKDAY = r"(?:\s?[(（](?:[月火水木金土日](?:曜日?)?|(?:星期|周|週)?[一二三四五六日天]|[월화수목금토일](?:요일)?)[)）])?"


class Shape:
    """Which shape a date was found in: how its parts are read. (Plain strings: an `Enum` costs milliseconds to
    build at import, in every process that reads a release.)"""

    YEAR_FIRST = "y-m-d"
    NUMERIC = "numeric"
    DAY_MONTH_YEAR = "d month y"
    MONTH_DAY_YEAR = "month d y"
    YEAR_MONTH_DAY = "y month d"
    CJK = "cjk"
    VIETNAMESE = "vi"
    DAY_MONTH = "d month"
    MONTH_DAY = "month d"
    MONTH_YEAR = "month y"
    CJK_MONTH_DAY = "cjk m d"
    CJK_YEAR_MONTH = "cjk y m"


# Complete dates, in the order they are tried at a position; then the partial ones.
_SHAPES: dict[str, str] = {
    # Year first (ISO 8601, 2014/03/07, 2014.03.07): always year-month-day, whatever the locale.
    Shape.YEAR_FIRST: rf"{_YEAR}\s?[-/.]\s?(?P<month_number>\d{{1,2}})\s?[-/.]\s?(?P<day>\d{{1,2}})(?!\d)",
    Shape.NUMERIC: r"(?<!\d)(?P<first>\d{1,2})\s?[./-]\s?(?P<second>\d{1,2})\s?[./-]\s?"
    rf"(?P<year>{_YEAR_DIGITS}|\d{{2}})(?!\d)",
    # "7th of March 2014", "12 de marzo de 2019", "3 d’abril de 2020", "9 มิ.ย. 2568".
    Shape.DAY_MONTH_YEAR: rf"{_DAY}(?:\s*(?:of|de)|\s*d[’'])?{_PART_SEP}?{_MONTH},?(?:\s*del?(?=\s))?{_PART_SEP}?"
    rf"{_THAI_ERA}{_YEAR}",
    Shape.MONTH_DAY_YEAR: rf"{_MONTH}{_PART_SEP}?{_DAY},?{_PART_SEP}?{_YEAR}",
    # Hungarian "2023. március 7.", Lithuanian "2023 m. kovo 7 d.": the year marked, then month and day.
    Shape.YEAR_MONTH_DAY: rf"{_YEAR}(?:\.|\s?m\.)\s*{_MONTH}\s*{_DAY}(?:\s?d\.)?",
    Shape.CJK: rf"{_CJK_YEAR}{_CJK_MONTH}{_CJK_DAY}{_CJK_WEEKDAY}",
    Shape.VIETNAMESE: rf"(?:ngày\s*)?{_DAY}\s*(?:tháng|thg)\s*(?P<month_number>\d{{1,2}}),?\s*(?:năm\s*)?{_YEAR}",
}
_PARTIAL_SHAPES: dict[str, str] = {
    Shape.DAY_MONTH: rf"{_DAY}(?:\s*(?:of|de)|\s*d[’'])?{_PART_SEP}?{_MONTH}",
    Shape.MONTH_DAY: rf"{_MONTH}{_PART_SEP}?{_DAY}",
    Shape.MONTH_YEAR: rf"{_MONTH},?\s*{_YEAR}",
    Shape.CJK_MONTH_DAY: rf"(?<!\d){_CJK_MONTH[3:]}{_CJK_DAY}{_CJK_WEEKDAY}",
    Shape.CJK_YEAR_MONTH: rf"{_CJK_YEAR}{_CJK_MONTH}",
}
_WORD_SHAPES = frozenset({Shape.DAY_MONTH_YEAR, Shape.MONTH_DAY_YEAR, Shape.YEAR_MONTH_DAY, Shape.DAY_MONTH,
                          Shape.MONTH_DAY, Shape.MONTH_YEAR})  # fmt: skip

# A time of day: "10:30", "10.30 a.m.", "3pm", "noon"; CJK and Korean with the half of the day before it ("下午
# 06:15:00", "午前10時30分", "오후 3:00") or hours and minutes in characters ("10時30分", "10点30分", "10시 30분").
_CLOCK = (
    r"(?:(?:[上下]午|午[前後]|오[전후])\s?)?"
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d){1,2}(?:[.,]\d+)?(?:\s?[ap]\.?\s?m\.?(?![^\W\d_]))?"
    r"|(?:[01]?\d|2[0-3])\s?[時时点點시](?:\s?[0-5]?\d\s?[分분])?"
    r"|(?:1[0-2]|0?[1-9])\s?[ap]\.?\s?m\.?(?![^\W\d_])|noon|midday|midnight)(?:\s?(?:hrs|hours|h)(?![^\W\d_]))?"
)
# Zones: offsets, UTC/GMT in any case, abbreviations only in capitals (so "by" is never a zone), "(EST)",
# and zone names in words ("Eastern Standard Time").
_ZONE = (
    r"(?:\s?(?:[+-]\d{2}:?\d{2}(?!\d)|(?-i:Z)(?![^\W\d_])|(?:utc|gmt)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?(?![^\W\d_])"
    r"|(?-i:[A-Z]{2,5})(?![^\W\d_])|\((?-i:[A-Z][A-Za-z .]{1,30})\)|(?-i:(?:[A-Z][a-z]+ ){1,3}Time)(?![^\W\d_])))*"
)
# No two quantifiers here take the same spaces: "time\s*:?\s*" (spaces, no colon, spaces) was quadratic.
_TIME_AFTER = rf"(?:(?:\s*[,|\-–—/@]\s*|\s+|T)(?:at\s+|@\s*|time\s*(?::\s*)?)?{_CLOCK}{_ZONE})?"
_TIME_BEFORE = rf"{_CLOCK}{_ZONE}(?:\s*[,|\-–—]\s*|\s+)(?:on\s+)?"
# A weekday before the date: one word, or two ("Dydd Llun", "Thứ ba"); looked up, then the date tried after it.
_WEEKDAY_ONE = rf"{_NAME_START}(?P<weekday>{_WORD})"
_WEEKDAY_TWO = rf"{_NAME_START}(?P<weekday>{_LETTER}{{1,30}}\s{_WORD})"
_AFTER_WEEKDAY = r",?\s*(?:the\s+)?"

_FLAGS = re.IGNORECASE


# Each shape compiled on first use, one module-level name each so the complexity harness finds every one.
_YEAR_FIRST_AT = lazy_pattern(_SHAPES[Shape.YEAR_FIRST], _FLAGS)
_NUMERIC_AT = lazy_pattern(_SHAPES[Shape.NUMERIC], _FLAGS)
_DAY_MONTH_YEAR_AT = lazy_pattern(_SHAPES[Shape.DAY_MONTH_YEAR], _FLAGS)
_MONTH_DAY_YEAR_AT = lazy_pattern(_SHAPES[Shape.MONTH_DAY_YEAR], _FLAGS)
_YEAR_MONTH_DAY_AT = lazy_pattern(_SHAPES[Shape.YEAR_MONTH_DAY], _FLAGS)
_CJK_AT = lazy_pattern(_SHAPES[Shape.CJK], _FLAGS)
_VIETNAMESE_AT = lazy_pattern(_SHAPES[Shape.VIETNAMESE], _FLAGS)
_DAY_MONTH_AT = lazy_pattern(_PARTIAL_SHAPES[Shape.DAY_MONTH], _FLAGS)
_MONTH_DAY_AT = lazy_pattern(_PARTIAL_SHAPES[Shape.MONTH_DAY], _FLAGS)
_MONTH_YEAR_AT = lazy_pattern(_PARTIAL_SHAPES[Shape.MONTH_YEAR], _FLAGS)
_CJK_MONTH_DAY_AT = lazy_pattern(_PARTIAL_SHAPES[Shape.CJK_MONTH_DAY], _FLAGS)
_CJK_YEAR_MONTH_AT = lazy_pattern(_PARTIAL_SHAPES[Shape.CJK_YEAR_MONTH], _FLAGS)
_SHAPE_AT: dict[str, Callable[[], re.Pattern[str]]] = {
    Shape.YEAR_FIRST: _YEAR_FIRST_AT,
    Shape.NUMERIC: _NUMERIC_AT,
    Shape.DAY_MONTH_YEAR: _DAY_MONTH_YEAR_AT,
    Shape.MONTH_DAY_YEAR: _MONTH_DAY_YEAR_AT,
    Shape.YEAR_MONTH_DAY: _YEAR_MONTH_DAY_AT,
    Shape.CJK: _CJK_AT,
    Shape.VIETNAMESE: _VIETNAMESE_AT,
    Shape.DAY_MONTH: _DAY_MONTH_AT,
    Shape.MONTH_DAY: _MONTH_DAY_AT,
    Shape.MONTH_YEAR: _MONTH_YEAR_AT,
    Shape.CJK_MONTH_DAY: _CJK_MONTH_DAY_AT,
    Shape.CJK_YEAR_MONTH: _CJK_YEAR_MONTH_AT,
}
_TIME_BEFORE_AT = lazy_pattern(_TIME_BEFORE, _FLAGS)
_TIME_AFTER_AT = lazy_pattern(_TIME_AFTER, _FLAGS)
_WEEKDAY_ONE_AT = lazy_pattern(_WEEKDAY_ONE, _FLAGS)
_WEEKDAY_TWO_AT = lazy_pattern(_WEEKDAY_TWO, _FLAGS)
_AFTER_WEEKDAY_AT = re.compile(_AFTER_WEEKDAY, _FLAGS)
_END = re.compile(r"\s*(?:\.\s*)?$")  # never two quantifiers over the same spaces
_A_YEAR = re.compile(_YEAR)
# What may open a date: a digit, a letter, a time of day (a digit or "noon"), a CJK era: nothing else is tried.
_OPENS = re.compile(r"[^\W_]")
_CANDIDATE_STARTS = re.compile(r"(?<!\w)\w|(?<!\d)\d")
_WORD_AT = lazy_pattern(rf"{_NAME_START}{_WORD}", _FLAGS)
_TIME_WORDS = frozenset({"noon", "midday", "midnight", "ngày"})
_CJK_OPENERS = frozenset("令平昭大明民" + _CJK_NUMERAL)
#: Every date names its day or year with a digit or a CJK numeral within a few words of its start ("Wednesday
#: the 17th", "noon on Friday, 3 May", "令和五年"): a place with none in the next `_EVIDENCE_SPAN` characters opens
#: no date, and one C-level search rules it out before any word is looked up.
_DATE_EVIDENCE = re.compile("[\\d" + "".join(sorted(_CJK_OPENERS)) + "十]")
_EVIDENCE_SPAN = 100

# --- The CLDR table ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Names:
    """The CLDR names, parsed from `pressconv.cldr_months` the first time they are needed."""

    months: Mapping[str, int]  # folded name → the month it means without a hint (0: it differs by language)
    readings: Mapping[str, Mapping[str, int]]  # folded name that differs by language → language → month
    weekdays: frozenset[str]
    weekday_heads: frozenset[str]  # the first word of a two-word weekday ("dydd" of "dydd llun")


@functools.cache
def _names() -> _Names:
    from pressconv import cldr_months  # about 100 KB of text: loaded only when a name is not known by heart

    months: dict[str, int] = {}
    readings: dict[str, dict[str, int]] = {}
    for row in cldr_months.MONTHS.split("\n"):
        name, _, value = row.partition("\t")
        default, _, spelled = value.partition("\t")
        months[name] = int(default)
        if spelled:
            readings[name] = {
                language: int(month)
                for reading in spelled.split()
                for month, _, languages in [reading.partition(":")]
                for language in languages.split(",")
            }
    weekdays = frozenset(cldr_months.WEEKDAYS.split("\n"))
    return _Names(months, readings, weekdays, frozenset(name.split(" ")[0] for name in weekdays if " " in name))


def _fold(word: str) -> str:
    return " ".join(word.casefold().rstrip(".").split())


def month_of(word: str, language: str | None = None) -> int | None:
    """The month `word` names (1-12); 0 when it names different months in different languages and `language`
    does not say which; None when it is no month name. `language` is a tag ("pl", "hr-HR")."""
    folded = _fold(word)
    primary = language.split("-")[0].split("_")[0].casefold() if language else None
    if primary is None or primary == "en":
        known = _KNOWN_MONTHS.get(folded)
        if known is not None:
            return known
    names = _names()
    month = names.months.get(folded)
    if month is None:
        return _KNOWN_MONTHS.get(folded)
    if primary is not None and folded in names.readings:
        return names.readings[folded].get(primary, month)
    return month


def _is_weekday(word: str) -> bool:
    folded = _fold(word)
    return folded in _KNOWN_WEEKDAYS or folded in _names().weekdays


# --- Matching ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMatch:
    """Where a date was found in a text: `start`/`end` of the whole match (weekday and time included),
    `text` the part that names the day. `complete` is False for a day with no year or a month with no day."""

    start: int
    end: int
    text: str
    complete: bool


def match_date(text: str, pos: int = 0, *, partial: bool = True) -> DateMatch | None:
    """The date that starts exactly at `pos`, or None.

    With `partial`, a day with no year ("Nov. 3", "9月2日") or a month with no day ("March 2014") also
    matches, with `complete=False`: callers note it and leave the date unknown. Whether a word is a month
    does not depend on the language; which month it is may (`read_match`).
    """
    if pos >= len(text) or _OPENS.match(text, pos) is None or _DATE_EVIDENCE.search(text, pos, pos + _EVIDENCE_SPAN) is None:
        return None
    if not _may_open(text, pos):
        return None
    for shapes, complete in ((_SHAPES, True), (_PARTIAL_SHAPES, False)) if partial else ((_SHAPES, True),):
        found = _dated(text, pos, shapes)
        if found is not None:
            head, end = found
            return DateMatch(pos, _time_after(text, end), text[head:end], complete)
    return None


def may_hold_date(text: str, start: int, end: int) -> bool:
    """False when no date can begin in ``text[start:end]``: none has the digit or CJK numeral every date has
    within `_EVIDENCE_SPAN` characters of its start. A cheap test that lets a caller skip a span of prose."""
    return _DATE_EVIDENCE.search(text, start, end + _EVIDENCE_SPAN) is not None


def iter_dates(text: str, *, partial: bool = True) -> Iterator[DateMatch]:
    """Every date in `text`, left to right, none overlapping: the candidates a line offers (for the line-role
    model and for tools). A date may start at a word's start or where digits follow letters ("Raj28-July")."""
    pos = 0
    for start in _CANDIDATE_STARTS.finditer(text):
        if start.start() < pos:
            continue
        found = match_date(text, start.start(), partial=partial)
        if found is not None:
            yield found
            pos = found.end


def _may_open(text: str, pos: int) -> bool:
    """False when the word at `pos` can open no date: it is no month, weekday (or a weekday's first word), time
    word or CJK era or numeral. Most words of a line are ruled out here by one lookup, not by every shape."""
    if text[pos].isdigit() or text[pos] in _CJK_OPENERS:
        return True
    word = _WORD_AT().match(text, pos)
    if word is None:
        return False
    folded = _fold(word[0])
    if folded in _KNOWN_MONTHS or folded in _KNOWN_WEEKDAYS or folded in _TIME_WORDS:
        return True
    names = _names()
    return folded in names.months or folded in names.weekdays or folded in names.weekday_heads


def _dated(text: str, pos: int, shapes: Mapping[str, str]) -> tuple[int, int] | None:
    """The first shape that matches at `pos`, after an optional time of day and weekday: each optional part is
    taken when the date follows it, and left when it does not, as a regular expression's `?` would.
    Returns where the day-naming part starts and ends."""
    time = _TIME_BEFORE_AT().match(text, pos) if text[pos].isdigit() or text[pos] in "nNmM" else None
    for start in (time.end(), pos) if time is not None else (pos,):
        for head in _after_weekday(text, start):
            found = _shape_at(text, head, shapes)
            if found is not None:
                return head, found[1].end()
    return None


def _after_weekday(text: str, pos: int) -> list[int]:
    """Where the date may start: after a weekday at `pos` (two words or one), and at `pos` itself."""
    starts: list[int] = []
    if pos < len(text) and not text[pos].isdigit():
        for pattern in (_WEEKDAY_TWO_AT, _WEEKDAY_ONE_AT):
            weekday = pattern().match(text, pos)
            if weekday is not None and _is_weekday(weekday["weekday"]):
                after = _AFTER_WEEKDAY_AT.match(text, weekday.end())
                starts.append(after.end() if after is not None else weekday.end())
    starts.append(pos)
    return starts


def _shape_at(text: str, pos: int, shapes: Mapping[str, str]) -> tuple[str, re.Match[str]] | None:
    if pos >= len(text):
        return None
    for shape in shapes:
        match = _SHAPE_AT[shape]().match(text, pos)
        if match is not None and (shape not in _WORD_SHAPES or month_of(match["month"]) is not None):
            return shape, match
    return None


def _time_after(text: str, end: int) -> int:
    """Where a date that ends at `end` ends with the time of day after it ("… 10:11:13 +0000 (GMT)"), if any."""
    found = _TIME_AFTER_AT().match(text, end)
    return found.end() if found is not None else end


def is_date(text: str) -> bool:
    """True when the whole text is a complete date (valid or not), weekday and time allowed."""
    found = match_date(text.strip(), partial=False)
    return found is not None and _END.match(text.strip(), found.end) is not None


# --- Reading ----------------------------------------------------------------------------------------------------


def read_date(text: str, *, month_first: bool = False, language: str | None = None) -> tuple[datetime.date | None, list[Notice]]:
    """Read a whole text that is a date spelled the way press offices spell them.

    Returns (date, notices). The date is None, with a notice saying why, when
    the text is not a date, names no year, or names a day that does not exist
    (31/02/2014); it is never guessed. Raises nothing.
    """
    stripped = text.strip()
    found = match_date(stripped)
    if found is None or _END.match(stripped, found.end) is None:
        return None, [notice(Code.DATE_UNREADABLE, f"could not read {stripped!r} as a date; the date is unknown")]
    return read_match(found, month_first=month_first, language=language)


def read_match(
    found: DateMatch, *, month_first: bool = False, language: str | None = None
) -> tuple[datetime.date | None, list[Notice]]:
    """The date a `match_date` result names, with the notices reading it gives."""
    if not found.complete:
        return None, [no_year_notice(found.text)]
    return read_date_text(found.text, month_first=month_first, language=language)


def no_year_notice(date_text: str) -> Notice:
    """The notice for a date that cannot be read because a part is missing: never guess the year (or the day)."""
    if _A_YEAR.search(date_text) or re.search("[年년]", date_text):
        return notice(Code.DATE_UNREADABLE, f"{date_text!r} names a month but no day; the date is unknown")
    return notice(Code.DATE_NO_YEAR, f"{date_text!r} names no year; the date is unknown (it is never guessed)")


def _numeric_date(first: int, second: int, year: int, *, month_first: bool) -> datetime.date:
    """A numeric date: day first unless `month_first`; a date that reads only one way is read that way."""
    day, month = (second, first) if month_first else (first, second)
    if month > 12 and day <= 12:
        day, month = month, day
    return datetime.date(year, month, day)


#: A two-digit year: 00-69 are 2000-2069, 70-99 are 1970-1999 (the POSIX `%y` rule), whatever today is.
TWO_DIGIT_PIVOT = 70
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_ROC_START = 1911
_BUDDHIST_OFFSET = 543
_BUDDHIST_FROM = 2400


def _cjk_number(text: str) -> int:
    """ "12", "１２", "十二", "二十五", "○五": a number in any digits, or in Chinese numerals up to 99."""
    if all(ch.isdigit() for ch in text):
        return int(text)
    digits = [0 if ch in "〇○零" else "一二三四五六七八九".index(ch) + 1 if ch != "十" else -1 for ch in text]
    if -1 not in digits:
        return int("".join(str(digit) for digit in digits))
    tens, _, units = text.partition("十")
    return (_cjk_number(tens) if tens else 1) * 10 + (_cjk_number(units) if units else 0)


def _in_thai(match: re.Match[str], language: str | None) -> bool:
    """A Thai date, whose year over 2400 is in the Buddhist era: marked "พ.ศ.", a Thai month, or a Thai release."""
    if "พ.ศ" in match[0] or (language or "").casefold().startswith("th"):
        return True
    month = match["month"] if "month" in match.re.groupindex else None
    return month is not None and "\u0e00" <= month[0] <= "\u0e7f"


def read_date_text(
    date_text: str, *, month_first: bool = False, language: str | None = None
) -> tuple[datetime.date | None, list[Notice]]:
    """Read the day-naming part of a date (`DateMatch.text`).

    Year-first numbers are year-month-day whatever the locale; a numeric date
    that reads both ways is read by the day-first rule (or month first) with a
    notice, one that reads only one way is read that way; a two-digit year is
    read by `TWO_DIGIT_PIVOT`, with a notice; a month name that differs by
    language is read only with `language`.
    """
    for shapes in (_SHAPES, _PARTIAL_SHAPES):
        found = _shape_at(date_text, 0, shapes)
        if found is not None and found[1].end() == len(date_text):
            break
    else:
        return None, [notice(Code.DATE_UNREADABLE, f"could not read {date_text!r} as a date; the date is unknown")]
    shape, match = found
    if shape in _PARTIAL_SHAPES:
        return None, [no_year_notice(date_text)]
    notices: list[Notice] = []
    try:
        value = _READERS[shape](match, month_first, language, notices)
    except (ValueError, OverflowError):
        return None, [notice(Code.DATE_INVALID, f"{date_text!r} is not a real date; the date is unknown")]
    return value, notices


_Reader = Callable[[re.Match[str], bool, "str | None", list[Notice]], "datetime.date | None"]


def _read_year_first(match: re.Match[str], _month_first: bool, language: str | None, _: list[Notice]) -> datetime.date:
    return datetime.date(_year(match, language), int(match["month_number"]), int(match["day"]))


def _year(match: re.Match[str], language: str | None) -> int:
    year = int(match["year"])
    if year > _BUDDHIST_FROM:
        if _in_thai(match, language):
            return year - _BUDDHIST_OFFSET
        # A Buddhist-era year outside a Thai date (no Thai month, marker or language): never guessed.
        raise ValueError(year)
    return year


def _read_numeric(match: re.Match[str], month_first: bool, language: str | None, notices: list[Notice]) -> datetime.date:
    first, second, year_text = int(match["first"]), int(match["second"]), match["year"]
    year = _year(match, language)
    if len(year_text) == 2:
        year += 2000 if year < TWO_DIGIT_PIVOT else 1900
    value = _numeric_date(first, second, year, month_first=month_first)
    if first != second and first <= 12 and second <= 12:
        order = "month first" if month_first else "day first"
        other = "drop --month-first" if month_first else "use --month-first for US sources"
        spelled = f"{value.day} {_ENGLISH_MONTHS[value.month - 1]} {value.year}"
        compact = "".join(match[0].split())
        notices.append(notice(Code.DATE_AMBIGUOUS, f"{compact!r} reads both ways; read it {order} as {spelled} ({other})"))
    if len(year_text) == 2:
        notices.append(notice(Code.DATE_TWO_DIGIT_YEAR, f"{match[0]!r} has a two-digit year; read as {value.year} "
                              f"(00-{TWO_DIGIT_PIVOT - 1} are 20xx, {TWO_DIGIT_PIVOT}-99 are 19xx)"))  # fmt: skip
    return value


def _read_words(match: re.Match[str], _month_first: bool, language: str | None, notices: list[Notice]) -> datetime.date | None:
    month = month_of(match["month"], language)
    if not month:
        readings = _names().readings.get(_fold(match["month"]), {})
        spelled = ", ".join(f"{lang}: {_ENGLISH_MONTHS[number - 1]}" for lang, number in sorted(readings.items())[:6])
        notices.append(notice(Code.DATE_UNREADABLE, f"{match[0]!r} names a month that differs by language ({spelled}"
                              "…); the date is unknown (give the release's language)"))  # fmt: skip
        return None
    return datetime.date(_year(match, language), month, int(match["day"]))


def _read_cjk(match: re.Match[str], _month_first: bool, _language: str | None, notices: list[Notice]) -> datetime.date | None:
    if match["era"]:
        year = _era_year(match["era"], match["era_year"])
        if match["gregorian"] and int(match["gregorian"]) != year:
            notices.append(notice(Code.DATE_INVALID, f"{match[0]!r}: the era year and the year in brackets differ; "
                                  "the date is unknown"))  # fmt: skip
            return None
    elif match["roc"]:
        year = _ROC_START + int(match["roc_year"])
    else:
        year = _cjk_number(match["cjk_year"])
    if match["bracket_era"] and _era_year(match["bracket_era"], match["bracket_era_year"]) != year:
        notices.append(notice(Code.DATE_INVALID, f"{match[0]!r}: the year and the era year in brackets differ; "
                              "the date is unknown"))  # fmt: skip
        return None
    return datetime.date(year, _cjk_number(match["cjk_month"]), _cjk_number(match["cjk_day"]))


def _era_year(era: str, year: str) -> int:
    """The Gregorian year of a Japanese era year ("元" is the first)."""
    return _ERA_START[era] + (1 if year == "元" else int(year))


def _read_vietnamese(match: re.Match[str], _month_first: bool, language: str | None, _: list[Notice]) -> datetime.date:
    return datetime.date(_year(match, language), int(match["month_number"]), int(match["day"]))


_READERS: dict[str, _Reader] = {
    Shape.YEAR_FIRST: _read_year_first,
    Shape.NUMERIC: _read_numeric,
    Shape.DAY_MONTH_YEAR: _read_words,
    Shape.MONTH_DAY_YEAR: _read_words,
    Shape.YEAR_MONTH_DAY: _read_words,
    Shape.CJK: _read_cjk,
    Shape.VIETNAMESE: _read_vietnamese,
}
