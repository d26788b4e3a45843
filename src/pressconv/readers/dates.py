"""Publication dates as scraped sites spell them.

Recognising *that* something is a date is done here with patterns (so a title
word like "Published reports" is never mistaken for one, and dateutil is never
called on text that cannot be a date); reading *which* date it is goes to
dateutil, which knows month names, ordinals and two-digit years. The help
dateutil needs (year-first order, spaced separators, "reads both ways") is
given in one place, `read_date_text`.

The patterns take the date itself, optionally with a weekday before it and a
time of day before or after it ("Fri, 07 Mar 2014 10:11:13 +0000 (GMT)",
"at 9.30am", "6:10PM", "| 11:00 GMT"); the weekday and the time are never read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.readers.patterns import lazy_pattern

# Month names in the other languages press offices write in (German, French, Spanish, Italian, Dutch,
# Portuguese, Welsh, Danish, Norwegian, Swedish, Finnish — nominative "maaliskuu" and the partitive
# "maaliskuuta" dates use), each with its month number: `read_date_text` gives dateutil the English.
_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "januar jänner janvier janv enero gennaio januari janeiro ionawr tammikuu tammikuuta",
            "februar feber février fevrier févr fevr febrero febbraio februari fevereiro chwefror helmikuu helmikuuta",
            "märz maerz mrz mär mars marzo maart mrt março marco mawrth marts maaliskuu maaliskuuta",
            "avril avr abril aprile ebrill huhtikuu huhtikuuta",
            "mai mayo maggio mei maio maj toukokuu toukokuuta",
            "juni juin junio giugno junho mehefin kesäkuu kesäkuuta",
            "juli juillet juil julio luglio julho gorffennaf heinäkuu heinäkuuta",
            "août aout agosto augustus awst augusti elokuu elokuuta",
            "septembre septiembre setiembre settembre setembro medi syyskuu syyskuuta",
            "oktober okt octobre octubre ottobre outubro hydref lokakuu lokakuuta",
            "novembre noviembre novembro tachwedd marraskuu marraskuuta",
            "dezember dez décembre decembre déc diciembre dicembre dezembro rhagfyr desember joulukuu joulukuuta",
        ],
        start=1,
    )
    for name in names.split()
}
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")  # fmt: skip
#: Every month name a date may spell, in lower case: English in full, in three letters and "sept", and the others.
_MONTH_NAMES = frozenset(
    {*(name.lower() for name in _ENGLISH_MONTHS), *(name[:3].lower() for name in _ENGLISH_MONTHS), "sept", *_FOREIGN_MONTHS}
)
# A month name, as a whole word (its letters run to the end of the word), perhaps abbreviated with a dot.
_MONTH = "(?:" + "|".join(sorted(_MONTH_NAMES, key=lambda name: (-len(name), name))) + r")(?![^\W\d_])\.?"
# Any word: what the compiled patterns take in a month's place (see `_month_as_word`). The alternation above is
# about 800 characters, repeated in each date shape: compiling it was most of the cost of importing this module.
_WORD = r"[^\W\d_]+(?![^\W\d_])\.?"
_LETTERS = re.compile(r"[^\W\d_]+")
_FOREIGN_MONTH = lazy_pattern(
    r"(?<![^\W\d_])(" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + r")(?![^\W\d_])\.?", re.IGNORECASE
)
_WEEKDAY_NAME = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    # Portuguese (sábado and domingo are the Spanish ones above); Danish and Norwegian; Swedish; Finnish ("-na": on …).
    r"|(?:segunda|terça|terca|quarta|quinta|sexta)-feira"
    r"|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|lordag|søndag|sondag|måndag|tisdag|lördag|söndag"
    r"|(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)(?:na)?"
    # Welsh, always with "Dydd": "Mawrth" alone is March, not Tuesday.
    r"|dydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))(?![^\W\d_])\.?"
)
# A name may be glued to the word before it only across a case change: "depotTuesday", "DEPOTTuesday".
_NAME_START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])))"
_WEEKDAY = rf"(?:{_NAME_START}{_WEEKDAY_NAME},?\s*(?:the\s+)?)?"
_DAY = r"(?<!\d)\d{1,2}(?!\d)(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?:1[89]|2\d)\d{2}(?!\d)"
_PART_SEP = r"(?:\s*[-/.,]\s*|\s+)"
_NUMERIC = r"(?<!\d)\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:\d{4}|\d{2})(?!\d)"
# Year first (ISO 8601, and 2014/03/07 or 2014.03.07): always year-month-day, whatever the locale.
_YEAR_FIRST = r"(?<!\d)\d{4}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{1,2}(?!\d)"
# "7th of March 2014", "12 de marzo de 2019".
_DAY_MONTH_YEAR = rf"{_DAY}(?:\s*(?:of|de))?{_PART_SEP}?{_NAME_START}{_MONTH},?(?:\s*del?(?=\s))?{_PART_SEP}?{_YEAR}"
_MONTH_DAY_YEAR = rf"{_NAME_START}{_MONTH}{_PART_SEP}?{_DAY},?{_PART_SEP}?{_YEAR}"
_DAY_MONTH = rf"{_DAY}(?:\s*(?:of|de))?{_PART_SEP}?{_NAME_START}{_MONTH}"
_MONTH_DAY = rf"{_NAME_START}{_MONTH}{_PART_SEP}?{_DAY}"
_MONTH_YEAR = rf"{_NAME_START}{_MONTH},?\s*{_YEAR}"

_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d){1,2}(?:[.,]\d+)?(?:\s?[ap]\.?\s?m\.?(?![^\W\d_]))?"
    r"|(?:1[0-2]|0?[1-9])\s?[ap]\.?\s?m\.?(?![^\W\d_])|noon|midday|midnight)(?:\s?(?:hrs|hours|h)(?![^\W\d_]))?"
)
# Zones: offsets, UTC/GMT in any case, abbreviations only in capitals (so "by" is never a zone), "(EST)",
# and zone names in words ("Eastern Standard Time").
_ZONE = (
    r"(?:\s?(?:[+-]\d{2}:?\d{2}(?!\d)|(?-i:Z)(?![^\W\d_])|(?:utc|gmt)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?(?![^\W\d_])"
    r"|(?-i:[A-Z]{2,5})(?![^\W\d_])|\((?-i:[A-Z][A-Za-z .]{1,30})\)|(?-i:(?:[A-Z][a-z]+ ){1,3}Time)(?![^\W\d_])))*"
)
_TIME_AFTER = rf"(?:(?:\s*[,|\-–—/@]\s*|\s+|T)(?:at\s+|@\s*|time\s*:?\s*)?{_CLOCK}{_ZONE})?"
_TIME_BEFORE = rf"(?:{_CLOCK}{_ZONE}\s*(?:[,|\-–—]\s*|\s+)(?:on\s+)?)?"

# Each pattern up to the end of the part that names the day; `match_date` matches the time after it on its own.
_DATE_HEAD = rf"{_TIME_BEFORE}{_WEEKDAY}(?P<date>{_YEAR_FIRST}|{_NUMERIC}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})"
_NO_YEAR_HEAD = rf"{_TIME_BEFORE}{_WEEKDAY}(?P<date>{_DAY_MONTH}|{_MONTH_DAY}|{_MONTH_YEAR})"
#: A date (optionally with weekday and time) in any supported spelling; the group `date` is what is read.
DATE_PATTERN = _DATE_HEAD + _TIME_AFTER
#: A day and month with no year ("Nov. 3", "Monday 3 November"): shaped like a date, but never read as one.
NO_YEAR_PATTERN = _NO_YEAR_HEAD + _TIME_AFTER

_FLAGS = re.IGNORECASE


def _month_as_word(pattern: str) -> str:
    """`pattern` with any word where it names a month, each such word captured as `month0`, `month1`…

    Such a pattern tries the same paths in the same order as `pattern` does, and fails on one of them only
    where `pattern` fails too, or where a word that is no month stands in a month's place. So when the
    words it captured are all month names, its match is the one `pattern` finds; `_checked` sees to the rest.
    """
    parts = pattern.split(_MONTH)
    return "".join(f"{part}(?P<month{number}>{_WORD})" for number, part in enumerate(parts[:-1])) + parts[-1]


_DATE_AT = re.compile(_month_as_word(_DATE_HEAD), _FLAGS)
_NO_YEAR_AT = re.compile(_month_as_word(_NO_YEAR_HEAD), _FLAGS)
_DATE_MONTHS = tuple(name for name in _DATE_AT.groupindex if name.startswith("month"))
_NO_YEAR_MONTHS = tuple(name for name in _NO_YEAR_AT.groupindex if name.startswith("month"))
# The same with the month names spelled out, for the rare match with a word that is not one in a month's place.
_EXACT_DATE_AT = lazy_pattern(_DATE_HEAD, _FLAGS)
_EXACT_NO_YEAR_AT = lazy_pattern(_NO_YEAR_HEAD, _FLAGS)
# The time after a date, optional and last in both patterns: whatever it matches, the patterns take the first way
# their head matches, so matching it on its own where the head ends gives the same match, from one compiled copy.
_TIME_AFTER_AT = re.compile(_TIME_AFTER, _FLAGS)
_END = re.compile(r"\s*(?:\.\s*)?$")  # never two quantifiers over the same spaces
_YEAR_FIRST_PARTS = re.compile(rf"({_YEAR_FIRST})", _FLAGS)
_NUMERIC_PARTS = re.compile(r"(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{2,4})")
_NUMBERS = re.compile(r"\d+")
_SPANISH_DE = re.compile(r"(?<!\s)\s+del?\s+", re.IGNORECASE)  # from a run of spaces\' start only
_FOREIGN_ORDINAL = re.compile(r"(?<=\d)(?:er|º)", re.IGNORECASE)
_A_YEAR = re.compile(_YEAR)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """Where a date was found in a text: `start`/`end` of the whole match (weekday and time included),
    `text` the part that names the day. `complete` is False for a day with no year or a month with no day."""

    start: int
    end: int
    text: str
    complete: bool


def match_date(text: str, pos: int = 0, *, partial: bool = True) -> DateMatch | None:
    """The date that starts exactly at `pos` (the longest one), or None.

    With `partial`, a day with no year ("Nov. 3") or a month with no day
    ("March 2014") also matches, with `complete=False`: callers note it and
    leave the date unknown.
    """
    match = _checked(_DATE_AT, _DATE_MONTHS, _EXACT_DATE_AT, text, pos)
    if match is not None:
        return DateMatch(match.start(), _time_after(text, match.end()), match["date"], True)
    if partial:
        match = _checked(_NO_YEAR_AT, _NO_YEAR_MONTHS, _EXACT_NO_YEAR_AT, text, pos)
        if match is not None:
            return DateMatch(match.start(), _time_after(text, match.end()), match["date"], False)
    return None


def _time_after(text: str, end: int) -> int:
    """Where a date that ends at `end` ends with the time of day after it ("… 10:11:13 +0000 (GMT)"), if any."""
    found = _TIME_AFTER_AT.match(text, end)
    return found.end() if found is not None else end


def _checked(
    pattern: re.Pattern[str], months: tuple[str, ...], exact: Callable[[], re.Pattern[str]], text: str, pos: int
) -> re.Match[str] | None:
    """`pattern`'s match at `pos` when every word its groups `months` took for a month is one; else the match of
    `exact`, which spells the names out: a path that a word that is no month passed may hide a later one."""
    match = pattern.match(text, pos)
    if match is None:
        return None
    if all((word := match[name]) is None or word.lower() in _MONTH_NAMES for name in months):
        return match
    return exact().match(text, pos)


def is_date(text: str) -> bool:
    """True when the whole text is a complete date (valid or not), weekday and time allowed."""
    found = match_date(text.strip(), partial=False)
    return found is not None and _END.match(text.strip(), found.end) is not None


def read_date(text: str, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]]:
    """Read a whole text that is a date spelled the way press offices spell them.

    Returns (date, notices). The date is None, with a notice saying why, when
    the text is not a date, names no year, or names a day that does not exist
    (31/02/2014); it is never guessed. Raises nothing.
    """
    stripped = text.strip()
    found = match_date(stripped)
    if found is None or _END.match(stripped, found.end) is None:
        return None, [notice(Code.DATE_UNREADABLE, f"could not read {stripped!r} as a date; the date is unknown")]
    return read_match(found, month_first=month_first)


def read_match(found: DateMatch, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]]:
    """The date a `match_date` result names, with the notices reading it gives."""
    if not found.complete:
        return None, [no_year_notice(found.text)]
    return read_date_text(found.text, month_first=month_first)


def no_year_notice(date_text: str) -> Notice:
    """The notice for a date that cannot be read because a part is missing: never guess the year (or the day)."""
    if _A_YEAR.search(date_text):
        return notice(Code.DATE_UNREADABLE, f"{date_text!r} names a month but no day; the date is unknown")
    return notice(Code.DATE_NO_YEAR, f"{date_text!r} names no year; the date is unknown (it is never guessed)")


def _in_english(date_text: str) -> str:
    """ "12. März 2019" → "12. March 2019", "12 de marzo de 2019" → "12 March 2019": dateutil reads English."""
    if date_text.isascii() and not any(word.lower() in _FOREIGN_MONTHS for word in _LETTERS.findall(date_text)):
        return date_text  # the common case, decided without compiling the long pattern below
    english = _FOREIGN_MONTH().sub(_english_month, date_text)
    return _FOREIGN_ORDINAL.sub("", _SPANISH_DE.sub(" ", english))


def _english_month(found: re.Match[str]) -> str:
    """The English name of a foreign month name the pattern found; the text as it was when the pattern's
    case-insensitive match and Python's case folding disagree ("İonawr" folds to "i̇onawr"): never a guess."""
    number = _FOREIGN_MONTHS.get(found[1].casefold())
    return found[0] if number is None else _ENGLISH_MONTHS[number - 1]


def _numeric_date(first: int, second: int, year: int, *, month_first: bool) -> datetime.date:
    """A numeric date with a four-digit year, read as dateutil reads it (day first unless `month_first`;
    a date that reads only one way is read that way), without importing dateutil for the commonest spelling."""
    day, month = (second, first) if month_first else (first, second)
    if month > 12 and day <= 12:
        day, month = month, day
    return datetime.date(year, month, day)


def read_date_text(date_text: str, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]]:
    """Read the day-naming part of a date (`DateMatch.text`): the one place that helps dateutil.

    The help: year-first numbers are year-month-day whatever the locale
    (dateutil's dayfirst would swap them); spaces around numeric separators
    ("12 / 04 / 2019") go; a numeric date that reads both ways is read by the
    day-first rule (or month first) with a notice, one that reads only one way
    is read that way.
    """
    try:
        if _YEAR_FIRST_PARTS.fullmatch(date_text):
            year, month, day = (int(part) for part in _NUMBERS.findall(date_text))
            return datetime.date(year, month, day), []
        numbers = _NUMERIC_PARTS.fullmatch(date_text)
        date_text = "".join(date_text.split()) if numbers is not None else _in_english(date_text)
        if numbers is not None and len(numbers[3]) == 4:
            value = _numeric_date(int(numbers[1]), int(numbers[2]), int(numbers[3]), month_first=month_first)
        else:
            from dateutil import parser  # ~10 ms to import: only for dates spelled in words or two-digit years

            value = parser.parse(date_text, dayfirst=not month_first, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None, [notice(Code.DATE_INVALID, f"{date_text!r} is not a real date; the date is unknown")]
    if numbers and numbers[1] != numbers[2] and int(numbers[1]) <= 12 and int(numbers[2]) <= 12:
        order = "month first" if month_first else "day first"
        other = "drop --month-first" if month_first else "use --month-first for US sources"
        spelled = f"{value.day} {_ENGLISH_MONTHS[value.month - 1]} {value.year}"
        message = f"{date_text!r} reads both ways; read it {order} as {spelled} ({other})"
        return value, [notice(Code.DATE_AMBIGUOUS, message)]
    return value, []
