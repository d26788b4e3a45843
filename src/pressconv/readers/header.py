"""The header of a raw release: the title, the publication date and what else scrapers put around them.

`split_header(lines)` takes the first lines of a release and says which of
them are the header and what each part is; every line it does not claim is
left to the body, exactly as it was.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from pressconv.keys import typographic_key
from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.readers import dates

# No word boundary on the left: scrapers glue the marker straight onto the title. A bare "Date"
# needs its colon, and either no letter before it or a capital D glued after a lower-case letter
# ("…integrationDate: 07/03/2014"), so that "Budget update: 07/03/2014" keeps its word.
_MARKER = re.compile(
    r"(?:(?:date\s+)?(?:first\s+)?(?:published|posted)(?:\s+(?:on|date))?|release\s+date"
    r"|(?:(?<![a-z])date|(?-i:(?<=[a-z])Date))(?=\s*:))\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(r"[\s|:•·,;\-–—]+$")


@dataclass(frozen=True, slots=True)
class Header:
    """What the header lines said. `body_start` is the index of the first line left to the body."""

    title: str
    date: datetime.date | None
    notices: tuple[Notice, ...]
    body_start: int
    has_date_marker: bool = False
    updated: datetime.date | None = None
    byline: str | None = None
    issuer: str | None = None
    label: str | None = None


def split_header(lines: list[str], *, month_first: bool = False) -> Header:
    """Find the title and the publication date in the first lines; the rest is body.

    `lines` are the release's non-empty lines. Never guesses: a date that is
    not clearly the publication date stays unknown, with a notice.
    """
    title_line = split_title_line(lines[0], month_first=month_first)
    title, date, found, notices = title_line.title, title_line.date, title_line.has_date_marker, list(title_line.notices)
    start = 1
    if not found and len(lines) > 1:
        second = marker_line_date(lines[1], month_first=month_first)
        if second is not None:
            date, notices = second[0], list(second[1])
            found = True
            start = 2
    if not title and start < len(lines):
        # "Published 07/03/2014" on a line of its own, with the title after it.
        title, start = lines[start], start + 1
    if not found:
        notices.append(notice(Code.DATE_MISSING, "no 'Published <date>' marker found; the date is unknown"))
    return Header(title, date, tuple(notices), start, found)


def split_title_line(line: str, *, month_first: bool = False) -> Header:
    """Split a title line at its last publication marker that is followed by a date.

    The *last* one, because titles may themselves say "published"
    ("Report published on crime figuresPublished 06/02/2015").
    """
    for marker in reversed(list(_MARKER.finditer(line))):
        rest = line[marker.end() :]
        if dates.is_date(rest):
            date, notices = dates.read_date(rest, month_first=month_first)
            return Header(_TITLE_TAIL.sub("", line[: marker.start()]), date, tuple(notices), 1, True)
    return Header(line, None, (), 1, False)


def marker_line_date(line: str, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]] | None:
    """The date of a line that is nothing but a publication marker, else None."""
    marker = _MARKER.match(line)
    if marker is None or not dates.is_date(line[marker.end() :]):
        return None
    return dates.read_date(line[marker.end() :], month_first=month_first)


def is_title_copy(text: str, title: str, date: datetime.date | None, *, key: str, title_key: str) -> bool:
    """True when a body line is the title again: the whole title line (title plus its date marker)
    scraped a second time. `key` and `title_key` are the typographic keys of `text` and `title`."""
    if not key.startswith(title_key):
        return False
    header = split_title_line(text)
    return header.has_date_marker and typographic_key(header.title) == title_key and header.date in (date, None)
