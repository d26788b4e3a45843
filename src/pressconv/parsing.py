"""Text → `Release`: knows the raw release format, nothing about duplicates or outputs.

The format, as scrapers produce it: the first non-empty line is the title,
usually with a publication marker glued on (``…integrationPublished 07/03/2014``);
every further non-empty line is one paragraph. The marker may also be spaced,
take a colon or "on", or stand alone on the second line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from pressconv import dates
from pressconv.decoding import DEFAULT_MAX_BYTES, clean_text, decode
from pressconv.errors import InputError, PressconvError
from pressconv.model import DEFAULT_LANGUAGE, Notice, Release

# No word boundary on the left: scrapers glue the marker straight onto the title. A bare "Date"
# needs its colon, and either no letter before it or a capital D glued after a lower-case letter
# ("…integrationDate: 07/03/2014"), so that "Budget update: 07/03/2014" keeps its word.
_MARKER = re.compile(
    r"(?:(?:date\s+)?(?:first\s+)?(?:published|posted)(?:\s+(?:on|date))?|release\s+date"
    r"|(?:(?<![a-z])date|(?-i:(?<=[a-z])Date))(?=\s*:))\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(r"[\s|:•·,;\-–—]+$")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class Header:
    """The title line split into its parts; `has_marker` tells "no date given" from "date unreadable"."""

    title: str
    date: datetime.date | None
    has_marker: bool
    notices: tuple[Notice, ...]


def parse(
    source: bytes | str,
    *,
    month_first: bool = False,
    language: str = DEFAULT_LANGUAGE,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    source_name: str | None = None,
    source_url: str | None = None,
) -> Release:
    """Read one raw release.

    `source` is the raw bytes (encoding detected, or `encoding` if given) or
    already-decoded text. Raises `PressconvError` (never anything else) when
    the input is not a release; everything merely odd becomes a `Notice`.
    """
    language = check_language(language)
    if isinstance(source, str):
        text, notices = clean_text(source, max_chars=max_bytes)
    else:
        text, notices = decode(bytes(source), encoding=encoding, max_bytes=max_bytes)
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError("input holds no text, only spaces or control characters")
    header = split_header(lines[0], month_first=month_first)
    rest = lines[1:]
    title, date, found, header_notices = header.title, header.date, header.has_marker, list(header.notices)
    if not found and rest:
        second = marker_line_date(rest[0], month_first=month_first)
        if second is not None:
            date, header_notices = second
            found = True
            rest = rest[1:]
    if not title and rest:
        # "Published 07/03/2014" on a line of its own, with the title after it.
        title, rest = rest[0], rest[1:]
    if not title:
        raise InputError("input has a publication date but no title")
    if not found:
        header_notices.append(Notice("date-missing", "no 'Published <date>' marker found; the date is unknown"))
    if not rest:
        header_notices.append(Notice("no-body", "the release has a title but no paragraphs"))
    return Release(
        title=title,
        date=date,
        paragraphs=tuple(rest),
        language=language,
        source=source_name,
        source_url=source_url,
        notices=tuple(notices + header_notices),
    )


def split_header(line: str, *, month_first: bool = False) -> Header:
    """Split a title line at its last publication marker that is followed by a date.

    The *last* one, because titles may themselves say "published"
    ("Report published on crime figuresPublished 06/02/2015").
    """
    for marker in reversed(list(_MARKER.finditer(line))):
        rest = line[marker.end() :]
        if dates.is_date(rest):
            date, notices = dates.read_date(rest, month_first=month_first)
            return Header(_TITLE_TAIL.sub("", line[: marker.start()]), date, True, tuple(notices))
    return Header(line, None, False, ())


def marker_line_date(line: str, *, month_first: bool = False) -> tuple[datetime.date | None, list[Notice]] | None:
    """The date of a line that is nothing but a publication marker, else None."""
    marker = _MARKER.match(line)
    if marker is None or not dates.is_date(line[marker.end() :]):
        return None
    return dates.read_date(line[marker.end() :], month_first=month_first)


def check_language(language: str) -> str:
    """Accept a BCP 47 tag ("en-GB", "cy", "pt-BR"); reject anything writers could not put in metadata."""
    if not isinstance(language, str) or not _LANGUAGE_TAG.fullmatch(language):
        raise PressconvError(f"language {language!r} is not a language tag; use one like en-GB, fr or pt-BR")
    return language
