"""The visible header of a release page: the lines around the headline that say when, by whom and from whom.

Pages print "Published 7 March 2024", "Posted on March 7, 2024 by Jane
Smith", "From: Department for Transport", "Press release" or "3 min read"
between the headline and the first paragraph (or just above the headline).
`read_meta_line` says what one such line holds; a line it recognises is
metadata, not body text. Dates are read with the text reader's recognisers
(`pressconv.readers.dates`), so both readers agree on what a date is.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from pressconv.model import Notice
from pressconv.readers import dates

_UPDATED = r"(?:last\s+)?(?:updated|modified|revised|amended)"
_PUBLISHED = r"(?:first\s+)?(?:published|posted|released|issued|dated?|publication\s+date|release\s+date|date\s+published)"
_MARKED_DATE = re.compile(
    rf"(?P<marker>{_UPDATED}|{_PUBLISHED})(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?P<when>{dates.DATE_PATTERN})", re.IGNORECASE
)
_BARE_DATE = re.compile(dates.DATE_PATTERN, re.IGNORECASE)
_NAME = r"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|and|&|de|van|von|der|den|da|di|du|le|la|del|bin|al))*"
_BYLINE = re.compile(rf"(?:^|\bposted\b.*?\s|\s[|·•]\s)(?i:by|written\s+by|author\s*:)\s+(?P<name>{_NAME})")
# "By Jane Smith", "Author: Jane Smith", "By Jane Smith, Communications Officer".
_AUTHOR_LINE = re.compile(rf"^(?i:by|written\s+by|posted\s+by|authors?)\s*:?\s+(?P<name>{_NAME})(?:\s*,\s*[^,]{{1,60}})?\s*$")
_FROM = re.compile(
    r"^(?i:from|issued\s+by|published\s+by|department|organisation|organization)\s*:\s*(?P<issuer>.{2,120})$"
    r"|^(?i:news\s+provided\s+by|provided\s+by|source)\s*:?\s+(?P<provider>[^:]{2,120})$"
)
_LABEL = re.compile(
    r"^(?:press\s+release|news\s+release|media\s+release|news\s+story|press\s+statement|media\s+statement"
    r"|for\s+immediate\s+release|immediate\s+release|embargoed\b.{0,80}|news\s+article|press\s+notice|media\s+advisory"
    r"|pressemitteilung|communiqué\s+de\s+presse|nota\s+de\s+prensa|comunicato\s+stampa|persbericht)[.:!]?$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"^(?:(?:\d+\s*(?:-|to)\s*)?\d+\s*min(?:ute)?s?\.?(?:\s+read(?:ing)?(?:\s+time)?)?"
    r"|(?:reading\s+time|hits|views|page\s+views|comments?)\s*:?\s*[\d,.]+(?:\s*min(?:ute)?s?)?|[\d,.]+\s+(?:comments?|views|hits))$",
    re.I,
)
#: A label with nothing after it ("From:", "Published"): the value is the next line on the page.
LEAD_IN = re.compile(
    rf"^(?:from|{_PUBLISHED}|{_UPDATED}|author|by|written\s+by|issued\s+by|published\s+by|organisation|department)\s*:?$",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"[\s|·•,;:\-–—/()]+|\b(?:on|at|and|and\s+last|by)\b", re.IGNORECASE)


# Dates on pages in other languages, said in English so the text reader's recognisers can read them:
# "Publié le 7 mars 2024", "Veröffentlicht am 7. März 2024", "Publicado el 7 de marzo de 2024".
_MONTH_NAMES = {
    "January": "janvier januar enero gennaio januari janeiro",
    "February": "février fevrier februar febrero febbraio februari fevereiro",
    "March": "mars märz maerz marzo maart março",
    "April": "avril abril aprile",
    "May": "mai mayo maggio mei maio",
    "June": "juin juni junio giugno junho",
    "July": "juillet juli julio luglio julho",
    "August": "août aout agosto augustus",
    "September": "septembre septiembre setiembre settembre setembro",
    "October": "octobre oktober octubre ottobre outubro",
    "November": "novembre noviembre novembro",
    "December": "décembre decembre dezember diciembre dicembre dezembro",
}
_FOREIGN_MONTH = {word: english for english, words in _MONTH_NAMES.items() for word in words.split()}
_FOREIGN_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:\.|er)?\s+(?:de\s+)?({'|'.join(sorted(_FOREIGN_MONTH, key=len, reverse=True))})\s+(?:de\s+)?(\d{{4}})\b",
    re.IGNORECASE,
)
_ARTICLE_WORD = r"(?:\s+(?:le|am|el|il|op|em|en))?\b"
_FOREIGN_MARKERS = (
    (re.compile(rf"\b(?:publié|veröffentlicht|publicado|pubblicato|gepubliceerd|publicada){_ARTICLE_WORD}", re.I), "Published"),
    (
        re.compile(rf"\b(?:mis\s+à\s+jour|aktualisiert|actualizado|aggiornato|bijgewerkt|atualizado){_ARTICLE_WORD}", re.I),
        "Updated",
    ),
)


def in_english(text: str) -> str:
    """A header line with its dates and date markers in English ("Publié le 7 mars 2024" → "Published 7 March 2024")."""
    if text.isascii() and not _FOREIGN_DATE.search(text):
        return text
    text = _FOREIGN_DATE.sub(lambda m: f"{m[1]} {_FOREIGN_MONTH[m[2].lower()]} {m[3]}", text)
    for pattern, english in _FOREIGN_MARKERS:
        text = pattern.sub(english, text)
    return text


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
    text = in_english(text.strip())
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
    for match in _MARKED_DATE.finditer(text):
        value, notices = dates.read_date(match["when"], month_first=month_first)
        line.notices += notices
        if re.match(_UPDATED, match["marker"], re.IGNORECASE):
            line.updated = line.updated or value
        else:
            line.published = line.published or value
        rest = rest.replace(match.group(), " ", 1)
    if line.published is None and line.updated is None and dates.is_date(text):
        line.published, notices = dates.read_date(text, month_first=month_first)
        line.notices += notices
        rest = ""
    elif line.published is None and line.updated is None:
        found = _BARE_DATE.search(text)
        if found is not None and len(text) <= 80 and dates.is_date(found.group()):
            # "March 7, 2024 | Jane Smith": a date beside a byline or a place.
            line.published, notices = dates.read_date(found.group(), month_first=month_first)
            line.notices += notices
            rest = rest.replace(found.group(), " ", 1)
    author = _AUTHOR_LINE.match(rest.strip()) or _BYLINE.search(rest)
    if author is not None and (line.published or line.updated or _AUTHOR_LINE.match(rest.strip())):
        line.byline = author["name"].strip()
        rest = rest.replace(author.group(), " ", 1)
    if line.published or line.updated or line.byline:
        leftover = _LEFTOVER.sub("", rest)
        line.is_meta = len(leftover) <= 3 or (len(leftover) <= 30 and len(text) <= 80 and bool(line.published or line.updated))
    return line
