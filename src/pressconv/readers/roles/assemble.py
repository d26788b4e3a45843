"""From line roles to a release: the header's parts, the body's blocks, and the page's lines.

The labeller decides what each line *is*; the exact grammars read what it *says*: the header grammar
splits a title line from the date glued to it (`header.split_title_line`), the date grammar reads a date
line, `header.dateline` a dateline, and the structure recognisers read list markers and what lies inside a
notes section. Nothing here decides a role again.

Named guards (`GUARDS` below) are the only places a rule overrides the model, each for a reason it states.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pressconv import lexicon
from pressconv.keys import typographic_key
from pressconv.lines import is_title_copy
from pressconv.model import Block, ContactBlock, EndMark, Heading, ListBlock, NotesSection, Notice, Paragraph, Text, iter_texts
from pressconv.notices import Code, notice
from pressconv.readers import dates, header
from pressconv.readers.links import find_links
from pressconv.readers.roles import Labels, Role, has_title
from pressconv.readers.roles.signals import RuleReading, find_date
from pressconv.readers.structure import recover_structure

#: Roles whose lines belong to the page, not the release: kept in the body for the cleaner to report.
PAGE_ROLES = frozenset({Role.CHROME, Role.CAPTION})


@dataclass(slots=True)
class Assembled:
    """The header's fields and the body, as the roles and the grammars read them."""

    #: None when the labeller finds no line that is the title (`roles.NO_TITLE`).
    title: str | None = None
    date: datetime.date | None = None
    updated: datetime.date | None = None
    byline: str | None = None
    issuer: str | None = None
    label: str | None = None
    notices: list[Notice] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    body_roles: list[Role] = field(default_factory=list)
    has_date: bool = False


_RULE_HEADER = frozenset({"title", "title+date", "header"})


#: How much likelier than the header grammar's title line the labeller must find its own before it overrules
#: the grammar (see `_model_is_sure`).
OVERRULE_RATIO = 1.0
#: …and how likely it must find its own title line at all.
SURE = 0.4
#: …unless it reads the grammar's title line as one of the page's and finds it less likely than this to be the title
#: (and its own at least twice as likely as this).
REJECTED = 0.05


def assemble_header(lines: Sequence[str], labels: Labels, rules: RuleReading, *, month_first: bool) -> Assembled:
    """The title, dates, label and byline from the lines the labeller put in the header; the rest is the body."""
    roles = labels.roles
    if not has_title(labels):
        found = _from_roles(lines, roles, rules, month_first=month_first)  # no title: the grammar's title line is text
    elif _grammar_agrees(roles, rules) or not _model_is_sure(lines, labels, rules):
        found = _from_grammar(lines, roles, rules, month_first=month_first)
    else:
        found = _from_roles(lines, roles, rules, month_first=month_first)
    _title_copies_are_repeats(found)
    if any(item.code == Code.DATE_MISSING for item in found.notices):
        _date_line_below_the_title(lines, found, month_first=month_first)
    if any(item.code == Code.DATE_MISSING for item in found.notices):
        _marked_date_elsewhere(lines, roles, found, month_first=month_first)
    return found


def _date_line_below_the_title(lines: Sequence[str], found: Assembled, *, month_first: bool) -> None:
    """Guard: where the header names no date, a line just below the title that is wholly a date (perhaps behind a
    bullet: "  • 2023/8/4 下午 06:15:00") is the release's date, whatever role the labeller gave it (a list item)."""
    title_at = next((index for index, line in enumerate(lines) if found.title and found.title in line), None)
    if title_at is None:
        return
    for line in lines[title_at + 1 : title_at + 1 + _OWN_DATE_REACH]:
        bullet = _BULLET.match(line)
        text = line[bullet.end() if bullet is not None else 0 :]
        if not dates.is_date(text):
            continue
        day, notices = dates.read_date(text, month_first=month_first)
        if day is not None:
            found.date, found.has_date = day, True
            found.notices = [item for item in found.notices if item.code != Code.DATE_MISSING] + notices
            message = f"read {text.strip()!r}, on a line below the title, as the publication date"
            found.notices.append(notice(Code.DATE_UNMARKED, message))
        return


#: A marked date line found away from the header is a line of a few words ("Cyhoeddwyd ar 14 September 2022 gan y
#: Clerc", "公开日期: 2019-04-22 有效性: 有效"), not a sentence that mentions a publication.
_MARKED_LINE_WORDS = 12
_MARKED_LINE_LENGTH = 120
#: Below the title, before the body, an archive's one-sentence note may say it ("The press release issued by the
#: Department for Trade Partnerships on 29 August 2023."): a little longer.
_HEAD_NOTE_WORDS = 20
_HEAD_NOTE_LENGTH = 160
#: Between a marker and its date, one short word may stand (Welsh "ar", English "on": a preposition the lexicon
#: does not spell with the marker).
_MARKER_TO_DATE = re.compile(r"(?:[^\W\d_]{1,3}\s+)?")
_BULLET = re.compile(r"\s*(?:[•·▪◦‣●■□◆▸►*]\s*)?")


#: How many lines at the foot of a release (below its last paragraph, or its last line) may say when it was published.
_FOOT_LINES = 3
_PROSE = frozenset({Role.PARAGRAPH, Role.DATELINE_PARAGRAPH, Role.QUOTE})


def _marked_date_elsewhere(lines: Sequence[str], roles: Sequence[Role], found: Assembled, *, month_first: bool) -> None:
    """Guard: where the header names no date, the release may still say when it was published, in two places:

    - below the title, before the body's first paragraph (among a document's metadata, in a list the labeller took
      it for): a short line that opens with a "published" marker word ("公开日期: 2019-04-22 有效性: 有效"), or that
      names a marker word and ends in the date ("The press release issued by the Ministry on 29 August 2023.");
    - at the foot, below the last paragraph (a notice's closing line, the date under a signature): a short line
      that opens with a marker ("Cyhoeddwyd ar 14 September 2022 gan y Clerc") or that a date opens or closes
      ("PM des PP Ludwigsburg vom 02.10.2019", "1999-03-12 3면").

    A bare "Date:" is no marker (event details use it); a line between two paragraphs of the body is never read
    (the body's own text may be about another day); an edit stamp is never the publication date."""
    title_at = next((index for index, line in enumerate(lines) if found.title and found.title in line), 0)
    head_end = next((index for index in range(title_at + 1, len(lines)) if roles[index] in _PROSE), len(lines))
    last_prose = max(
        (index for index in range(head_end, len(lines)) if roles[index] in _PROSE and not _is_footer(lines[index])),
        default=head_end,
    )
    foot_start = max(min(max(head_end, last_prose + 1, len(lines) - _FOOT_LINES), len(lines) - 1), head_end)
    for index in [*range(title_at + 1, head_end), *range(foot_start, len(lines))]:
        line = lines[index]
        length, words = (_HEAD_NOTE_LENGTH, _HEAD_NOTE_WORDS) if index < head_end else (_MARKED_LINE_LENGTH, _MARKED_LINE_WORDS)
        if len(line) > length or line.count(" ") > words:
            continue
        if _opens_with_a_bare_date_word(line):
            continue  # "Date: Friday, 22 March 2019" under "Media are invited…": an event's details
        date = _opening_marked_date(line)
        if date is None:
            date = find_date(line)
            if date is None or not (_marker_then_closing_date(line, date) if index < head_end else _short_dated_line(line, date)):
                continue
        if _is_edit_stamp(line, date):
            continue
        found.date, notices = dates.read_match(date, month_first=month_first)
        found.notices = [item for item in found.notices if item.code != Code.DATE_MISSING] + notices
        if found.date is not None:
            found.notices.append(notice(Code.DATE_FROM_PAGE, f"the header names no date; {line!r} says when it was published"))
        found.has_date = True
        return


#: A page's footer the labeller may read as a paragraph: a copyright sign, or "all rights reserved" in any language.
_FOOTER = lexicon.pattern(r"[©ⓒ]|(?:{rights_reserved})")


def _is_footer(line: str) -> bool:
    return _FOOTER.search(line) is not None


def _opening_marker(line: str) -> re.Match[str] | None:
    bullet = _BULLET.match(line)
    return header.PUBLISHED_MARKER.match(line, bullet.end() if bullet is not None else 0)


def _opens_with_a_bare_date_word(line: str) -> bool:
    marker = _opening_marker(line)
    return marker is not None and " ".join(marker[0].split()).rstrip(":：-–—| ").casefold() in header.BARE_DATE_WORDS


def _opening_marked_date(line: str) -> dates.DateMatch | None:
    """The date of a line that opens with a "published" marker (behind a bullet; one short word may stand between)."""
    marker = _opening_marker(line)
    if marker is None:
        return None
    between = _MARKER_TO_DATE.match(line, marker.end())
    return dates.match_date(line, between.end() if between is not None else marker.end(), partial=False)


#: A "published" marker word where a word starts.
_MARKER_WORD = re.compile(rf"(?<![^\W_])(?:{header.PUBLISHED_MARKER.pattern})", header.PUBLISHED_MARKER.flags)
_CLOSING = " .)]）」"
#: A dated line at the foot is a few words around its date, not a sentence.
_FOOT_WORDS = 6


def _marker_then_closing_date(line: str, date: dates.DateMatch) -> bool:
    marker = _MARKER_WORD.search(line, 0, date.start)
    return marker is not None and not line[date.end :].strip(_CLOSING)


def _short_dated_line(line: str, date: dates.DateMatch) -> bool:
    """A few words that a date opens or closes, and no other date ("2024-04-15 11:45 V22.4.27-2" is a build stamp)."""
    if line.count(" ") > _FOOT_WORDS or not (not line[: date.start].strip() or not line[date.end :].strip(_CLOSING)):
        return False
    return sum(1 for _ in dates.iter_dates(line)) == 1


def _from_roles(lines: Sequence[str], roles: Sequence[Role], rules: RuleReading, *, month_first: bool) -> Assembled:
    """The header as the labeller reads it: its title line, date lines, label and byline, read by the grammars."""
    found = Assembled()
    # `label` gives a release one title line, or none (its `_at_most_one_title` guard).
    title_at = next((i for i, role in enumerate(roles) if role in (Role.TITLE, Role.TITLE_DATE)), None)
    if title_at is None:
        found.notices.append(notice(Code.TITLE_MISSING, "the release has no title: no line reads as its headline"))
    label_until = (title_at or 0) + 4
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if index == title_at:
            _read_title(line, found, month_first=month_first)
        elif role is Role.DATE:
            if not _read_date_line(line, found, month_first=month_first):
                found.body.append(line)  # a date line that names no date the grammar can read stays text
                found.body_roles.append(Role.PARAGRAPH)
        elif found.label is None and (
            (role is Role.LABEL and index < label_until) or (title_at is None and _grammar_label(line, rules))
        ):
            found.label = line
            found.notices.append(notice(Code.LABEL_DROPPED, f"label {line!r} is not part of the title"))
        elif role is Role.BYLINE and found.byline is None:
            marker = lexicon.pattern(r"\s*(?:(?:{byline_verb})\s+)?(?:{by})\s*:?\s+|\s*(?:{byline_label})\s*:\s*").match(line)
            found.byline = (line[marker.end() :] if marker is not None else line) or line
            found.notices.append(notice(Code.BYLINE_FOUND, f"byline {found.byline!r} from the header"))
        elif role in (Role.TITLE, Role.TITLE_DATE, Role.LABEL, Role.BYLINE):
            found.body.append(line)  # a second title or a label far from the title: text, for the cleaner to judge
            found.body_roles.append(Role.PARAGRAPH)
        else:
            found.body.append(line)
            found.body_roles.append(_exact_structure(role, rules.roles[index]))
    if title_at is not None:  # a release with no title has no date of its own at its title to prefer
        above = [index for index in range(title_at) if roles[index] is Role.DATE]
        _prefer_the_own_date(lines, roles, title_at, above, found, month_first=month_first)
    if not found.has_date:
        _read_dateline(found, month_first=month_first)
    if not found.has_date:
        found.notices.append(notice(Code.DATE_MISSING, "no publication date in the header; the date is unknown"))
    return found


def _grammar_label(line: str, rules: RuleReading) -> bool:
    """Guard: in a release with no title, a line the header grammar read whole as the label ("COMUNICATO STAMPA"
    under a lede the grammar took for the title) is the label, whatever other role the model gave it."""
    return bool(rules.header.label) and line.strip() == rules.header.label


def _grammar_agrees(roles: Sequence[Role], rules: RuleReading) -> bool:
    """Guard: where the labeller puts exactly the lines the header grammar read in the header, and takes the same
    title line, the grammar's reading of those lines is kept whole (issuer, byline, label, notices): the grammar
    reads the parts of a header line exactly, the labeller only decides which lines are the header."""
    for role, rule in zip(roles, rules.roles, strict=True):
        if (role in (Role.TITLE, Role.TITLE_DATE)) != (rule in ("title", "title+date")):
            return False
    return any(rule in ("title", "title+date") for rule in rules.roles) or not rules.header.title


def _model_is_sure(lines: Sequence[str], labels: Labels, rules: RuleReading) -> bool:
    """Guard: the labeller overrules the header grammar only when it is sure. Where the grammar read a title and
    the labeller finds its own title line less than `OVERRULE_RATIO` times likelier than the grammar's, the
    grammar's reading stands: an exact grammar on a shape it knows beats a model's near-even guess."""
    ruled = next((index for index, rule in enumerate(rules.roles) if rule in ("title", "title+date")), None)
    if ruled is None or not rules.header.title:
        return True
    chosen = next(index for index, role in enumerate(labels.roles) if role in (Role.TITLE, Role.TITLE_DATE))
    if rules.roles[ruled] == "title+date" and chosen < ruled and labels.title_probability[ruled] > 0:
        return False  # a line above a headline that carries its own date is its letterhead or label, not the title
    if chosen > ruled and is_title_copy(
        lines[chosen], rules.header.title, rules.header.date,
        key=typographic_key(lines[chosen]), title_key=typographic_key(rules.header.title),
    ):
        return False  # the labeller picked a later copy of the grammar's title ("[site] Title"): the first is the title
    if rules.roles[chosen] == "header":
        return False  # the grammar read the chosen line as another part of its header (an issuer, a byline, a date)
    mine = labels.title_probability[chosen]
    if labels.roles[ruled] in PAGE_ROLES and labels.title_probability[ruled] < REJECTED and mine >= 2 * REJECTED:
        return True  # the labeller reads the grammar's line as the page's ("ID :", a menu item): its own choice stands
    return mine >= SURE and mine >= OVERRULE_RATIO * labels.title_probability[ruled]


def _from_grammar(lines: Sequence[str], roles: Sequence[Role], rules: RuleReading, *, month_first: bool) -> Assembled:
    read = rules.header
    found = Assembled(
        title=read.title, date=read.date, updated=read.updated, byline=read.byline, issuer=read.issuer, label=read.label,
        notices=list(read.notices), has_date=True,
    )
    dated = read.date is not None or read.updated is not None
    for line, role, rule in zip(lines, roles, rules.roles, strict=True):
        if rule in _RULE_HEADER:
            continue
        if role is Role.DATE and not dated:
            # The grammar read no date around the title; a line the labeller calls a date line gives it.
            missing = [item for item in found.notices if item.code == Code.DATE_MISSING]
            found.notices = [item for item in found.notices if item.code != Code.DATE_MISSING]
            found.has_date = False
            if _read_date_line(line, found, month_first=month_first):
                dated = True
                continue
            found.notices += missing
        found.body.append(line)
        found.body_roles.append(_overruled_title(rule) if role in (Role.TITLE, Role.TITLE_DATE) else _exact_structure(role, rule))
    _own_date_below_the_title(lines, roles, rules, found, month_first=month_first)
    _date_line_below_a_dated_title(lines, roles, rules, found, month_first=month_first)
    if not dated and Role.DATELINE_PARAGRAPH in roles:
        # The grammar read no date around its title: the dateline paragraph the labeller found gives it, wherever
        # it stands (below a deck or a list of highlights, or the first line of a scrape with no headline).
        missing = [item for item in found.notices if item.code == Code.DATE_MISSING]
        found.notices = [item for item in found.notices if item.code != Code.DATE_MISSING]
        if not _dateline_date(lines, roles, found, month_first=month_first, first_paragraph=False):
            found.notices += missing
    return found


#: How far below the title a date line may stand and still be the release's own (a deck, a byline, a photo's
#: caption, a section label may come first).
_OWN_DATE_REACH = 5


def _own_date_below_the_title(
    lines: Sequence[str], roles: Sequence[Role], rules: RuleReading, found: Assembled, *, month_first: bool
) -> None:
    """The header grammar's reading, guarded by `_prefer_the_own_date` (its title line, its header lines above)."""
    title_at = next((index for index, rule in enumerate(rules.roles) if rule in ("title", "title+date")), None)
    if title_at is not None:
        above = [index for index in range(title_at) if rules.roles[index] == "header"]
        _prefer_the_own_date(lines, roles, title_at, above, found, month_first=month_first)


def _date_line_below_a_dated_title(
    lines: Sequence[str], roles: Sequence[Role], rules: RuleReading, found: Assembled, *, month_first: bool
) -> None:
    """Guard: a date the title line ends in with no marker word ("Statement by the Leader (19 March 2020)", "… del
    martes 29 de julio de 2025") names what the title is about when the date line just below the title, the page's
    own stamp ("Dyddiad: 20/03/2020", "30/07/2025 | 08:46 | Redacción"), names another day: that line is the date."""
    title_at = next((index for index, rule in enumerate(rules.roles) if rule == "title+date"), None)
    if title_at is None or found.date is None or title_at + 1 >= len(lines) or roles[title_at + 1] is not Role.DATE:
        return
    title = header.split_title_line(lines[title_at], month_first=month_first)
    if title.date != found.date or not any(item.code == Code.DATE_UNMARKED for item in title.notices):
        return
    below = _line_date(lines[title_at + 1], month_first=month_first)
    if below is None or below == found.date:
        return
    found.date = below
    found.notices = [item for item in found.notices if item.code != Code.DATE_UNMARKED]
    message = f"read {below.isoformat()}, on the date line below the title, as the publication date; the title's own " \
        f"{title.date.isoformat()} names what it is about"
    found.notices.append(notice(Code.DATE_UNMARKED, message))


def _prefer_the_own_date(
    lines: Sequence[str], roles: Sequence[Role], title_at: int, above: Sequence[int], found: Assembled, *, month_first: bool
) -> None:
    """Guard: a date standing alone above the title (one of the `above` lines), with no marker word, is the website's
    — a blog's post date, a today widget — when the release carries its own date in its title line or on a date line
    just below it: an editor takes the release's own (the blog reposts it later; the widget shows the day it was
    scraped)."""
    if found.date is None or not any(item.code == Code.DATE_UNMARKED for item in found.notices):
        return
    if not any(_line_date(lines[index], month_first=month_first) == found.date for index in above):
        return  # the date is the title's own or below it
    own = header.split_title_line(lines[title_at], month_first=month_first).date
    for index in range(title_at + 1, min(len(lines), title_at + 1 + _OWN_DATE_REACH)):
        if own is not None:
            break
        if roles[index] is Role.DATE:
            own = _line_date(lines[index], month_first=month_first)
    if own is None or own == found.date:
        return
    page = found.date
    found.date = own
    found.notices = [item for item in found.notices if item.code != Code.DATE_UNMARKED]
    message = f"read {own.isoformat()}, the release's own date at its title, as the publication date; {page.isoformat()} " \
        "above the title, with no marker word, is the page's (a post or today date)"
    found.notices.append(notice(Code.DATE_UNMARKED, message))


def _line_date(line: str, *, month_first: bool = False) -> datetime.date | None:
    """The publication date a header line gives, read as a date line is read (None: no date, or an update stamp)."""
    probe = Assembled()
    _read_date_line(line, probe, month_first=month_first)
    return probe.date


_BODY_RULES = frozenset(role.value for role in Role) - {Role.TITLE, Role.TITLE_DATE, Role.LABEL, Role.BYLINE, Role.DATE}


def _overruled_title(rule: str) -> Role:
    """Guard: where the header grammar's title stands against the labeller's, the line the labeller had taken for
    the title reads as the structure recognisers read it (a contact heading, a list item), or as a paragraph."""
    return Role(rule) if rule in _BODY_RULES else Role.PARAGRAPH


#: The structure recognisers that are exact: a line they claim is never a plain paragraph (measured on the
#: corpus's dev split: precision 1.0 for end marks and notes, 0.6+ for marked lists, where the labeller, short of
#: examples, often says "paragraph").
_EXACT_RULES = {"list-item": Role.LIST_ITEM, "end-mark": Role.END_MARK, "notes-heading": Role.NOTES_HEADING, "notes": Role.NOTES}


def _exact_structure(role: Role, rule: str) -> Role:
    """Guard: a line the labeller calls a plain paragraph keeps the role an exact structure recogniser gave it, and
    a heading the contact recogniser reads as the head of a contact block heads it (not a notes section)."""
    if role is Role.PARAGRAPH and rule in _EXACT_RULES:
        return _EXACT_RULES[rule]
    if role is Role.NOTES_HEADING and rule == "contact":
        return Role.CONTACT  # the contact recogniser read the heading with the contact lines below it
    return role


_COPY_LENGTH = 4


def _title_copies_are_repeats(found: Assembled) -> None:
    """Guard: a copy of the title in the body is a repeat, whatever else the model took it for, so the cleaner
    reports it as the title again (never as the page's, never kept as an end mark or a heading)."""
    if found.title is None:
        return  # no title: nothing repeats it
    title_key = typographic_key(found.title)
    for index, (line, role) in enumerate(zip(found.body, found.body_roles, strict=True)):
        if role is Role.REPEAT or len(line) > _COPY_LENGTH * (len(found.title) + 100):
            continue  # far longer than the title: no copy of it (and a crafted long line costs nothing here)
        key = typographic_key(line)
        if is_title_copy(line, found.title, found.date, key=key, title_key=title_key):
            found.body_roles[index] = Role.REPEAT


def _read_title(line: str, found: Assembled, *, month_first: bool) -> None:
    read = header.split_title_line(line, month_first=month_first)
    found.title = read.title or line
    found.notices += read.notices
    if read.has_date_marker or read.date is not None:
        found.date, found.has_date = read.date, True
    found.updated = found.updated or read.updated
    found.byline = found.byline or read.byline
    found.label = found.label or read.label


def _read_date_line(line: str, found: Assembled, *, month_first: bool) -> bool:
    """Read a date line into the publication or update date; False when it holds no date at all."""
    read = header.split_title_line(line, month_first=month_first)
    unmarked = read.date is None or any(item.code == Code.DATE_UNMARKED for item in read.notices)
    match = find_date(line) if read.updated is None and unmarked else None
    if match is not None and _is_edit_stamp(line, match):
        if found.updated is None:
            found.updated, _notices = dates.read_match(match, month_first=month_first)
            if found.updated is not None:
                found.notices.append(notice(Code.UPDATED_FOUND, f"{line!r} gives the update date"))
        return True
    if read.updated is not None and found.updated is None:
        found.updated = read.updated
        found.notices.append(notice(Code.UPDATED_FOUND, f"{line!r} gives the update date"))
        if read.date is None:
            return True
    if read.date is not None:
        if not found.has_date:
            found.date, found.has_date = read.date, True
            found.notices += read.notices
        return True
    match = find_date(line)
    if match is None:
        return read.has_date_marker
    if _in_a_sentence(line, match):
        return False
    if not found.has_date:
        found.date, notices = dates.read_match(match, month_first=month_first)
        found.has_date = True
        found.notices += notices
    return True


_WORD = re.compile(r"[^\W\d_]+")


def _in_a_sentence(line: str, date: dates.DateMatch) -> bool:
    """Guard: a date with two words or more on each side and no marker word before it ("Lindwedel am 22.04.2016,
    18:00 Uhr, im Saal …") is a sentence's — the day of a meeting, a speech — however much the line looks like a date
    line. ("Le 18 novembre 2015 – Pictou", "… offentliggörande 2021-04-14 kl 08:30" are date lines.)"""
    before = line[: date.start]
    marker = header.PUBLISHED_MARKER.search(before)
    if marker is not None:
        before = before[marker.end() :]
    return len(_WORD.findall(before)) >= 2 and len(_WORD.findall(line, date.end)) >= 2


#: An update marker where no Latin word goes on before it ("更新日", "00時00分更新", "ID 42 Last updated").
_EDIT_STAMP = re.compile(rf"(?<![A-Za-z])(?:{header.UPDATED_MARKER.pattern})", header.UPDATED_MARKER.flags)


def _is_edit_stamp(line: str, date: dates.DateMatch) -> bool:
    """A date line that says its date is an update: the marker before the date (behind a page ID, "ページID 42 更新日
    …"), or closing the line after it (Japanese sites' "…00時00分更新"). Its date is the edit stamp, never the
    publication date. ("23/04/18 om 16:08 - Bijgewerkt om 20:42" is published on the 23rd: the update is a time.)"""
    marker = _EDIT_STAMP.search(line)
    if marker is None:
        return False
    return marker.start() < date.start or not line[marker.end() :].strip(" .)）]")


def _read_dateline(found: Assembled, *, month_first: bool) -> None:
    """The dateline gives the date the header did not; its text stays in the body. It opens the paragraph the
    labeller calls the dateline paragraph, else the first paragraph."""
    _dateline_date(found.body, found.body_roles, found, month_first=month_first)


def _dateline_date(
    lines: Sequence[str], roles: Sequence[Role], found: Assembled, *, month_first: bool, first_paragraph: bool = True
) -> bool:
    """Read the date of the first dateline paragraph the labeller found (a list of highlights, a deck or a site's
    lines may stand between the title and it), else (`first_paragraph`) of the first paragraph, when the dateline
    grammar reads one there. True when a dateline was read."""
    first = next((index for index, role in enumerate(roles) if role is Role.DATELINE_PARAGRAPH), None)
    if first is None and first_paragraph:
        first = next((index for index, role in enumerate(roles) if role is Role.PARAGRAPH), None)
    match = header.dateline(lines[first]) if first is not None else None
    if match is None:
        return False
    found.date, notices = dates.read_match(match, month_first=month_first)
    found.has_date = True
    found.notices += notices
    if found.date is not None:
        message = f"the header names no date; {match.text!r} is from the dateline opening the first paragraph"
        found.notices.append(notice(Code.DATE_FROM_DATELINE, message))
    return True


# ---------------------------------------------------------------------------------------------------------------------
# The body's blocks.

_PARAGRAPH_ROLES = frozenset({Role.PARAGRAPH, Role.DATELINE_PARAGRAPH, Role.QUOTE, Role.REPEAT}) | PAGE_ROLES


#: Guard: an end mark is a few words ("ENDS", "-30-", "(끝)", "お知らせは以上です"); a longer line the model calls
#: one is a paragraph, since the cleaner never touches an end mark.
_LONGEST_END_MARK = 40


def build_blocks(lines: Sequence[str], roles: Sequence[Role]) -> tuple[tuple[Block, ...], tuple[int, ...]]:
    """The body's blocks from its lines and their roles, and the 1-based numbers (in the `paragraphs` view)
    of the lines that are the page's. Runs of one role make one block; inside a notes section and inside a
    run of list items the structure recognisers read the markers and the inner structure."""
    blocks: list[Block] = []
    page: list[int] = []
    index, count, number = 0, len(lines), 0
    while index < count:
        role = roles[index]
        end = index + 1
        if role is Role.LIST_ITEM:
            while end < count and roles[end] is Role.LIST_ITEM:
                end += 1
            made = _list(lines[index:end])
        elif role is Role.CONTACT:
            while end < count and roles[end] is Role.CONTACT:
                end += 1
            made = (_contact(lines[index:end]),)
        elif role is Role.NOTES_HEADING:
            while end < count and roles[end] in (Role.NOTES, Role.LIST_ITEM, Role.SUBHEADING, Role.PARAGRAPH, Role.QUOTE):
                end += 1
            made = _notes(lines[index:end])
        elif role is Role.NOTES:
            while end < count and roles[end] is Role.NOTES:
                end += 1
            made = recover_structure(list(lines[index:end]))
        elif role is Role.SUBHEADING:
            made = (Heading(lines[index], 2, find_links(lines[index])),)
        elif role is Role.END_MARK and len(lines[index]) <= _LONGEST_END_MARK:
            made = (EndMark(lines[index]),)
        else:
            made = (Paragraph(lines[index], find_links(lines[index])),)
            if role in PAGE_ROLES:
                page.append(number + 1)
        for block in made:
            number += sum(1 for _ in iter_texts((block,)))  # its entries in the `paragraphs` view
        blocks.extend(made)
        index = end
    return tuple(blocks), tuple(page)


def _list(lines: Sequence[str]) -> tuple[Block, ...]:
    """A run of list items: the recognisers read the markers (and may find the run is two lists)."""
    read = recover_structure(list(lines), skip=("heading", "contact", "notes", "end-mark"))
    if all(isinstance(block, ListBlock) for block in read):
        return read
    return (ListBlock(tuple(Text(line, find_links(line)) for line in lines)),)  # unmarked items


def _notes(lines: Sequence[str]) -> tuple[Block, ...]:
    """A notes heading and its section: the recognisers read the section whole (its "About …" subheadings,
    numbered notes), as they would below a "Notes to editors" they had found themselves."""
    read = recover_structure(list(lines), skip=("contact", "end-mark"))
    if len(read) == 1 and isinstance(read[0], NotesSection):
        return read
    heading, inner = lines[0], recover_structure(list(lines[1:])) if len(lines) > 1 else ()
    return (NotesSection(heading, inner),) if inner else (Heading(heading, 2, find_links(heading)),)


def _contact(lines: Sequence[str]) -> ContactBlock:
    read = recover_structure(list(lines), skip=("heading", "list", "notes", "end-mark"))
    if len(read) == 1 and isinstance(read[0], ContactBlock):
        return read[0]
    return ContactBlock(tuple(Text(line, find_links(line)) for line in lines))
