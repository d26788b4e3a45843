"""Publication dates as scraped sites spell them.

Recognising *that* something is a date is done here with patterns (so a title
word like "Published reports" is never mistaken for one); reading *which* date
it is goes to dateutil, which knows month names, ordinals and weekdays.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

from pressconv.l10n import format_date
from pressconv.model import Notice

_ORDINAL = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_NUMERIC = r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
# Year first (ISO 8601, and 2014/03/07 or 2014.03.07): always year-month-day, whatever the locale.
_YEAR_FIRST = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DAY_MONTH_YEAR = rf"\d{{1,2}}{_ORDINAL}(?:\s+of)?\s+[a-z]{{3,9}}\.?,?\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"[a-z]{{3,9}}\.?\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}}"
# A trailing time of day ("14:30", "at 2.30pm", "10:00 BST") is allowed and ignored.
_TIME = (
    r"(?:(?:\s*[,T|\-–—]\s*|\s+)(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?"
    r"\s*(?:[ap]\.?m\.?)?(?:\s*(?:z|[a-z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
)

#: A whole string that is a date (optionally with weekday and time), in any supported spelling.
DATE_PATTERN = rf"{_WEEKDAY}(?P<date>{_YEAR_FIRST}|{_NUMERIC}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}){_TIME}"
_WHOLE_DATE = re.compile(rf"{DATE_PATTERN}\s*$", re.IGNORECASE)

def read_date(text: str, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]]:
    """Read a date spelled the way press offices spell them.

    Returns (date, notices). The date is None, with a notice saying why, when
    the text is shaped like a date but names none (31/02/2014); it is never
    guessed. Raises nothing: callers decide what an unknown date means.
    """
    match = _WHOLE_DATE.match(text.strip())
    if match is None or not _names_a_month(match["date"]):
        return None, [Notice("date-unreadable", f"could not read {text.strip()!r} as a date; the date is unknown")]
    return _read_matched(match["date"], month_first=month_first)


def is_date(text: str) -> bool:
    """True when the whole text is shaped like a date (valid or not)."""
    match = _WHOLE_DATE.match(text.strip())
    return match is not None and _names_a_month(match["date"])


def _names_a_month(date_text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", date_text)
    words = [word for word in words if word.lower() not in {"st", "nd", "rd", "th", "of"}]
    if not words:
        return True
    info = _names()
    return all(info.month(word) is not None or info.weekday(word) is not None for word in words)


@functools.cache
def _names() -> Any:
    """dateutil's month and weekday names, built once: constant data, so results never depend on history."""
    from dateutil.parser import parserinfo

    return parserinfo()


def _read_matched(date_text: str, *, month_first: bool) -> tuple[datetime.date | None, list[Notice]]:
    from dateutil import parser

    notices: list[Notice] = []
    try:
        if re.fullmatch(_YEAR_FIRST, date_text):
            # Year first is year-month-day whatever the locale; dateutil's dayfirst would swap it.
            year, month, day = (int(part) for part in re.split(r"[-/.]", date_text))
            return datetime.date(year, month, day), notices
        value = parser.parse(date_text, dayfirst=not month_first, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None, [Notice("date-invalid", f"{date_text!r} is not a real date; the date is unknown")]
    numbers = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}", date_text)
    if numbers and numbers[1] != numbers[2] and int(numbers[1]) <= 12 and int(numbers[2]) <= 12:
        order = "month first" if month_first else "day first"
        other = "drop --month-first" if month_first else "use --month-first for US sources"
        message = f"{date_text!r} reads both ways; read it {order} as {format_date(value)} ({other})"
        notices.append(Notice("date-ambiguous", message))
    return value, notices
