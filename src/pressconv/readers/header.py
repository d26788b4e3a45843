"""The header of a raw release: the title, the publication date and what else scrapers put around them.

`split_header(lines)` looks at the first lines of a release — up to the first
line that is neither the title nor a header part — and says what each is:

- header parts, on lines of their own or glued to the end of the title line,
  joined by bars, dashes, commas or nothing: a publication date with or
  without a marker word ("Published", "Posted on", "Release date:", "Issued:"…),
  an update date ("Last updated …"), a byline ("By Jane Smith"), an issuer
  ("… by Regional Press Office", "Ministry of Transport") and a label
  ("PRESS RELEASE", "FOR IMMEDIATE RELEASE");
- the title: the first line that is not a header part;
- a dateline opening the first body paragraph ("LONDON, 12 March 2019 – …"),
  read only when the header names no date, and never changed.

Every line it does not claim is left to the body, exactly as it was. It never
guesses: a date in a body sentence, a date with no year, or a line below the
first body line never becomes the publication date.

The work is done by small recognisers. For header parts, each a function of
(text, position), tried in order by `_parts`: `_on_date_part`, `_category_part`,
`_updated_part`, `_date_part`, `_from_part`, `_byline_part`, `_label_part`,
`_named_part` (after a date, `_by_whom` and `_username`). For whole lines:
`_line_parts`, `_is_org_line`, `_is_name_line`, `_title_again`; for the title
line, `_prefix_part` and `_tail_parts`; for the first body paragraph,
`dateline`. Each looks at a bounded amount of text (the first ten lines, a
title's last 160 characters), so reading a header costs the same for any release.
Dates themselves are recognised and read in `pressconv.readers.dates`.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, field

from pressconv.keys import typographic_key
from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.readers import dates
from pressconv.readers.patterns import lazy_pattern

# Patterns every header needs are compiled here; those only some headers need (datelines, office holders, title
# copies, usernames) on first use, with `lazy_pattern`: call the name to get the pattern.
# How far the header reaches: lines looked at, the length of a header line, the length of a title's glued tail.
_MAX_HEADER_LINES = 10
_MAX_PART_LINE = 200
_MAX_PART_WORDS = 28
_MAX_TAIL = 160
_MAX_NAME_WORDS = 6

_LETTER = r"[^\W\d_]"
# A word may start after a non-letter, or glued on across a lower-to-upper case change ("depotPosted").
_WORD_START = rf"(?:(?<!{_LETTER})|(?-i:(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])))"

# Between two header parts: bars, bullets, dashes, commas, brackets, colons — or plain spaces.
_SEPARATOR = re.compile(r"(?:\s*(?:[|•·;,()\[\]–—/:]|--?(?=\s|$))\s*)+|\s+")
_TRAILING = re.compile(r"[\s|•·;,()\[\]–—/:.\-]*$")
# What a title's end loses when a tail is split off (str.rstrip: linear, where a "[…]+$" pattern is quadratic).
_TITLE_TAIL = " \t|:•·,;([-–—/"
_ALNUM = re.compile(r"[^\W_]")

# Publication markers. Old habit kept: "published"/"posted" count in any case, even glued on without a space.
# Other words ("issued", "released", "dated", a bare "date") count in a title's tail only when capitalised or
# followed by a colon, so that "Report released 12 March 2019" keeps its verb (see `_is_marker_word`).
_PUBLISHED = re.compile(
    r"(?:(?:date|time)\s+(?:first\s+)?(?:published|posted|issued|released)"
    r"|(?:first|originally)\s+(?:published|posted|issued|released)"
    r"|(?:publication|release|issue|posting|press\s+release|news)\s+date"
    r"|date\s+of\s+(?:publication|issue|release)"
    r"|(?:published|posted|issued|released|dated|created)(?:\s+(?:on|at|date|in))?"
    # Other languages' markers: German, French, Spanish/Portuguese, Italian, Dutch, Scandinavian, Finnish, Welsh.
    r"|veröffentlicht(?:\s+am)?|publié(?:\s+le)?|publicad[oa](?:\s+(?:el|em|en))?|pubblicato(?:\s+il)?"
    r"|gepubliceerd(?:\s+op)?|publicerad|publiceret|publisert|julkaistu|cyhoeddwyd"
    r"|date\s+de\s+publication|fecha\s+de\s+publicación|data\s+di\s+pubblicazione|publicatiedatum"
    r"|date|datum|fecha|data|dyddiad)"
    rf"(?!{_LETTER})\s*(?:[:\-–—|]\s*)?",
    re.IGNORECASE,
)
_ALWAYS_MARKERS = ("published", "posted", "date published", "date posted", "first published", "first posted")
# A bare "Date" (in any language) is a marker only with a colon, or at the start of a line of its own.
_BARE_DATE_WORDS = frozenset({"date", "datum", "fecha", "data", "dyddiad"})
_UPDATED = re.compile(
    r"(?:(?:(?:(?:page\s+)?last|zuletzt)\s+)?(?:updated|modified|revised|amended|edited|aktualisiert|geändert)"
    r"(?:\s+(?:on|at|am))?|mis\s+à\s+jour(?:\s+le)?|actualizad[oa](?:\s+el)?|atualizad[oa](?:\s+em)?"
    r"|aggiornato(?:\s+il)?|bijgewerkt(?:\s+op)?|oppdatert|uppdaterad|opdateret|päivitetty|diweddarwyd(?:\s+ddiwethaf)?"
    r"|stand(?=\s*:))"
    rf"(?!{_LETTER})\s*(?:[:\-–—|]\s*)?|update\s*:\s*",
    re.IGNORECASE,
)
#: The marker words, for the HTML reader's header lines too (`html_header`): one list, so both readers agree.
PUBLISHED_MARKER = _PUBLISHED
UPDATED_MARKER = _UPDATED
BARE_DATE_WORDS = _BARE_DATE_WORDS
_BY = re.compile(r"\s*,?\s*by\s+", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:(?:written|words|story|text|report(?:ed)?|photos?|posted|published|issued|released)\s+by|by)\s*:?\s+"
    r"|(?:author|writer|reporter|words|byline|contributor|source)\s*:\s*",
    re.IGNORECASE,
)
# gov.uk's "From: Department for Transport and The Rt Hon Jane Smith MP": whatever follows is the issuer.
_FROM = re.compile(r"(?:from|issued\s+by|on\s+behalf\s+of)\s*:\s*([^|•]*[^|•\s.])", re.IGNORECASE)
# Labels: words that say what kind of document this is, never its title.
_STRONG_LABEL = (
    r"(?:for\s+immediate\s+release|immediate\s+release|for\s+release|(?:joint\s+)?(?:press|media|news)\s+"
    r"(?:release|statement|update|notice|advisory|alert|briefing|information|note|bulletin)"
    r"|news\s+(?:story|article|item|flash)|(?:official|joint)\s+statement"
    r"|pressemitteilung|pressemeldung|pressemelding|pressemeddelelse|pressmeddelande|persbericht|tiedote"
    r"|communiqu[ée]\s+de\s+presse|comunicado\s+de\s+prensa|nota\s+de\s+prensa|comunicato\s+stampa"
    r"|komunikat\s+prasowy|datganiad\s+i'r\s+wasg)"
)
_LABEL = re.compile(
    rf"(?:{_STRONG_LABEL}|statement|(?:breaking|latest|top|club|council|police|force|university|campus|company|corporate"
    r"|community|school|team|local|business|research|health)\s+news|news|update|announcement|newsroom"
    r"|(?:embargoed|embargo|under\s+embargo)(?:\s+(?:until|till|to|for|before))?(?:\s*:)?(?:\s+[^|]*)?"
    r"|not\s+for\s+(?:publication|release|broadcast)\s+(?:before|until)\s+[^|]*"
    rf"|(?:category|categories|section|topics?|tags?|filed\s+under|part\s+of)\s*:\s*[^|•]*[^|•\s])(?!{_LETTER})"
    r"(?:\s*(?:no\.?|number|ref\.?|#)\s*:?\s*[\w/.-]*\d[\w/.-]*)?",
    re.IGNORECASE,
)
_ON = re.compile(r"\s*on\s+", re.IGNORECASE)
_POSTED_IN = re.compile(r"(?:posted|published|filed)\s+in\s+([^|•:]{2,40}?)(?=\s+on\s+)", re.IGNORECASE)
_PREFIX_SEPARATOR = lazy_pattern(r"\s*(?:[:|•–—]|--?(?=\s))\s*(?=\S)")
# Before the title on its line: a label that cannot start a headline, or a short one in capitals ("UPDATE: …").
_LABEL_PREFIX = re.compile(
    rf"({_STRONG_LABEL}|(?-i:STATEMENT|UPDATE|NEWS|BREAKING(?: NEWS)?|MEDIA ADVISORY|ANNOUNCEMENT))(?!{_LETTER})"
    r"\s*(?:[:|\-–—]\s*)(?=\S)",
    re.IGNORECASE,
)

# Where a title's glued-on tail may begin: a marker, a byline, a label, a date, or a separator.
_TAIL_WORDS = (
    r"date|time|first|originally|publication|release|issue|press|media|news|joint|official|for|immediate|statement"
    r"|update|updated|last|page|modified|revised|dated|issued|released|by|written|words|story|author|reported"
    r"|embargoed|breaking|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    # The other languages' publication markers (see `_PUBLISHED`), which may be glued on too.
    r"|veröffentlicht|publié|publicad[oa]|pubblicato|gepubliceerd|publicerad|publiceret|publisert|julkaistu|cyhoeddwyd"
)
_TAIL_START = re.compile(
    rf"(?:(?:date|first)\s+)?(?:published|posted)|{_WORD_START}(?:{_TAIL_WORDS})|(?<!\d)\d|[|•·–—(\[]|\s-{{1,2}}\s",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (readable in the source)."""
    return frozenset(text.split())


_USERNAME = lazy_pattern(r"[a-z][\w.\-]{1,30}(?=\s*$|\s*[|•·;,)])")
_NAME_WORD = re.compile(rf"( ?)({_LETTER}[\w'’.\-]*|&)")
_NAME = rf"{_LETTER}[\w'’.\-]*(?: (?:{_LETTER}[\w'’.\-]*|&))*"
_NAME_SPAN = lazy_pattern(_NAME)
_ROLE = lazy_pattern(rf",\s*({_NAME})")

_PARTICLES = _words("de da di du del della der den van von le la al el bin ibn y dos das do ter ten and & of")
_CONNECTORS = _words("of for the and & de du des la le on upon in at y und für et")
_MARKER_WORDS = _words(
    "published posted updated update date dated issued released last first on at modified revised time "
    "originally publication release"
)
_ORG_WORDS = _words(
    "ministry ministries department dept office bureau agency authority council police constabulary "
    "service services university college school institute institution trust foundation charity "
    "association society federation union club fc afc commission committee board government embassy "
    "consulate parliament assembly secretariat directorate administration corporation corp company co "
    "group plc ltd limited inc llc llp gmbh ag sa nv bv ab oy spa srl pty team unit newsroom "
    "communications press media centre center hospital nhs museum library gallery partnership network "
    "alliance force brigade rescue army navy command court tribunal mayor governor cabinet presidency "
    "chancellery ombudsman regulator organisation organization relations affairs city county minister secretary "
    "ayuntamiento ministerio gobierno consejería universidad policía mairie ministère préfecture gouvernement conseil "
    "université stadt stadtverwaltung ministerium landesregierung polizei universität gemeente ministerie politie "
    "universiteit comune ministero regione università cyngor llywodraeth prifysgol heddlu "
    "borough municipality commissioner"
)
# Words that open sentences, never a dateline's place.
_NOT_PLACES = _words(
    "the a an in on at by from since until after before today yesterday tomorrow last this that during "
    "for as when following between we our it he she they i"
)
# Headings that open a part of a release, never the issuer ("About Anytown Council", "Media contacts").
_NOT_ISSUERS = _words("about contact contacts notes note background ends editor's editors for")
_FUNCTION_WORDS = _words("on from until till to by before after since in at of for between and or the a an until during than")

_PLACE_WORD = rf"{_LETTER}[\w'’.\-]*"
_PLACE_CHUNK = lazy_pattern(rf"{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,4}}")
_SPACE = lazy_pattern(r"\s+")
_DATELINE_OPEN = lazy_pattern(r"\s*(?:,|\(|[–—]|--?)\s*")
# After the date: a closing bracket, a wire service ("/PRNewswire/", "(Reuters)"), then a dash, colon or comma.
_DATELINE_CLOSE = lazy_pattern(
    r"\s*\)?\s*(?:/[^/\n]{2,40}/\s*|\((?:[^()\n]{2,40})\)\s*)?(?:--?|[–—:,])\s*(?=\S)"
    r"|\s*\)\s*(?=\S)|\.\s+(?=[A-Z])"
)
_DATE_FIRST_CLOSE = lazy_pattern(r"\s*(?:--?|[–—:])\s*(?=\S)")
_PLACE_COMMA = lazy_pattern(r",\s*")


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


@dataclass(frozen=True, slots=True)
class _Part:
    """One header part found in a line: `kind` is "date", "updated", "byline", "issuer" or "label"."""

    kind: str
    start: int
    end: int
    text: str = ""
    found: dates.DateMatch | None = None
    marked: bool = False


@dataclass(slots=True)
class _Found:
    """The header parts gathered so far, in the order found (local to one `split_header` call)."""

    month_first: bool
    date: datetime.date | None = None
    has_date: bool = False
    updated: datetime.date | None = None
    has_updated: bool = False
    bylines: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def add(self, parts: list[_Part], *, in_title: bool = False) -> None:
        for part in parts:
            if part.kind == "date" and part.found is not None and not self.has_date:
                self.date, notices = dates.read_match(part.found, month_first=self.month_first)
                self.has_date = True
                self.notices += notices
                if not part.marked and self.date is not None:
                    where = "glued to the title" if in_title else "on a header line"
                    message = f"read {part.found.text!r}, {where} without a marker word, as the publication date"
                    self.notices.append(notice(Code.DATE_UNMARKED, message))
            elif part.kind == "updated" and part.found is not None and not self.has_updated:
                self.updated, notices = dates.read_match(part.found, month_first=self.month_first)
                self.has_updated = True
                self.notices += notices
                if self.updated is not None:
                    self.notices.append(notice(Code.UPDATED_FOUND, f"{part.found.text!r} is the update date"))
            elif part.kind == "byline" and part.text not in self.bylines:
                self.bylines.append(part.text)
                where = "taken out of the title" if in_title else "from the header"
                self.notices.append(notice(Code.BYLINE_FOUND, f"byline {part.text!r} {where}"))
            elif part.kind == "issuer" and part.text not in self.issuers:
                self.issuers.append(part.text)
                self.notices.append(notice(Code.ISSUER_FOUND, f"issuer {part.text!r} found in the header"))
            elif part.kind == "label":
                self.labels.append(part.text)
                self.notices.append(notice(Code.LABEL_DROPPED, f"label {part.text!r} is not part of the title"))

    def conflicts(self, parts: list[_Part]) -> bool:
        """True when a line would give a second, different publication date: then it is not header.
        (The same date again — a scraper's doubled line — is header.)"""
        if not self.has_date:
            return False
        return any(
            part.kind == "date"
            and part.found is not None
            and dates.read_match(part.found, month_first=self.month_first)[0] != self.date
            for part in parts
        )


def split_header(lines: list[str], *, month_first: bool = False) -> Header:
    """Find the title, the dates, the byline, the issuer and the label in the first lines; the rest is body.

    `lines` are the release's non-empty lines. Never guesses: a date that is
    not clearly the publication date stays unknown, with a notice.
    """
    header = _scan(lines, month_first=month_first, issuer_first=True)
    if header is None:
        # An organisation-looking first line with nothing else header-like around it is the title after all.
        header = _scan(lines, month_first=month_first, issuer_first=False)
    assert header is not None
    return header


def _scan(lines: list[str], *, month_first: bool, issuer_first: bool) -> Header | None:
    """One pass over the first lines: header parts and issuer lines, the title, more header parts; then the body."""
    found = _Found(month_first)
    title: str | None = None
    title_key = ""
    issuers_before_title = 0
    index = 0
    limit = min(len(lines), _MAX_HEADER_LINES)
    while index < limit:
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        if title is not None:
            parts = _after_title(line, after, found, title_key)
            if parts is None:
                break
            found.add(parts)
        elif (parts := _before_title(line, after, found, issuer_first=issuer_first)) is not None:
            found.add(parts)
            issuers_before_title += sum(part.kind == "issuer" and not part.marked for part in parts)
        else:
            title_line = _split_title_line(line)
            title, title_key = title_line.title, typographic_key(title_line.title).casefold()
            dated = found.conflicts(title_line.parts)
            found.add([part for part in title_line.parts if not (dated and part.kind == "date")], in_title=True)
        index += 1
    if title is None:
        if found.labels:
            # Only a label and dates: the label is all the title there is; keep it rather than refuse the release.
            title = found.labels[0]
        elif not found.has_date:
            # Nothing but a byline or the like: the first line, as written, is the title (the release is not refused).
            missing = notice(Code.DATE_MISSING, "no publication date in the header; the date is unknown")
            return Header(lines[0], None, (missing,), 1)
        else:
            return Header("", found.date, tuple(found.notices), index, found.has_date)  # the reader refuses it
    if issuers_before_title and not _issuer_above_title(title, has_body=index < len(lines)):
        return None
    if found.date is None and index < len(lines):
        _read_dateline(lines[index : index + 2], found)
    if not found.has_date:
        found.notices.append(notice(Code.DATE_MISSING, "no publication date in the header; the date is unknown"))
    return Header(
        title,
        found.date,
        tuple(found.notices),
        index,
        found.has_date,
        updated=found.updated,
        byline=" and ".join(found.bylines) or None,
        issuer=", ".join(found.issuers) or None,
        label=found.labels[0] if found.labels else None,
    )


def _before_title(line: str, after: str | None, found: _Found, *, issuer_first: bool) -> list[_Part] | None:
    """Header parts on a line above the title: a label, a date, a byline — or an organisation line."""
    parts = _line_parts(line, names=False)
    guessed = parts is not None and any(part.kind == "issuer" and not part.marked for part in parts)
    if parts is not None and not found.conflicts(parts) and (issuer_first or not guessed):
        return parts
    if issuer_first and after is not None and _is_org_line(line):
        return [_Part("issuer", 0, len(line), line)]
    if after is not None and len(line) <= _MAX_TAIL and _ALNUM.search(line) is None:
        return []  # "*****" above the title is layout, never the title
    return None


def _is_rule(line: str, after: str | None) -> bool:
    """A line of dashes or stars between header lines ("-----"): layout inside the header, not body text."""
    return len(line) <= _MAX_TAIL and _ALNUM.search(line) is None and after is not None and _line_parts(after) is not None


def _after_title(line: str, after: str | None, found: _Found, title_key: str) -> list[_Part] | None:
    """Header parts on a line below the title, or None where the body begins."""
    parts = _line_parts(line)
    if parts is not None:
        return None if found.conflicts(parts) else parts
    if _is_rule(line, after):
        return []
    if after is not None and _is_org_line(line):
        return [_Part("issuer", 0, len(line), line)]
    if after is not None and _is_name_line(line) and _has_date(_line_parts(after)):
        # "Jane Smith" on a line of its own, just above the date line: the author.
        return [_Part("byline", 0, len(line), line)]
    # The title line again (say, once bare and once with its date): header, when it carries or precedes header parts.
    again = _title_again(line, title_key)
    if again is None or found.conflicts(again.parts):
        return None
    if not again.parts and not (after is not None and _line_parts(after) is not None):
        return None  # a bare copy just before the body: the cleaner removes it, and says so
    return again.parts


def _issuer_above_title(title: str, *, has_body: bool) -> bool:
    """An organisation above the title is believed only when the "title" below it reads like one (a body
    follows, no sentence end); else the organisation-looking line ("Record Numbers Visit Museum") is the title."""
    return has_body and not title.endswith((".", "!", "?", "”", '"')) and len(title) <= _MAX_PART_LINE


@dataclass(frozen=True, slots=True)
class _TitleLine:
    title: str
    parts: list[_Part]


def split_title_line(line: str, *, month_first: bool = False) -> Header:
    """Split one title line into the title and the header parts glued to its end (or a label before it).

    The *first* place from which the whole rest of the line is header parts
    wins, so a title that itself says "published" keeps it
    ("Report published on crime figuresPublished 06/02/2015").
    """
    found = _Found(month_first)
    split = _split_title_line(line)
    found.add(split.parts, in_title=True)
    return Header(
        split.title,
        found.date,
        tuple(found.notices),
        1,
        found.has_date,
        updated=found.updated,
        byline=found.bylines[0] if found.bylines else None,
        issuer=", ".join(found.issuers) or None,
        label=found.labels[0] if found.labels else None,
    )


def _split_title_line(line: str) -> _TitleLine:
    parts: list[_Part] = []
    start = 0
    for _ in range(3):  # "PRESS RELEASE | 12 March 2019 | Title": labels and a date before the title
        prefix = _prefix_part(line, start)
        if prefix is None:
            break
        parts.append(prefix[0])
        start = prefix[1]
    content = _ALNUM.search(line, start)
    if content is None:
        return _TitleLine(line[start:], parts)
    for candidate in _TAIL_START.finditer(line, max(content.end(), len(line) - _MAX_TAIL)):
        split = _tail_parts(line, start, candidate.start(), content.start())
        if split is not None:
            return _TitleLine(line[start : split[0]], parts + split[1])
    return _TitleLine(line[start:], parts)


def _prefix_part(line: str, pos: int) -> tuple[_Part, int] | None:
    """A label or a date before the title on its line, and where the title starts; only before a clear
    separator (":", "|", a dash), since a title may itself begin with a date ("7 March 2014 election results")."""
    label = _LABEL_PREFIX.match(line, pos)
    if label is not None:
        return _Part("label", pos, label.end(1), label[1]), label.end()
    part = _date_part(line, pos, in_title=True, separated=True)
    if part is None:
        return None
    separator = _PREFIX_SEPARATOR().match(line, part.end)
    if separator is None:
        return None
    return part, separator.end()


def _tail_parts(line: str, title_start: int, pos: int, content: int) -> tuple[int, list[_Part]] | None:
    """Where the title ends and the header parts that make up all of `line[pos:]`, if they do and may follow
    the title. `content` is where the title's first letter or digit is. Looks only near the tail, so a very
    long first line costs no more than a short one."""
    end = pos
    while end > content and line[end - 1] in _TITLE_TAIL:
        end -= 1
        if pos - end > _MAX_TAIL:
            return None
    if end <= content:
        return None
    title = line[max(title_start, end - _MAX_TAIL) : end]  # the title's end: all the tests below need
    separator = _SEPARATOR.match(line, pos)
    if separator is not None:
        pos = separator.end()
    between = line[end:pos]
    separated = bool(between.strip())  # a bar, dash or colon between title and tail, not just spaces
    glued = not between
    parts = _parts(line, pos, in_title=True, separated=separated or glued)
    if parts is None:
        return None
    first = parts[0]
    if first.kind == "date" and not first.marked:
        # "Roads closed until 12 March 2019": a date the title's own words lead into is part of the title.
        words = title.split()
        if words and words[-1].casefold() in _FUNCTION_WORDS:
            return None
    # "Council opens depot By Jane Smith" is a byline; "Man Bitten By Dog" is a title in Title Case.
    spaced_byline = first.kind == "byline" and not (glued or separated or any(part.kind == "date" for part in parts))
    if spaced_byline and not any(word[:1].islower() for word in title.split()):
        return None
    # "Council opens depot PRESS RELEASE": a label in capitals after a title that is not, with a space only.
    shouted = first.kind == "label" and first.text.isupper() and any(char.islower() for char in title)
    if first.kind in ("issuer", "label") and not separated and not shouted:
        return None
    if all(part.kind == "issuer" for part in parts):
        return None
    return end, parts


def _line_parts(line: str, *, names: bool = True) -> list[_Part] | None:
    """The header parts a whole line consists of, or None when it is anything else (a title, a paragraph).

    `names`: a person's name with no "By" beside a date counts as the byline ("Jane Smith | 12 March 2019") —
    below the title only, where a headline in Title Case cannot be mistaken for one.
    """
    if len(line) > _MAX_PART_LINE or line.count(" ") > _MAX_PART_WORDS:
        return None
    if line.endswith(".") and line.count(" ") > _MAX_PART_WORDS // 2 and not line[-2:-1].isdigit():
        return None  # a sentence: header lines end in a date ("APRIL 3RD. 2018."), a name or a label
    parts = _parts(line, 0, in_title=False, separated=True)
    if parts is None or all(part.kind == "issuer" and not part.marked for part in parts):
        return None  # a bare organisation line: an issuer only where `_is_org_line` and its position say so
    if any(part.kind == "name" for part in parts):
        if not names or not _has_date(parts):
            return None
        return [_Part("byline", part.start, part.end, part.text) if part.kind == "name" else part for part in parts]
    return parts


def _parts(text: str, pos: int, *, in_title: bool, separated: bool) -> list[_Part] | None:
    """All of `text[pos:]` as header parts, or None. `separated`: the first part follows a clear boundary."""
    parts: list[_Part] = []
    end = len(text)
    while pos < end:
        first = not parts
        part = (
            _on_date_part(text, pos, parts)
            or _category_part(text, pos)
            or _updated_part(text, pos)
            or _date_part(text, pos, in_title=in_title, separated=separated or not first)
            or (None if in_title else _from_part(text, pos))
            or _byline_part(text, pos, strict=in_title and first and not separated)
            or _label_part(text, pos)
            or _named_part(text, pos, people=not in_title)
        )
        if part is None:
            return None
        parts.append(part)
        pos = part.end
        if part.kind in ("date", "updated"):
            if text.startswith(".", pos) and text[pos + 1 : pos + 2] in ("", " "):
                pos += 1  # "APRIL 3RD. 2018. by …": a full stop after the year
            by = _by_whom(text, pos) or _username(text, pos)
            if by is not None:
                parts.append(by)
                pos = by.end
        trailing = _TRAILING.match(text, pos)
        if trailing is not None and trailing.end() == end:
            return parts
        separator = _SEPARATOR.match(text, pos)
        if separator is None:
            return None
        pos = separator.end()
    return None


def _date_part(text: str, pos: int, *, in_title: bool, separated: bool) -> _Part | None:
    """A publication date, with or without a marker word ("Published", "Posted on", "Release date:", "Issued:")."""
    marker = _PUBLISHED.match(text, pos)
    if marker is not None and _is_marker_word(text, marker, in_title=in_title, separated=separated):
        found = dates.match_date(text, marker.end())
        if found is not None:
            return _Part("date", pos, found.end, found=found, marked=True)
    # Without a marker, a date glued to a title must be complete; on a line of its own "Nov. 3" is noted.
    found = dates.match_date(text, pos, partial=not in_title)
    if found is None:
        return None
    return _Part("date", pos, found.end, found=found)


def _on_date_part(text: str, pos: int, parts: list[_Part]) -> _Part | None:
    """ "… by Jane Smith on 12 March 2019", "Posted in News on …": "on" marks the date after a name or label."""
    if not parts or parts[-1].kind not in ("byline", "issuer", "label"):
        return None
    on = _ON.match(text, pos)
    found = dates.match_date(text, on.end()) if on is not None else None
    if found is None:
        return None
    return _Part("date", pos, found.end, found=found, marked=True)


def _is_marker_word(text: str, marker: re.Match[str], *, in_title: bool, separated: bool) -> bool:
    word = " ".join(marker[0].split()).rstrip(":-–—| ").casefold()
    if word.startswith(_ALWAYS_MARKERS):
        return True
    colon = ":" in marker[0]
    if word in _BARE_DATE_WORDS:
        return colon or (not in_title and marker.start() == 0)
    if not in_title:
        return True
    return colon or text[marker.start()].isupper() or separated


def _category_part(text: str, pos: int) -> _Part | None:
    """ "Posted in News on 12 March 2019": the category (kept as the label), then the date."""
    category = _POSTED_IN.match(text, pos)
    on = _ON.match(text, category.end()) if category is not None else None
    if category is None or on is None or dates.match_date(text, on.end()) is None:
        return None
    return _Part("label", pos, category.end(1), category[1])


def _updated_part(text: str, pos: int) -> _Part | None:
    """An update date: "Last updated 14 March 2019", "Updated: …", "Modified …"."""
    marker = _UPDATED.match(text, pos)
    if marker is None:
        return None
    found = dates.match_date(text, marker.end())
    if found is None:
        return None
    return _Part("updated", pos, found.end, found=found, marked=True)


def _by_whom(text: str, pos: int) -> _Part | None:
    """ "… by Regional Press Office" after a date: the issuer (an organisation) or the author (a person)."""
    by = _BY.match(text, pos)
    if by is None:
        return None
    name = _name(text, by.end())
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=True):
        return _Part("issuer", pos, end, " ".join(words))
    if _is_person_name(words):
        return _Part("byline", pos, end, " ".join(words))
    return None


def _has_date(parts: list[_Part] | None) -> bool:
    return parts is not None and any(part.kind == "date" for part in parts)


def _is_name_line(line: str) -> bool:
    """A line that is only a person's name ("Jane Smith"): two to four capitalised words."""
    if len(line) > 60:
        return False
    name = _name(line, 0)
    return name is not None and name[1] == len(line) and 2 <= len(name[0]) <= 4 and _is_person_name(name[0])


def _username(text: str, pos: int) -> _Part | None:
    """ "… by admin" after a date: a site's user name, kept as the byline it stands for."""
    by = _BY.match(text, pos)
    user = _USERNAME().match(text, by.end()) if by is not None else None
    if user is None:
        return None
    return _Part("byline", pos, user.end(), user[0])


def _from_part(text: str, pos: int) -> _Part | None:
    """ "From: <issuer>": marked, so any text up to a separator is the issuer."""
    issuer = _FROM.match(text, pos)
    if issuer is None or len(issuer[1]) > _MAX_PART_LINE // 2:
        return None
    return _Part("issuer", pos, issuer.end(), issuer[1], marked=True)


def _byline_part(text: str, pos: int, *, strict: bool) -> _Part | None:
    """ "By Jane Smith", "By Jane Smith, Health Reporter", "Author: J. Smith"; an organisation after "By" is the issuer.

    `strict` (glued to a title by a space only): "By" must be capitalised and the name two words or more.
    """
    by = _BYLINE.match(text, pos)
    if by is None or (strict and not text[pos : pos + 1].isupper()):
        return None
    name = _name(text, by.end())
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=True):
        return _Part("issuer", pos, end, " ".join(words), marked=True)
    if not _is_person_name(words) or (strict and len(words) < 2):
        return None
    role = _ROLE().match(text, end)
    if role is not None:
        role_name = _name(text, role.start(1))
        if role_name is not None and role_name[1] == role.end() and _is_role(role_name[0]):
            return _Part("byline", pos, role.end(), " ".join(words) + ", " + " ".join(role_name[0]))
    return _Part("byline", pos, end, " ".join(words))


def _label_part(text: str, pos: int) -> _Part | None:
    """ "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release No. 12/19", "EMBARGOED UNTIL …".
    (After a title, only behind a separator or in capitals: `_tail_parts` says.)"""
    label = _LABEL.match(text, pos)
    if label is None:
        return None
    return _Part("label", pos, label.end(), label[0].rstrip(" :.-–—|"))


def _named_part(text: str, pos: int, *, people: bool) -> _Part | None:
    """An organisation among other header parts ("Ministry of Transport | 12 March 2019"), or, with `people`,
    a person's name with no "By" ("Jane Smith | 12 March 2019": a byline only beside a date, see `_line_parts`)."""
    if not text[pos : pos + 1].isupper():
        return None
    name = _name(text, pos)
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=False):
        return _Part("issuer", pos, end, " ".join(words))
    if people and 2 <= len(words) <= 4 and _is_person_name(words):
        return _Part("name", pos, end, " ".join(words))
    return None


def _name(text: str, pos: int) -> tuple[list[str], int] | None:
    """The words of a name or an organisation starting at `pos`, stopping before a marker word or a date,
    and where they end. Names are words with capitals, joined by single spaces and small connectors."""
    words: list[str] = []
    ends: list[int] = []
    at = pos
    while len(words) < 12:
        match = _NAME_WORD.match(text, at)
        if match is None or bool(match[1]) != bool(words):
            break
        word = match[2]
        folded = word.casefold()
        if folded in _MARKER_WORDS or (word[0].islower() and folded not in _PARTICLES and folded not in _CONNECTORS):
            break
        if folded[:3] in _MONTHS_AND_DAYS and dates.match_date(text, match.start(2)) is not None:
            break
        words.append(word)
        ends.append(match.end())
        at = match.end()
    while words and (words[-1].casefold() in _PARTICLES or words[-1].casefold() in _CONNECTORS):
        words.pop()
        ends.pop()
    if not words:
        return None
    return words, ends[-1]


_MONTHS_AND_DAYS = _words("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun")


def _is_person_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    if any(word.casefold().strip(".,") in _ORG_WORDS for word in words):
        return False
    return all(word[:1].isupper() or word.casefold() in _PARTICLES for word in words)


def _is_role(words: list[str]) -> bool:
    return 1 <= len(words) <= _MAX_NAME_WORDS and all(word[:1].isupper() or word.casefold() in _CONNECTORS for word in words)


def _is_org_name(words: list[str], *, by_line: bool) -> bool:
    """Words that name an organisation, the organisation word at the head: last ("Anytown Borough Council",
    "Regional Press Office"), before "of"/"for" ("Ministry of Transport", "Office of the Mayor"), or one of two
    words ("NHS England"). Every other word capitalised, connectors in lower case unless the whole name is in
    capitals — so a headline ("Funding Boost For Local Fire Service", "COUNCIL OPENS NEW DEPOT") is not taken
    for one. After "by", an acronym ("by PIB Delhi") also names an organisation."""
    if not 1 <= len(words) <= 12:
        return False
    all_caps = all(not word.isalpha() or word.isupper() for word in words)
    folded = [word.strip(".,'’").casefold() for word in words]
    for number, word in enumerate(words):
        if folded[number] in _CONNECTORS and number > 0:
            if not (all_caps or word.islower()):
                return False
        elif not word[:1].isupper() or (number > 0 and folded[number] in _HEADLINE_WORDS):
            return False  # "… Welcomed By Minister": a preposition or verb names no organisation
    if folded[-1] in _ORG_WORDS or (len(words) <= 2 and any(word in _ORG_WORDS for word in folded)):
        return True
    if any(word in _ORG_WORDS and after in _HEAD_CONNECTORS for word, after in itertools.pairwise(folded)):
        return True
    return by_line and not all_caps and any(len(word) >= 2 and word.isupper() and word.isalpha() for word in words)


_HEAD_CONNECTORS = _words("of for de du des")
_HEADLINE_WORDS = _words("by from to with after over into against about as than says said opens backs wins calls")
_OFFICE_HOLDER = lazy_pattern(
    rf"(?:the\s+)?(?:rt\.?\s+)?hon(?:ourable|\.)?\s+{_LETTER}[\w'’.\- ]{{2,60}}"
    rf"|{_LETTER}[\w'’.\- ]{{2,60}}\s(?-i:MP|MLA|MSP|AM|TD|MPP|MLC|MHA|MHK|QC|KC)"
    rf"|(?:senator|councillor|cllr\.?)\s+(?-i:[A-Z])[\w'’.\-]*(?:\s(?-i:[A-Z])[\w'’.\-]*){{0,2}}",
    re.IGNORECASE,
)


def _is_org_line(line: str) -> bool:
    """A line of its own that names an organisation or department (an issuer), or an office holder who
    issues releases in their own name ("The Hon. Jane Smith MP", "Minister for Water")."""
    if len(line) > 90 or line[-1:] in ".!?:" or any(char.isdigit() for char in line):
        return False
    if line.split(None, 1)[0].casefold() in _NOT_ISSUERS:
        return False
    if _OFFICE_HOLDER().fullmatch(line):
        return True
    plain = line.replace(",", "")
    return _NAME_SPAN().fullmatch(plain) is not None and _is_org_name(plain.split(), by_line=False)


def _title_again(line: str, title_key: str) -> _TitleLine | None:
    """The line split like a title line when its title is the title again (in any letter case), else None."""
    if len(line) > len(title_key) + _MAX_TAIL or not title_key or not _starts_alike(line, title_key):
        return None
    again = _split_title_line(line)
    if typographic_key(again.title).casefold() != title_key:
        return None
    return again


def _starts_alike(line: str, title_key: str) -> bool:
    """A cheap first test for a copy of the title: the first few characters agree, in any letter case."""
    start = typographic_key(line[:16]).casefold()[:8]
    return bool(start) and title_key.startswith(start)


def _read_dateline(first_lines: list[str], found: _Found) -> None:
    """A news-agency dateline opening the first paragraph gives the date the header did not; the text stays.

    The first paragraph is the first body line, or the second when the first is a subheading (short, with
    no sentence end: "New product cuts energy use by 40 percent" between a headline and its dateline).
    """
    found_line = dateline(first_lines[0])
    if found_line is None and len(first_lines) > 1 and _is_subheading(first_lines[0]):
        found_line = dateline(first_lines[1])
    if found_line is None:
        return
    found.date, notices = dates.read_match(found_line, month_first=found.month_first)
    found.has_date = True
    found.notices += notices
    if found.date is not None:
        message = f"the header names no date; {found_line.text!r} is from the dateline opening the first paragraph"
        found.notices.append(notice(Code.DATE_FROM_DATELINE, message))


def _is_subheading(line: str) -> bool:
    return len(line) <= 150 and not line.endswith((".", "!", "?", ":", ";", "”", '"')) and bool(_ALNUM.match(line))


def dateline(line: str) -> dates.DateMatch | None:
    """The date of a dateline at the start of `line`: "LONDON, 12 March 2019 – …", "WASHINGTON (October 2, 2023)
    — …", "CARDIFF, 12 March 2019: …", "NEW YORK, March 7, 2014 /PRNewswire/ -- …", "12 March 2019 – …".

    Public: the text and HTML readers read datelines with this one function."""
    first = dates.match_date(line, 0)
    if first is not None:
        if _DATE_FIRST_CLOSE().match(line, first.end) is not None:
            return first
        comma = _PLACE_COMMA().match(line, first.end)
        place = _PLACE_CHUNK().match(line, comma.end()) if comma is not None else None
        if place is not None and _is_place(place[0]) and _DATE_FIRST_CLOSE().match(line, place.end()) is not None:
            return first
        return None
    place = _PLACE_CHUNK().match(line, 1 if line.startswith("(") else 0)
    if place is None or not _is_place(place[0]):
        return None
    pos = place.end()
    for _ in range(3):  # "SPRINGFIELD, Ill., March 7, 2014": a place may have up to two more parts
        opening = _DATELINE_OPEN().match(line, pos) or (_SPACE().match(line, pos) if place[0].isupper() else None)
        if opening is not None:
            found = dates.match_date(line, opening.end())
            if found is not None and _DATELINE_CLOSE().match(line, found.end) is not None:
                return found
        comma = _PLACE_COMMA().match(line, pos)
        more = _PLACE_CHUNK().match(line, comma.end()) if comma is not None else None
        if more is None or not _is_place(more[0], first=False):
            return None
        pos = more.end()
    return None


def _is_place(text: str, *, first: bool = True) -> bool:
    words = text.split()
    if first and words[0].casefold() in _NOT_PLACES:
        return False
    return all(word[:1].isupper() or word.casefold() in _CONNECTORS for word in words) and words[0][:1].isupper()


#: The strong label alternation, for `pressconv.lines.is_title_copy` ("PRESS RELEASE: Title").
STRONG_LABEL = _STRONG_LABEL


def glued_parts(text: str, pos: int) -> list[_Part] | None:
    """All of `text[pos:]` as header parts glued behind a title (as a title's tail, else as a header line's)."""
    return _parts(text, pos, in_title=True, separated=True) or _parts(text, pos, in_title=False, separated=True)


def is_site_prefix(site: str) -> bool:
    """True when `site` ("Northshire Council | ") starts with a run of name words."""
    return bool(_NAME_SPAN().match(site))


def is_org_prefix(name: str) -> bool:
    """True when the whole of `name` is an organisation's name ("Northshire Council")."""
    return _NAME_SPAN().fullmatch(name) is not None and _is_org_name(name.split(), by_line=False)
