"""The visible header of a release page: the lines around the headline that say when, by whom and from whom.

Pages print "Published 7 March 2024", "Posted on March 7, 2024 by Jane
Smith", "From: Department for Transport", "Press release" or "3 min read"
between the headline and the first paragraph (or just above the headline).
`read_meta_line` says what one such line holds; a line it recognises is
metadata, not body text. Dates and their marker words ("Published",
"Veröffentlicht am", "Last updated", "Aktualisiert am", "Bijgewerkt op"…) are
read with the text reader's recognisers (`pressconv.readers.dates`,
`pressconv.readers.header`), so both readers agree on what a date is and
whether it is the publication or the update.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pressconv import lexicon
from pressconv.model import Notice
from pressconv.readers import dates
from pressconv.readers.header import BARE_DATE_WORDS, PUBLISHED_MARKER, UPDATED_MARKER

# A person's name: capitalised words and the lexicon's lower-case particles inside names ("van", "de", "bin").
_NAME = lexicon.expand(r"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|{name_particle}))*")
# "Posted on 3 March 2024 by Jane Smith": at most 80 characters between "posted" and "by" (unbounded, a line of
# many "posted" tried every later position from each: quadratic).
_BYLINE = re.compile(rf"(?:^|\bposted\b.{{0,80}}?\s|\s[|·•]\s)(?i:by|written\s+by|author\s*:)\s+(?P<name>{_NAME})")
# "By Jane Smith", "Author: Jane Smith", "By Jane Smith, Communications Officer".
_AUTHOR_LINE = re.compile(rf"^(?i:by|written\s+by|posted\s+by|authors?)\s*:?\s+(?P<name>{_NAME})(?:\s*,\s*[^,]{{1,60}})?\s*$")
# The issuer: the lexicon's issuer markers ("From:", "Issued by:") and the labels of a page's metadata list.
_FROM = lexicon.pattern(
    r"^(?:{issuer_marker}|published\s+by|department|organisation|organization)\s*:\s*(?P<issuer>.{2,120})$"
    r"|^(?:news\s+provided\s+by|provided\s+by|source)\s*:?\s+(?P<provider>[^:]{2,120})$"
)
# A label line: the lexicon's strong labels ("Press release", "Pressemitteilung") or an embargo line.
_LABEL = lexicon.pattern(r"^(?:{label}|embargoed\b.{0,80})[.:!]?$")
_READING_TIME = re.compile(
    r"^(?:(?:\d+\s*(?:-|to)\s*)?\d+\s*min(?:ute)?s?\.?(?:\s+read(?:ing)?(?:\s+time)?)?"
    r"|(?:reading\s+time|hits|views|page\s+views|comments?)\s*:?\s*[\d,.]+(?:\s*min(?:ute)?s?)?|[\d,.]+\s+(?:comments?|views|hits))$",
    re.I,
)
#: A label with nothing after it ("From:", "Published", "Veröffentlicht am"): the value is the next line on the page.
_LEAD_IN_WORDS = re.compile(
    r"(?:from|author|by|written\s+by|issued\s+by|published\s+by|organisation|department)\s*:?", re.IGNORECASE
)
_LEFTOVER = re.compile(r"[\s|·•,;:\-–—/()]+|\b(?:on|at|and|and\s+last|by)\b", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """A header label whose value is on the next line ("From:", "Published", "Last updated", "Aktualisiert am")."""
    text = text.strip()
    if _LEAD_IN_WORDS.fullmatch(text):
        return True
    marker = UPDATED_MARKER.fullmatch(text) or PUBLISHED_MARKER.fullmatch(text)
    return marker is not None and (_word(marker) not in BARE_DATE_WORDS or text.endswith(":"))


def _word(marker: re.Match[str]) -> str:
    return " ".join(marker[0].split()).rstrip(":-–—| ").casefold()


def _marked_dates(text: str) -> Iterator[tuple[bool, int, dates.DateMatch]]:
    """Each date a marker word stands before — (is it an update, where the marker starts, the date) — with
    the text reader's marker words (`header.PUBLISHED_MARKER`, `header.UPDATED_MARKER`: "Published",
    "Veröffentlicht am", "Last updated", "Aktualisiert am", "Bijgewerkt op"…) and its date recogniser."""
    pos = 0
    while pos < len(text):
        if text[pos].isalpha() and (pos == 0 or not text[pos - 1].isalnum()):
            for updated, pattern in ((True, UPDATED_MARKER), (False, PUBLISHED_MARKER)):
                marker = pattern.match(text, pos)
                if marker is None or (_word(marker) in BARE_DATE_WORDS and ":" not in marker[0] and pos > 0):
                    continue  # a bare "Date" is a marker with a colon, or at the start of the line
                found = dates.match_date(text, marker.end(), partial=False)
                if found is not None:
                    yield updated, pos, found
                    pos = found.end - 1
                    break
        pos += 1


def _bare_date(text: str) -> tuple[int, dates.DateMatch] | None:
    """The first complete date in `text` that starts a word ("March 7, 2024 | Jane Smith") or whose digits follow a
    word with no space ("Jane Smith3.11.2023": a byline and its date in two elements), where it starts."""
    for pos, char in enumerate(text):
        if char.isalnum() and (pos == 0 or not text[pos - 1].isalnum() or (char.isdigit() and text[pos - 1].isalpha())):
            found = dates.match_date(text, pos, partial=False)
            if found is not None:
                return pos, found
    return None


@dataclass
class MetaLine:
    """What one header line says; `is_meta` when nothing is left of it once that is taken out."""

    published: datetime.date | None = None
    updated: datetime.date | None = None
    byline: str | None = None
    issuer: str | None = None
    label: str | None = None
    is_meta: bool = False
    notices: list[Notice] = field(default_factory=list)


def read_meta_line(text: str, *, month_first: bool = False) -> MetaLine:
    """What a short header line holds (a date, an update, a byline, an issuer, a label), and whether it is only that."""
    line = MetaLine()
    text = text.strip()
    if not text or len(text) > 160:
        return line
    if _LABEL.match(text):
        line.label, line.is_meta = text.rstrip(".:!"), True
        return line
    if _READING_TIME.match(text):
        line.is_meta = True
        return line
    source = _FROM.match(text)
    issuer = source is not None and (source["issuer"] or source["provider"])
    if issuer and not dates.is_date(issuer):
        line.issuer, line.is_meta = issuer.strip(), True
        return line
    rest = text
    for updated, start, found in _marked_dates(text):
        value, notices = dates.read_match(found, month_first=month_first)
        line.notices += notices
        if updated:
            line.updated = line.updated or value
        else:
            line.published = line.published or value
        rest = rest.replace(text[start : found.end], " ", 1)
    if line.published is None and line.updated is None and dates.is_date(text):
        line.published, notices = dates.read_date(text, month_first=month_first)
        line.notices += notices
        rest = ""
    elif line.published is None and line.updated is None and len(text) <= 80:
        bare = _bare_date(text)
        if bare is not None:
            # "March 7, 2024 | Jane Smith": a date beside a byline or a place.
            start, found = bare
            line.published, notices = dates.read_match(found, month_first=month_first)
            line.notices += notices
            rest = rest.replace(text[start : found.end], " ", 1)
    author = _AUTHOR_LINE.match(rest.strip()) or _BYLINE.search(rest)
    if author is not None and (line.published or line.updated or _AUTHOR_LINE.match(rest.strip())):
        line.byline = author["name"].strip()
        rest = rest.replace(author.group(), " ", 1)
    if line.published or line.updated or line.byline:
        leftover = _LEFTOVER.sub("", rest)
        line.is_meta = len(leftover) <= 3 or (len(leftover) <= 30 and len(text) <= 80 and bool(line.published or line.updated))
    return line
