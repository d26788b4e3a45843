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

The work is done by small recognisers in named rule lists, in the style of
`structure.RECOGNISERS`: `PART_RULES` (tried in order at each position of a
header line or a title's tail: on-date, category, updated, date, from,
byline, label, named; each with a named guard saying where it may look) and
`AFTER_DATE_RULES` (who issued or wrote it, right after a date); for whole
lines, `ABOVE_TITLE_RULES` and `BELOW_TITLE_RULES`; for the title line, a
label or date prefix (`_prefix_part`) and a glued tail, which the named tests
in `TAIL_REFUSALS` may give back to the title; for the first body paragraph,
`dateline`. A part's kind is a `PartKind`. Each looks at a bounded amount of
text (the first ten lines, a title's last 160 characters), so reading a
header costs the same for any release.
Dates themselves are recognised and read in `pressconv.readers.dates`.
"""

from __future__ import annotations

import datetime
import enum
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pressconv import lexicon
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

# Publication markers (`lexicon` concept "published"), then a bare "Date" word ("date_word"). Old habit kept:
# "published"/"posted" count in any case, even glued on without a space ("any_case_marker"). Other words
# ("issued", "released", "dated", a bare "date") count in a title's tail only when capitalised or followed by a
# colon, so that "Report released 12 March 2019" keeps its verb (see `_is_marker_word`).
_PUBLISHED = lexicon.pattern(rf"(?:{{published}}|{{date_word}})(?!{_LETTER})\s*(?:[:\-–—|]\s*)?")
_ALWAYS_MARKERS = (
    *lexicon.words("any_case_marker"),
    *(f"{lead} {marker}" for lead in lexicon.words("any_case_marker_lead") for marker in lexicon.words("any_case_marker")),
)
# A bare "Date" (in any language) is a marker only with a colon, or at the start of a line of its own.
_BARE_DATE_WORDS = lexicon.word_set("date_word")
_UPDATED = lexicon.pattern(rf"(?:{{updated}})(?!{_LETTER})\s*(?:[:\-–—|]\s*)?|(?:{{updated_label}})\s*:\s*")
#: The marker words, for the HTML reader's header lines too (`html_header`): one list, so both readers agree.
PUBLISHED_MARKER = _PUBLISHED
UPDATED_MARKER = _UPDATED
BARE_DATE_WORDS = _BARE_DATE_WORDS
_BY = lexicon.pattern(r"\s*(?:,\s*)?(?:{by})\s+")
_BYLINE = lexicon.pattern(r"(?:(?:{byline_verb})\s+(?:{by})|(?:{by}))\s*:?\s+|(?:{byline_label})\s*:\s*")
# gov.uk's "From: Department for Transport and The Rt Hon Jane Smith MP": whatever follows is the issuer.
_FROM = lexicon.pattern(r"(?:{issuer_marker})\s*:\s*([^|•]*[^|•\s.])")
# Labels: words that say what kind of document this is, never its title.
_STRONG_LABEL = "(?:" + lexicon.alternation("label") + ")"
_LABEL = lexicon.pattern(
    rf"(?:{_STRONG_LABEL}|{{label_weak}})(?!{_LETTER})"
    r"(?:\s*(?:{label_number}|#)\s*:?\s*[\w/.-]*\d[\w/.-]*)?"
)
_ON = lexicon.pattern(r"\s*(?:{date_on})\s+")
_POSTED_IN = lexicon.pattern(r"(?:{posted_in})\s+in\s+([^|•:]{2,40}?)(?=\s+on\s+)")
_PREFIX_SEPARATOR = lazy_pattern(r"\s*(?:[:|•–—]|--?(?=\s))\s*(?=\S)")
# Before the title on its line: a label that cannot start a headline, or a short one in capitals ("UPDATE: …").
_LABEL_PREFIX = lexicon.pattern(
    rf"({_STRONG_LABEL}|(?-i:{{label_shouted}}))(?!{_LETTER})"
    r"\s*(?:[:|\-–—]\s*)(?=\S)"
)

# Where a title's glued-on tail may begin: a marker, a byline, a label, a date, or a separator.
_TAIL_START = lexicon.pattern(
    rf"(?:(?:{{any_case_marker_lead}})\s+)?(?:{{any_case_marker}})|{_WORD_START}(?:{{tail_word}})|(?<!\d)\d|[|•·–—(\[]|\s-{{1,2}}\s"
)


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (readable in the source)."""
    return frozenset(text.split())


_USERNAME = lazy_pattern(r"[a-z][\w.\-]{1,30}(?=\s*$|\s*[|•·;,)])")
_NAME_WORD = re.compile(rf"( ?)({_LETTER}[\w'’.\-]*|&)")
_NAME = rf"{_LETTER}[\w'’.\-]*(?: (?:{_LETTER}[\w'’.\-]*|&))*"
_NAME_SPAN = lazy_pattern(_NAME)
_ROLE = lazy_pattern(rf",\s*({_NAME})")

_PARTICLES = lexicon.word_set("name_particle")
_CONNECTORS = lexicon.word_set("connector")
_ORG_WORDS = lexicon.word_set("organisation")
# Words that open sentences, never a dateline's place.
_NOT_PLACES = lexicon.word_set("not_place")
# Headings that open a part of a release, never the issuer ("About Anytown Council", "Media contacts").
_NOT_ISSUERS = lexicon.word_set("not_issuer")
_MARKER_WORDS = lexicon.word_set("marker_word")
_FUNCTION_WORDS = lexicon.word_set("function_word")

_PLACE_WORD = rf"{_LETTER}[\w'’.\-]*"
_PLACE_CHUNK = lazy_pattern(rf"{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,4}}")
_SPACE = lazy_pattern(r"\s+")
# Between the place and the date: a comma (and French "le": "MONTRÉAL, le 13 févr. 2020"), a bracket, a dash, a
# wire between slashes ("AUSTIN, TX / ACCESSWIRE / August 24, 2021 /"), or a wire opening a bracket the date
# closes ("Toronto, Ontario--(Newsfile Corp. - February 14, 2023) -").
_DATELINE_OPEN = lazy_pattern(
    r"\s*(?:(?:(?:[–—]|--?)\s*)?\([^()/\-–—\n]{2,40}[-–—]|,(?:\s*le\s)?|\(|[–—]|--?|/[^/\n]{2,40}/)\s*"
)
# After the date: a closing bracket, a wire service ("/PRNewswire/", "(Reuters)"), then a dash, colon, comma or
# slash; or the wire tag alone, a full stop and a dash ("2017.- La"), or a capital opening the first sentence
# ("Copenhagen, 17 May 2017 Norrvik Bio A/S announces…", "2025 CNW - Après").
_DATELINE_CLOSE = lazy_pattern(
    r"\s*(?:\)\s*)?(?:/[^/\n]{2,40}/\s*|\((?:[^()\n]{2,40})\)\s*)?(?:--?|[–—:,/])\s*(?=\S)"
    r"|\s*(?:\)|/[^/\n]{2,40}/|\([^()\n]{2,40}\))\s*(?=\S)|\.\s?[-–—]{1,2}\s*(?=\S)|\.?\s+(?-i:(?=[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]))"
)
# A wire's tag (no digit: no bracketed dateline) before the dateline: "(openPR) - Kiel, 25. März 2008 - …".
_DATELINE_WIRE_FIRST = lazy_pattern(r"\([^()\d\n]{2,40}\)\s*[-–—]{1,2}\s*(?=\S)")
# After a date that opens the line, the place: behind a comma or spaces ("07/06/2023 UDINE – …").
_DATE_FIRST_PLACE = lazy_pattern(r",\s*|\s+")
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


class PartKind(enum.Enum):
    """What a header part is."""

    DATE = "date"
    UPDATED = "updated"
    BYLINE = "byline"
    ISSUER = "issuer"
    LABEL = "label"
    #: A person's name with no "By": a byline only beside a date, below the title (see `_line_parts`).
    NAME = "name"


@dataclass(frozen=True, slots=True)
class _Part:
    """One header part found in a line, from `start` to `end`; `text` is what it names (not for dates)."""

    kind: PartKind
    start: int
    end: int
    text: str = ""
    found: dates.DateMatch | None = None
    marked: bool = False


@dataclass(frozen=True, slots=True)
class _At:
    """Where a part rule looks: `text[pos:]`, the parts already found on this line, and how the line stands.

    `in_title`: the parts are glued to the end of a title line; `separated`: the line's first part follows a
    clear boundary (a bar, a dash, a colon; or the line's start).
    """

    text: str
    pos: int
    parts: tuple[_Part, ...]
    in_title: bool
    separated: bool

    @property
    def first(self) -> bool:
        """This is the line's first part."""
        return not self.parts


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
            if part.kind is PartKind.DATE and part.found is not None and not self.has_date:
                self.date, notices = dates.read_match(part.found, month_first=self.month_first)
                self.has_date = True
                self.notices += notices
                if not part.marked and self.date is not None:
                    where = "glued to the title" if in_title else "on a header line"
                    message = f"read {part.found.text!r}, {where} without a marker word, as the publication date"
                    self.notices.append(notice(Code.DATE_UNMARKED, message))
            elif part.kind is PartKind.UPDATED and part.found is not None and not self.has_updated:
                self.updated, notices = dates.read_match(part.found, month_first=self.month_first)
                self.has_updated = True
                self.notices += notices
                if self.updated is not None:
                    self.notices.append(notice(Code.UPDATED_FOUND, f"{part.found.text!r} is the update date"))
            elif part.kind is PartKind.BYLINE and part.text not in self.bylines:
                self.bylines.append(part.text)
                where = "taken out of the title" if in_title else "from the header"
                self.notices.append(notice(Code.BYLINE_FOUND, f"byline {part.text!r} {where}"))
            elif part.kind is PartKind.ISSUER and part.text not in self.issuers:
                self.issuers.append(part.text)
                self.notices.append(notice(Code.ISSUER_FOUND, f"issuer {part.text!r} found in the header"))
            elif part.kind is PartKind.LABEL:
                self.labels.append(part.text)
                self.notices.append(notice(Code.LABEL_DROPPED, f"label {part.text!r} is not part of the title"))

    def conflicts(self, parts: list[_Part]) -> bool:
        """True when a line would give a second, different publication date: then it is not header.
        (The same date again — a scraper's doubled line — is header.)"""
        if not self.has_date:
            return False
        return any(
            part.kind is PartKind.DATE
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
            parts = _claim_line(BELOW_TITLE_RULES, _Line(line, after, found, title_key))
            if parts is None:
                break
            found.add(parts)
        elif (parts := _claim_line(ABOVE_TITLE_RULES, _Line(line, after, found, issuer_first=issuer_first))) is not None:
            found.add(parts)
            issuers_before_title += sum(part.kind is PartKind.ISSUER and not part.marked for part in parts)
        else:
            title_line = _split_title_line(line)
            title, title_key = title_line.title, typographic_key(title_line.title).casefold()
            dated = found.conflicts(title_line.parts)
            found.add([part for part in title_line.parts if not (dated and part.kind is PartKind.DATE)], in_title=True)
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


# ---------------------------------------------------------------------------------------------------------------------
# The line rules: what a whole line above or below the title is. Each takes the line in context and returns the
# parts it claims the line holds (perhaps none: layout), `_Stop.BODY` when the body begins there, or None to let
# the next rule look.


class _Stop(enum.Enum):
    """A line rule's verdict that the header ends before this line."""

    BODY = "body"


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of the header in context: the line after it, what was found so far, the title's key (below it)."""

    text: str
    after: str | None
    found: _Found
    title_key: str = ""
    issuer_first: bool = True


LineRule = tuple[str, Callable[[_Line], "list[_Part] | _Stop | None"]]


def _above_parts(line: _Line) -> list[_Part] | _Stop | None:
    """A line of header parts above the title ("PRESS RELEASE", "12 March 2019", "By Jane Smith"); an organisation
    guessed without a marker only on the first pass (`issuer_first`)."""
    parts = _line_parts(line.text, names=False)
    if parts is None or line.found.conflicts(parts):
        return None
    guessed = any(part.kind is PartKind.ISSUER and not part.marked for part in parts)
    return parts if line.issuer_first or not guessed else None


def _above_issuer(line: _Line) -> list[_Part] | _Stop | None:
    """An organisation's line above the title (first pass only: the second takes it for the title)."""
    if line.issuer_first and line.after is not None and _is_org_line(line.text):
        return [_Part(PartKind.ISSUER, 0, len(line.text), line.text)]
    return None


def _layout(line: _Line) -> list[_Part] | _Stop | None:
    """ "*****" above the title is layout, never the title."""
    if line.after is not None and len(line.text) <= _MAX_TAIL and _ALNUM.search(line.text) is None:
        return []
    return None


def _below_parts(line: _Line) -> list[_Part] | _Stop | None:
    """A line of header parts below the title; one that gives a second, different date starts the body."""
    parts = _line_parts(line.text)
    if parts is None:
        return None
    return _Stop.BODY if line.found.conflicts(parts) else parts


def _rule_line(line: _Line) -> list[_Part] | _Stop | None:
    """A line of dashes or stars between header lines ("-----"): layout inside the header, not body text."""
    return [] if _is_rule(line.text, line.after) else None


def _below_issuer(line: _Line) -> list[_Part] | _Stop | None:
    """An organisation's line below the title, with more lines after it."""
    if line.after is not None and _is_org_line(line.text):
        return [_Part(PartKind.ISSUER, 0, len(line.text), line.text)]
    return None


def _author_above_date(line: _Line) -> list[_Part] | _Stop | None:
    """ "Jane Smith" on a line of its own, just above the date line: the author."""
    if line.after is not None and _is_name_line(line.text) and _has_date(_line_parts(line.after)):
        return [_Part(PartKind.BYLINE, 0, len(line.text), line.text)]
    return None


def _title_line_again(line: _Line) -> list[_Part] | _Stop | None:
    """The title line again (say, once bare and once with its date): header when it carries or precedes header
    parts; a bare copy just before the body ends the header (the cleaner removes it, and says so)."""
    again = _title_again(line.text, line.title_key)
    if again is None:
        return None
    if line.found.conflicts(again.parts):
        return _Stop.BODY
    if not again.parts and not (line.after is not None and _line_parts(line.after) is not None):
        return _Stop.BODY
    return again.parts


#: Lines above the title, tried in order; a line none claims is the title.
ABOVE_TITLE_RULES: tuple[LineRule, ...] = (
    ("header-parts", _above_parts),
    ("issuer", _above_issuer),
    ("layout", _layout),
)
#: Lines below the title, tried in order; a line none claims starts the body.
BELOW_TITLE_RULES: tuple[LineRule, ...] = (
    ("header-parts", _below_parts),
    ("rule", _rule_line),
    ("issuer", _below_issuer),
    ("author", _author_above_date),
    ("title-again", _title_line_again),
)


def _claim_line(rules: tuple[LineRule, ...], line: _Line) -> list[_Part] | None:
    """The parts the first rule that claims `line` finds in it; None when the line is not header."""
    for _name, rule in rules:
        verdict = rule(line)
        if verdict is _Stop.BODY:
            return None
        if verdict is not None:
            return verdict
    return None


def _is_rule(line: str, after: str | None) -> bool:
    """A line of dashes or stars between header lines ("-----"): layout inside the header, not body text."""
    return len(line) <= _MAX_TAIL and _ALNUM.search(line) is None and after is not None and _line_parts(after) is not None


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
        return _Part(PartKind.LABEL, pos, label.end(1), label[1]), label.end()
    part = _date_part(_At(line, pos, (), in_title=True, separated=True))
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
    tail = _Tail(title, parts, glued=glued, separated=separated)
    if any(refuse(tail) for _name, refuse in TAIL_REFUSALS):
        return None
    return end, parts


@dataclass(frozen=True, slots=True)
class _Tail:
    """Header parts read from a title's end: the title's last characters, the parts, and what stands between."""

    title: str
    parts: list[_Part]
    glued: bool  # nothing at all between title and tail ("depotPublished")
    separated: bool  # a bar, dash or colon between them, not just spaces


def _date_led_by_title(tail: _Tail) -> bool:
    """ "Roads closed until 12 March 2019": a date the title's own words lead into is part of the title."""
    first = tail.parts[0]
    words = tail.title.split()
    return first.kind is PartKind.DATE and not first.marked and bool(words) and words[-1].casefold() in _FUNCTION_WORDS


def _date_led_by_a_short_word(tail: _Tail) -> bool:
    """ "Conseil municipal du 14 octobre 2019", "Sitzung am 22. Oktober 2015", "… à Lyon le 12 mars 2019": a date
    the title leads into with a short word (a preposition in any language: "du", "am", "le", "vom", "DE") after
    another word, with nothing but a space between, names what the title is about — a meeting, a speech — not
    when it was published. The short word is lowercase, or in capitals in a title in capitals ("App" in Title Case
    is a word of its own)."""
    first = tail.parts[0]
    if first.kind is not PartKind.DATE or first.marked or tail.glued or tail.separated:
        return False
    words = tail.title.split()
    if len(words) < 2 or not (1 <= len(words[-1]) <= 3 and words[-1].isalpha() and words[-2][-1:].isalpha()):
        return False
    short = words[-1]
    return short.islower() or (short.isupper() and tail.title.isupper())


def _title_case_byline(tail: _Tail) -> bool:
    """ "Council opens depot By Jane Smith" is a byline; "Man Bitten By Dog" is a title in Title Case."""
    if tail.parts[0].kind is not PartKind.BYLINE or tail.glued or tail.separated:
        return False
    dated = any(part.kind is PartKind.DATE for part in tail.parts)
    return not dated and not any(word[:1].islower() for word in tail.title.split())


def _unseparated_name_or_label(tail: _Tail) -> bool:
    """An issuer or a label follows a title only behind a separator — or, for a label, in capitals after a title
    that is not ("Council opens depot PRESS RELEASE")."""
    first = tail.parts[0]
    if first.kind not in (PartKind.ISSUER, PartKind.LABEL) or tail.separated:
        return False
    shouted = first.kind is PartKind.LABEL and first.text.isupper() and any(char.islower() for char in tail.title)
    return not shouted


def _only_issuers(tail: _Tail) -> bool:
    """A tail of organisation names alone is the title's own words ("… with Northshire Council")."""
    return all(part.kind is PartKind.ISSUER for part in tail.parts)


#: Why header parts found at a title's end are still the title's: each a named test, any one refuses the split.
TAIL_REFUSALS: tuple[tuple[str, Callable[[_Tail], bool]], ...] = (
    ("date-led-by-title", _date_led_by_title),
    ("date-led-by-a-short-word", _date_led_by_a_short_word),
    ("title-case-byline", _title_case_byline),
    ("unseparated-name-or-label", _unseparated_name_or_label),
    ("only-issuers", _only_issuers),
)


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
    if parts is None or all(part.kind is PartKind.ISSUER and not part.marked for part in parts):
        return None  # a bare organisation line: an issuer only where `_is_org_line` and its position say so
    if any(part.kind is PartKind.NAME for part in parts):
        if not names or not _has_date(parts):
            return None
        return [_Part(PartKind.BYLINE, part.start, part.end, part.text) if part.kind is PartKind.NAME else part for part in parts]
    return parts


def _parts(text: str, pos: int, *, in_title: bool, separated: bool) -> list[_Part] | None:
    """All of `text[pos:]` as header parts, or None. `separated`: the first part follows a clear boundary."""
    parts: list[_Part] = []
    end = len(text)
    while pos < end:
        part = _first_claim(PART_RULES, _At(text, pos, tuple(parts), in_title=in_title, separated=separated))
        if part is None:
            return None
        parts.append(part)
        pos = part.end
        if part.kind in (PartKind.DATE, PartKind.UPDATED):
            if text.startswith(".", pos) and text[pos + 1 : pos + 2] in ("", " "):
                pos += 1  # "APRIL 3RD. 2018. by …": a full stop after the year
            by = _first_claim(AFTER_DATE_RULES, _At(text, pos, tuple(parts), in_title=in_title, separated=True))
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


def _date_part(at: _At) -> _Part | None:
    """A publication date, with or without a marker word ("Published", "Posted on", "Release date:", "Issued:")."""
    text, pos, in_title = at.text, at.pos, at.in_title
    marker = _PUBLISHED.match(text, pos)
    if marker is not None and _is_marker_word(text, marker, in_title=in_title, separated=at.separated or not at.first):
        found = dates.match_date(text, marker.end())
        if found is not None:
            return _Part(PartKind.DATE, pos, found.end, found=found, marked=True)
    # Without a marker, a date glued to a title must be complete; on a line of its own "Nov. 3" is noted.
    found = dates.match_date(text, pos, partial=not in_title)
    if found is None:
        return None
    return _Part(PartKind.DATE, pos, found.end, found=found)


def _on_date_part(at: _At) -> _Part | None:
    """ "… by Jane Smith on 12 March 2019", "Posted in News on …": "on" marks the date after a name or label."""
    text, pos = at.text, at.pos
    on = _ON.match(text, pos)
    found = dates.match_date(text, on.end()) if on is not None else None
    if found is None:
        return None
    return _Part(PartKind.DATE, pos, found.end, found=found, marked=True)


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


def _category_part(at: _At) -> _Part | None:
    """ "Posted in News on 12 March 2019": the category (kept as the label), then the date."""
    text, pos = at.text, at.pos
    category = _POSTED_IN.match(text, pos)
    on = _ON.match(text, category.end()) if category is not None else None
    if category is None or on is None or dates.match_date(text, on.end()) is None:
        return None
    return _Part(PartKind.LABEL, pos, category.end(1), category[1])


def _updated_part(at: _At) -> _Part | None:
    """An update date: "Last updated 14 March 2019", "Updated: …", "Modified …"."""
    text, pos = at.text, at.pos
    marker = _UPDATED.match(text, pos)
    if marker is None:
        return None
    found = dates.match_date(text, marker.end())
    if found is None:
        return None
    return _Part(PartKind.UPDATED, pos, found.end, found=found, marked=True)


def _by_whom(at: _At) -> _Part | None:
    """ "… by Regional Press Office" after a date: the issuer (an organisation) or the author (a person)."""
    text, pos = at.text, at.pos
    by = _BY.match(text, pos)
    if by is None:
        return None
    name = _name(text, by.end())
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=True):
        return _Part(PartKind.ISSUER, pos, end, " ".join(words))
    if _is_person_name(words):
        return _Part(PartKind.BYLINE, pos, end, " ".join(words))
    return None


def _has_date(parts: list[_Part] | None) -> bool:
    return parts is not None and any(part.kind is PartKind.DATE for part in parts)


def _is_name_line(line: str) -> bool:
    """A line that is only a person's name ("Jane Smith"): two to four capitalised words."""
    if len(line) > 60:
        return False
    name = _name(line, 0)
    return name is not None and name[1] == len(line) and 2 <= len(name[0]) <= 4 and _is_person_name(name[0])


def _username(at: _At) -> _Part | None:
    """ "… by admin" after a date: a site's user name, kept as the byline it stands for."""
    text, pos = at.text, at.pos
    by = _BY.match(text, pos)
    user = _USERNAME().match(text, by.end()) if by is not None else None
    if user is None:
        return None
    return _Part(PartKind.BYLINE, pos, user.end(), user[0])


def _from_part(at: _At) -> _Part | None:
    """ "From: <issuer>": marked, so any text up to a separator is the issuer."""
    text, pos = at.text, at.pos
    issuer = _FROM.match(text, pos)
    if issuer is None or len(issuer[1]) > _MAX_PART_LINE // 2:
        return None
    return _Part(PartKind.ISSUER, pos, issuer.end(), issuer[1], marked=True)


def _byline_part(at: _At) -> _Part | None:
    """ "By Jane Smith", "By Jane Smith, Health Reporter", "Author: J. Smith"; an organisation after "By" is the issuer.

    Strict when glued to a title by a space only (`_glued_by_a_space`): "By" must be capitalised and the name two
    words or more.
    """
    text, pos, strict = at.text, at.pos, _glued_by_a_space(at)
    by = _BYLINE.match(text, pos)
    if by is None or (strict and not text[pos : pos + 1].isupper()):
        return None
    name = _name(text, by.end())
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=True):
        return _Part(PartKind.ISSUER, pos, end, " ".join(words), marked=True)
    if not _is_person_name(words) or (strict and len(words) < 2):
        return None
    role = _ROLE().match(text, end)
    if role is not None:
        role_name = _name(text, role.start(1))
        if role_name is not None and role_name[1] == role.end() and _is_role(role_name[0]):
            return _Part(PartKind.BYLINE, pos, role.end(), " ".join(words) + ", " + " ".join(role_name[0]))
    return _Part(PartKind.BYLINE, pos, end, " ".join(words))


def _label_part(at: _At) -> _Part | None:
    """ "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release No. 12/19", "EMBARGOED UNTIL …".
    (After a title, only behind a separator or in capitals: `_tail_parts` says.)"""
    label = _LABEL.match(at.text, at.pos)
    if label is None:
        return None
    return _Part(PartKind.LABEL, at.pos, label.end(), label[0].rstrip(" :.-–—|"))


def _named_part(at: _At) -> _Part | None:
    """An organisation among other header parts ("Ministry of Transport | 12 March 2019"), or, on a line of its
    own, a person's name with no "By" ("Jane Smith | 12 March 2019": a byline only beside a date, see
    `_line_parts`)."""
    text, pos, people = at.text, at.pos, not at.in_title
    name = _name(text, pos)
    if name is None:
        return None
    words, end = name
    if _is_org_name(words, by_line=False):
        return _Part(PartKind.ISSUER, pos, end, " ".join(words))
    if people and 2 <= len(words) <= 4 and _is_person_name(words):
        return _Part(PartKind.NAME, pos, end, " ".join(words))
    return None


# ---------------------------------------------------------------------------------------------------------------------
# The part rules, by name, as `structure.RECOGNISERS` is: tried in order at each position of a header line (or of a
# title's tail); the first whose guard lets it look and which claims the text makes the part.


def _always(at: _At) -> bool:
    return True


def _after_name_or_label(at: _At) -> bool:
    """ "on 12 March 2019" marks a date only after a byline, an issuer or a label."""
    return bool(at.parts) and at.parts[-1].kind in (PartKind.BYLINE, PartKind.ISSUER, PartKind.LABEL)


def _not_in_title(at: _At) -> bool:
    """ "From: …" is read on a header line of its own, never out of a title."""
    return not at.in_title


def _capitalised(at: _At) -> bool:
    """A name with no marker word starts with a capital letter."""
    return at.text[at.pos : at.pos + 1].isupper()


def _glued_by_a_space(at: _At) -> bool:
    """The title's first tail part, after nothing but a space: the strictest reading."""
    return at.in_title and at.first and not at.separated


@dataclass(frozen=True, slots=True)
class PartRule:
    """A named header-part recogniser and the guard that says where it may look."""

    name: str
    recognise: Callable[[_At], _Part | None]
    applies: Callable[[_At], bool] = _always


#: The header parts, in the order they are tried.
PART_RULES: tuple[PartRule, ...] = (
    PartRule("on-date", _on_date_part, _after_name_or_label),
    PartRule("category", _category_part),
    PartRule("updated", _updated_part),
    PartRule("date", _date_part),
    PartRule("from", _from_part, _not_in_title),
    PartRule("byline", _byline_part),
    PartRule("label", _label_part),
    PartRule("named", _named_part, _capitalised),
)
#: Right after a date: who issued or wrote it ("… by Regional Press Office", "… by admin").
AFTER_DATE_RULES: tuple[PartRule, ...] = (
    PartRule("by-whom", _by_whom),
    PartRule("username", _username),
)


def _first_claim(rules: tuple[PartRule, ...], at: _At) -> _Part | None:
    """The part made by the first rule that may look at `at` and claims it; None when none does."""
    for rule in rules:
        if rule.applies(at):
            part = rule.recognise(at)
            if part is not None:
                return part
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


# Calendar abbreviations, not a lexicon concept: month and weekday names are calendar data (see `dates`).
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


_HEAD_CONNECTORS = lexicon.word_set("organisation_connector")
_HEADLINE_WORDS = lexicon.word_set("headline_word")


def _office_holder() -> re.Pattern[str]:
    """ "The Hon. Jane Smith", "Jane Smith MP", "Senator Jane Smith" (compiled on first use)."""
    return lexicon.pattern(
        rf"(?:{{honourable}})\s+{_LETTER}[\w'’.\- ]{{2,60}}"
        rf"|{_LETTER}[\w'’.\- ]{{2,60}}\s(?-i:{{office_suffix}})"
        r"|(?:{office_title})\s+(?-i:[A-Z])[\w'’.\-]*(?:\s(?-i:[A-Z])[\w'’.\-]*){0,2}"
    )


def _is_org_line(line: str) -> bool:
    """A line of its own that names an organisation or department (an issuer), or an office holder who
    issues releases in their own name ("The Hon. Jane Smith MP", "Minister for Water")."""
    if len(line) > 90 or line[-1:] in ".!?:" or any(char.isdigit() for char in line):
        return False
    if line.split(None, 1)[0].casefold() in _NOT_ISSUERS:
        return False
    if _office_holder().fullmatch(line):
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
    start = len(line) - len(line.lstrip())  # a scrape's indent ("       MAR 3, 1999, M2 Communications - …")
    first = dates.match_date(line, start)
    if first is not None:
        if _DATE_FIRST_CLOSE().match(line, first.end) is not None:
            return first
        comma = _DATE_FIRST_PLACE().match(line, first.end)
        place = _PLACE_CHUNK().match(line, comma.end()) if comma is not None else None
        if place is not None and _is_place(place[0]) and _DATE_FIRST_CLOSE().match(line, place.end()) is not None:
            return first
        return None
    wire = _DATELINE_WIRE_FIRST().match(line, start)
    if wire is not None:
        start = wire.end()
    place = _PLACE_CHUNK().match(line, start + 1 if line.startswith("(", start) else start)
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


def glued_parts(text: str, pos: int) -> list[_Part] | None:
    """All of `text[pos:]` as header parts glued behind a title (as a title's tail, else as a header line's)."""
    for in_title in (True, False):
        parts = _parts(text, pos, in_title=in_title, separated=True)
        if parts:
            return parts
    return None


def is_site_prefix(site: str) -> bool:
    """True when `site` ("Northshire Council | ") starts with a run of name words."""
    return bool(_NAME_SPAN().match(site))


def is_org_prefix(name: str) -> bool:
    """True when the whole of `name` is an organisation's name ("Northshire Council")."""
    return _NAME_SPAN().fullmatch(name) is not None and _is_org_name(name.split(), by_line=False)
