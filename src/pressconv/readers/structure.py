"""Structure recovered from flat lines: which body lines are lists, headings, notes, contacts, end marks.

A scraper flattens a release to one line per block, but a reader can still
see its structure; the recognisers here see the same things and nothing more.

Conservative by design: a line no recogniser is sure of stays a paragraph,
exactly as it was. Recognisers never change text: a list item is its line
minus the marker ("• ", "2) ", "(b) "), which becomes list semantics (ordered
or not, the first number); every other block holds its lines whole, so the
concatenated text of the blocks is the body, markers aside.

The recognisers are small named functions tried in order at each line, in
the style of markdown-it's block rules (`RECOGNISERS`); the first that claims
the line (and perhaps the lines after it) makes a block. Any of them can be
switched off by name (``recover_structure(lines, skip={"heading"})``), and
``links`` switches off link finding. docs/structure.md says what each one
accepts and, as carefully, what it refuses.

Linear: every rule looks at a bounded number of lines around the current
one (a list, a contact block, a notes section are scanned once), and cheap
length and first-character tests reject most lines before a regular
expression runs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from pressconv import lexicon
from pressconv.model import Block, ContactBlock, EndMark, Heading, ListBlock, NotesSection, Paragraph, Text
from pressconv.readers.links import find_links
from pressconv.readers.patterns import lazy_pattern

# ---------------------------------------------------------------------------------------------------------------------
# Patterns: the shapes each recogniser accepts, as data. Most are compiled on first use (`lazy_pattern`: call the
# name to get the pattern): a release without lists, contacts or notes never pays for theirs. The few that every
# release meets (phone numbers, labelled fields, addresses, abbreviations) are compiled here.

#: End marks: ENDS, -ends-, End, ###, # # #, -30- (and "Fin", "Ende", "Diwedd"), with any decoration around them.
_END_MARK = functools.partial(
    lexicon.pattern,
    r"[\s\-–—*\[\](){}_=~.]*(?:{end_mark})[\s\-–—*\[\](){}_=~.]*|[\-–—]+\s*30\s*[\-–—]+|#(?:\s*#)+",
)

#: Glyphs that make a bulleted list even of one line; "-", "–" and "*" need two lines, or a line ending in ":" before them.
_BULLETS = "•·▪◦‣⁃∙⦁●○■□◆◇❖♦▸►▶➢➤➔→✓✔\uf0b7\uf0a7\uf0d8\uf0fc"  # the last four: Symbol and Wingdings bullets from Word
_BULLET = lazy_pattern(rf"[{_BULLETS}]\s*(?=\S)|[-–*]\s+(?=\S)")
_BULLET_STARTS = frozenset(_BULLETS + "-–*")
#: "1." "2)" "(3)" "a." "(b)" "iv)" — the marker, then space, then the item.
_ORDERED = lazy_pattern(r"(\()?(\d{1,3}|[A-Za-z]{1,4})([.)])\s+(?=\S)")
_ROMAN = lazy_pattern(r"(?i:x{0,3}(?:ix|iv|v?i{0,3}))")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}

#: "Notes to editors" and its kin: a notes section wherever it stands.
_NOTES_HEADING = functools.partial(lexicon.pattern, r"(?:{notes_heading})\s*:?")
#: Boilerplate headings ("About Northshire Council", "Background") that open notes after the end mark.
_ABOUT_HEADING = functools.partial(
    lexicon.pattern,
    # "About" and a name ("About Northshire Council", "About the Trust", "About us"), not "About 300 people came".
    r"(?:(?:{about})\s+|(?:{about_glued})\s*)"
    r"(?:(?:{about_article})\b|l['’](?=\w)|"
    r"(?-i:[A-ZÀ-ÖØ-Þ]))(?:.{0,70}\S)?"
    r"|{background_heading}",
)

#: Who to call: "Media contact", "Press office", "For more information contact"… (strong ones need no phone number).
_CONTACT_HEADING = functools.partial(
    lexicon.pattern, r"(?:(?P<strong>{contact_heading})|(?P<weak>{contact_heading_weak}))\s*[:\-–]?"
)
_CONTACT_LEAD = functools.partial(
    lexicon.pattern, r"(?:(?P<strong>{contact_heading})|(?P<weak>{contact_heading_weak}))\s*:\s*(?=\S)"
)
#: "Media enquiries 020 7944 3021": a strong heading, then a phone number or e-mail address with no colon between.
_CONTACT_LEAD_BARE = functools.partial(lexicon.pattern, r"(?:{contact_heading})\s+(?=[+(\d]|[\w.+-]+@)")
#: "Roads media enquiries", "Northshire Council press office": a strong heading after a few words saying whose.
_OWNED_CONTACT = functools.partial(
    lexicon.pattern,
    r"(?:[\w'’&.-]+\s+){1,4}(?:{contact_heading})\s*:?|(?:[\w'’&.-]+\s+){1,3}(?:{contact_word})\s*:",
)  # the second: "Police contact:", "Council contact:" (with its colon)
#: "For more information, please contact Jane Smith on 01234 567890.": one line, a contact by what it says and holds.
_CONTACT_SENTENCE = functools.partial(lexicon.pattern, r"{contact_sentence}")
#: The first words of every contact heading above: the quick reject before those patterns run.
_CONTACT_FIRST_WORDS = lexicon.word_set("contact_first_word")
_EMAIL = lazy_pattern(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # from a run\'s start only: linear search
# A phone number starts with "+", "0" or "(" (so "2023-2024" is not one), or is spelled the North American way.
_PHONE = re.compile(
    r"(?<![\w/.,-])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d|\(?0)[\d\s().-]{6,}\d(?![\w/])"
    r"|(?<![\w/.,-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\w/])"
)
_FIELD = lexicon.pattern(r"(?:{contact_field})\b\.?\s*[:.]\s*\S|[tmewpf]\s*:\s*\S")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)

#: Lines ending in a colon after which the next lines are speech, not list items.
_SPEECH_COLON = functools.partial(lexicon.pattern, r"\b(?:{speech_verb})\s*:$")
#: A line that ends a sentence: final punctuation, perhaps inside a closing quote or bracket.
_SENTENCE_END = lazy_pattern(r"[.!?…:;][\"'”’»)\]]*$")
_QUOTES = "\"'“”‘’«»„‚‹›"
_CLOSERS = "\"'”’»)]"
#: Titles that start a person's name: "Cllr Jane Smith, Leader of the Council" is an attribution, not a heading.
_HONORIFIC = functools.partial(lexicon.pattern, r"(?:{honorific})\.?\s")
#: Labels a page carries that are not subheadings ("FOR IMMEDIATE RELEASE", "Embargoed until…").
_LABEL = functools.partial(lexicon.pattern, r"(?:{label}|{label_line})")
#: A UK postcode, a US state and ZIP code, or a European postcode before a town: the last line of an address.
_POSTCODE = lazy_pattern(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|^(?:[A-Z]{1,2}-)?\d{4,5}\s+[A-ZÄÖÜÀ-Þ]\w+(?:\s+\w+)?$"
)
_CAPTION = functools.partial(lexicon.pattern, r"\((?:{caption_position})\)|\b(?:{caption_word})\b")
_DATE_LIKE = lazy_pattern(r"[\d\s/.,:-]+|(?:\w+\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}", re.IGNORECASE)
#: Words a heading does not end with: a line ending in one is a sentence cut short.
_DANGLING = lexicon.word_set("dangling_word")

#: How the last but one item of a list ends ("…; and"), so the item after it may end the list with a full stop.
_LAST_BUT_ONE = tuple(" " + word for word in lexicon.words("conjunction"))
#: A final full stop that belongs to a company's name ("About Acme Corp."), not to a sentence.
_ABBREVIATION_END = lexicon.pattern(r"\b(?:{company_suffix})\.$", flags=0)
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 10
_MAX_CONTACT_NAME_WORDS = 10
_MAX_CONTACT_LINES = 24
_MAX_CONTACT_DETAIL_WORDS = 25
_MAX_UNMARKED_ITEM_WORDS = 20
_MAX_ABOUT_WORDS = 8
#: Lines longer than this are paragraphs unless they start with a marker or a contact heading (see `_plain`).
_PLAIN_LENGTH = 120
#: How far ahead a lone "1." looks for its "2.".
_LOOKAHEAD = 12


# ---------------------------------------------------------------------------------------------------------------------
# The scan: state inside one call.


@dataclass(slots=True)
class _Ordered:
    """The last numbered list of a section, so a lone "3." after a paragraph can continue it."""

    style: tuple[bool, str, bool]
    kinds: dict[str, int]


@dataclass(slots=True)
class _Section:
    """The blocks of the body, or of a notes section, as they are found."""

    blocks: list[Block]
    level: int = 2
    in_notes: bool = False
    last_ordered: _Ordered | None = None


@dataclass(slots=True)
class _Scan:
    """One call's reading of the body: the lines, the switches, and what is known so far."""

    lines: Sequence[str]
    skip: frozenset[str]
    after_end: bool = False
    links: bool = True
    # What each line can be in a contact block, worked out once per line: a contact scan from every
    # line of a run of short lines would otherwise classify the same lines again and again.
    kinds: dict[int, int] = field(default_factory=dict)
    openings: dict[int, tuple[bool, bool] | None] = field(default_factory=dict)

    def kind(self, j: int) -> int:
        """`_contact_kind` of line `j`, cached."""
        kind = self.kinds.get(j)
        if kind is None:
            kind = self.kinds[j] = _contact_kind(self.lines[j])
        return kind

    def opening(self, j: int) -> tuple[bool, bool] | None:
        """`contact_heading` of line `j`, cached."""
        if j not in self.openings:
            self.openings[j] = contact_heading(self.lines[j])
        return self.openings[j]

    def text(self, line: str) -> Text:
        return Text(line, find_links(line) if self.links else ())

    def paragraph(self, line: str) -> Paragraph:
        return Paragraph(line, find_links(line) if self.links else ())

    def heading(self, line: str, level: int) -> Heading:
        return Heading(line, level, find_links(line) if self.links else ())


#: A recogniser: at line `i` of the scan, in this section, a block and the index after it — or None.
Recogniser = Callable[[_Scan, int, _Section], "tuple[Block, int] | None"]


# ---------------------------------------------------------------------------------------------------------------------
# The public functions.


def recover_structure(lines: list[str], *, skip: Collection[str] = ()) -> tuple[Block, ...]:
    """The body's blocks, in order: lists, headings, notes, contacts, end marks; paragraphs for the rest.

    `lines` are normalised body lines (one block each, no surrounding space).
    `skip` names recognisers not to run (see `RECOGNISERS`, plus ``"links"``).
    """
    unknown = set(skip) - set(RECOGNISER_NAMES)
    if unknown:
        raise ValueError(f"no recogniser {sorted(unknown)[0]!r}; the recognisers are {', '.join(RECOGNISER_NAMES)}")
    if "" in lines:
        # Readers never pass empty lines; should one come, it stays an empty paragraph and splits the body there.
        cut = lines.index("")
        before = recover_structure(lines[:cut], skip=skip) if cut else ()
        return (*before, Paragraph(""), *recover_structure(lines[cut + 1 :], skip=skip))
    scan = _Scan(lines, frozenset(skip), links="links" not in skip)
    section = _Section([])
    _read_section(scan, 0, section)
    return tuple(section.blocks)


def flat_paragraphs(lines: list[str]) -> tuple[Block, ...]:
    """Every line a paragraph, as `--no-structure` asks (and as the reader did before structure)."""
    return tuple(Paragraph(line) for line in lines)


def _read_section(scan: _Scan, start: int, section: _Section) -> int:
    """Read blocks into `section` from line `start`; the index where it stopped (a notes section stops early)."""
    lines = scan.lines
    i = start
    while i < len(lines):
        if _plain(lines, i):
            section.blocks.append(scan.paragraph(lines[i]))
            i += 1
            continue
        if section.in_notes and _ends_notes(scan, i):
            return i
        for name, recognise in RECOGNISERS:
            if name in scan.skip:
                continue
            found = recognise(scan, i, section)
            if found is not None:
                block, i = found
                break
        else:
            block, i = scan.paragraph(lines[i]), i + 1
        section.blocks.append(block)
        if isinstance(block, EndMark):
            scan.after_end = True
    return i


def _plain(lines: Sequence[str], i: int) -> bool:
    """The quick reject: a long line with no marker, no contact opening and no introducing colon is a paragraph.

    Every recogniser would refuse it (end marks, headings, notes headings and
    headless contact lines are all short), so most lines of a release cost one
    length test and a few character tests.
    """
    line = lines[i]
    if len(line) <= _PLAIN_LENGTH or line[0] in _BULLET_STARTS or line[0] == "(" or (i and lines[i - 1][-1] == ":"):
        return False
    head = line[1:7]
    return not (("." in head or ")" in head) and line[0].isalnum()) and not _may_open_contact(line)


def _ends_notes(scan: _Scan, i: int) -> bool:
    """A notes section runs until an end mark, another "Notes to editors" or a contact block."""
    line = scan.lines[i]
    if "end-mark" not in scan.skip and is_end_mark(line):
        return True
    if is_notes_heading(line):
        return True
    return "contact" not in scan.skip and _contact_at(scan, i) is not None


# ---------------------------------------------------------------------------------------------------------------------
# End marks.


def is_end_mark(line: str) -> bool:
    """ "ENDS", "-ends-", "End of press release", "###", "-30-", "Diwedd": a whole line that says the release ends here.

    Public so that every reader (text and HTML) asks the same question the same way."""
    return len(line) <= 40 and _END_MARK().fullmatch(line) is not None


def end_mark(scan: _Scan, i: int, section: _Section) -> tuple[Block, int] | None:
    """ENDS, -ends-, End, ###, # # #, -30-: where the release proper ends."""
    line = scan.lines[i]
    return (EndMark(line), i + 1) if is_end_mark(line) else None


# ---------------------------------------------------------------------------------------------------------------------
# Notes to editors.


def is_notes_heading(line: str) -> bool:
    """ "Notes to editors", "Nodiadau i olygyddion", "Hinweise für die Redaktion", "Notas para los editores"…:
    a whole line that opens the notes section wherever it stands (shared by the text and HTML readers)."""
    return len(line) <= 60 and _NOTES_HEADING().fullmatch(line) is not None


def is_about_heading(line: str) -> bool:
    """ "About Northshire Council", "Background": boilerplate headings, a short line without final punctuation
    (not "About 300 people came"). The text reader takes one as notes only after the end mark or a contact;
    the HTML reader, where the page says it is a heading, wherever it stands."""
    if not line or len(line) > 80 or not line[0].isupper():
        return False
    if line[-1] in '!?;,"”’' or (line[-1] == "." and not _ABBREVIATION_END.search(line)):
        return False
    return len(line.split()) <= _MAX_ABOUT_WORDS and _ABOUT_HEADING().fullmatch(line.rstrip(":")) is not None


def notes(scan: _Scan, i: int, section: _Section) -> tuple[Block, int] | None:
    """ "Notes to editors" (anywhere), or "About the Council" / "Background" once the release has ended.

    The section holds what follows (paragraphs, lists, subheadings) until an
    end mark, a contact block, another notes heading or the end of the body.
    Inside a notes section, an "About …" line is a subheading of it.
    """
    line = scan.lines[i]
    strong = is_notes_heading(line)
    if not strong:
        if not is_about_heading(line):
            return None
        if section.in_notes:
            return scan.heading(line, section.level), i + 1  # the section's level is one below its heading
        previous = section.blocks[-1] if section.blocks else None
        if not (scan.after_end or isinstance(previous, ContactBlock)):
            return None
    if section.in_notes:
        return None  # a second "Notes to editors": this section ends (see `_ends_notes`)
    inner = _Section([], level=section.level + 1, in_notes=True)
    end = _read_section(scan, i + 1, inner)
    if not inner.blocks:
        return scan.heading(line, section.level), i + 1
    return NotesSection(line, tuple(inner.blocks)), end


# ---------------------------------------------------------------------------------------------------------------------
# Contact blocks.

_NOT_CONTACT, _NAME, _DETAIL = 0, 1, 2


def _contact_kind(line: str) -> int:
    """What a line can be in a contact block: a detail (phone, e-mail, labelled field), a name or role line, or neither."""
    if line.startswith("SOURCE "):
        return _NOT_CONTACT  # a wire service's "SOURCE Acme Corp.": the issuer, after the contact
    words = line.count(" ") + 1
    if words <= _MAX_CONTACT_DETAIL_WORDS and (("@" in line and _EMAIL().search(line)) or _FIELD.match(line) or _has_phone(line)):
        return _DETAIL
    if _URL_ONLY.fullmatch(line):
        return _NAME  # a web address may sit in a contact block, but it is no way to reach a person
    if (
        words <= _MAX_CONTACT_NAME_WORDS
        and len(line) <= 90
        and line[0] not in _QUOTES
        and not line[0].islower()
        and (line[-1] not in ".!?:;" or _ABBREVIATION_END.search(line) or (line[-1] == ":" and words <= 4))
        and not is_end_mark(line)
    ):
        return _NAME  # or a label such as "Media:" / "Out of hours:" before the line it labels
    return _NOT_CONTACT


def _has_phone(line: str) -> bool:
    for match in _PHONE.finditer(line):
        digits = sum(char.isdigit() for char in match.group())
        if 9 <= digits <= 15:
            return True
    return False


def _may_open_contact(line: str) -> bool:
    return line.partition(" ")[0].rstrip(":,").lower() in _CONTACT_FIRST_WORDS


def contact_heading(line: str) -> tuple[bool, bool] | None:
    """(strong, has content) when `line` opens a contact block ("Media contact:", "Press office", "Pressestelle",
    "Ymholiadau'r cyfryngau", "Media contact: Jane Smith, 020 …"); None when it does not.

    Strong headings ("Media enquiries") need no phone number or e-mail address after them; weak ones
    ("Contact", "For more information") do. "has content": the contact follows on the same line."""
    if not line:
        return None
    short = len(line) <= 60
    if not _may_open_contact(line):
        if short and line[-1] not in ".!?" and _OWNED_CONTACT().fullmatch(line):
            return True, False
        return None
    if short and (match := _CONTACT_HEADING().fullmatch(line)) is not None:
        return match.group("strong") is not None, False
    if len(line) > 200:
        return None
    if (lead := _CONTACT_LEAD().match(line)) is not None:
        return lead.group("strong") is not None, True
    if _CONTACT_LEAD_BARE().match(line) and _contact_kind(line) == _DETAIL:
        return True, True
    return None


def is_contact_line(line: str) -> bool:
    """A contact run into its heading on one line ("Media contact: Jane Smith, 020 7946 0000"): a strong heading
    with content after it, or a weak one ("Contact: …") whose line holds a phone number, e-mail address or field."""
    opened = contact_heading(line)
    return opened is not None and opened[1] and (opened[0] or _contact_kind(line) == _DETAIL)


def _contact_at(scan: _Scan, i: int) -> tuple[Block, int] | None:
    lines = scan.lines
    line = lines[i]
    opened = scan.opening(i)
    if opened is None:
        if len(line) <= 300 and _may_open_contact(line) and _CONTACT_SENTENCE().match(line) and scan.kind(i) == _DETAIL:
            opened = (False, True)
        else:
            return _headless_contact(scan, i)
    strong, has_content = opened
    # A heading with content after its colon is itself the first contact line.
    body: list[str] = [line] if has_content else []
    kinds: list[int] = [scan.kind(i)] if has_content else []
    j = i + 1
    stopped_at_paragraph = False
    while j < len(lines):
        if len(body) >= _MAX_CONTACT_LINES:
            stopped_at_paragraph = True  # longer than any contact block: what follows is something else
            break
        following = lines[j]
        if is_end_mark(following) or is_notes_heading(following) or is_about_heading(following):
            break
        heading_after = scan.opening(j)
        if heading_after is not None and not heading_after[1] and not _FIELD.match(following) and _DETAIL in kinds:
            # The next contact block ("Investor contact:"). Before any number it is a role ("Press office"), and
            # "Media enquiries: 020 7944 3021" is always a line of this one.
            break
        kind = scan.kind(j)
        if kind == _NOT_CONTACT or (kind == _NAME and _starts_marked(following)):
            stopped_at_paragraph = True  # a paragraph, or a bulleted list after the contact
            break
        body.append(following)
        kinds.append(kind)
        j += 1
    if _DETAIL in kinds and stopped_at_paragraph:
        # Name-like lines after the last detail, right before a paragraph, are more likely its subheading.
        keep = max(len(kinds) - kinds[::-1].index(_DETAIL), 1 if has_content else 0)
        del body[keep:], kinds[keep:]
    if not body or (not strong and _DETAIL not in kinds):
        return None
    end = i + len(body) + (0 if has_content else 1)
    return ContactBlock(tuple(scan.text(text) for text in body), None if has_content else line), end


def _headless_contact(scan: _Scan, i: int) -> tuple[Block, int] | None:
    """Name, role, phone and e-mail lines with no heading: a contact block when they close the release or a section.

    At least two lines, one of them a phone number or e-mail address, none a
    sentence or a marked list item; the run must end where the release or its
    section ends (the end of the body, an end mark, notes) or follow an end mark.
    """
    lines = scan.lines
    line = lines[i]
    if len(line) > 120 or _starts_marked(line):
        return None
    if i > 0 and lines[i - 1].endswith(":"):
        return None
    kinds: list[int] = []
    j = i
    while j < len(lines) and len(kinds) < _MAX_CONTACT_LINES // 2:
        following = lines[j]
        if is_end_mark(following) or is_notes_heading(following) or is_about_heading(following):
            break
        kind = scan.kind(j)
        if kind == _NOT_CONTACT or _starts_marked(following) or _is_sentence(following):
            break  # a sentence that gives a number ("…contact Crimestoppers on 0800 555 111.") is the release's prose
        kinds.append(kind)
        j += 1
    if len(kinds) < 2 or _DETAIL not in kinds:
        return None
    closes = j == len(lines) or is_end_mark(lines[j]) or is_notes_heading(lines[j]) or is_about_heading(lines[j])
    if not (closes or scan.after_end):
        return None
    return ContactBlock(tuple(scan.text(text) for text in lines[i:j])), j


_SENTENCE_WORDS = 8


def _is_sentence(line: str) -> bool:
    """A line of prose: eight words or more, ending as a sentence ends."""
    return line.count(" ") + 1 >= _SENTENCE_WORDS and _SENTENCE_END().search(line) is not None and not line.endswith(":")


def contact(scan: _Scan, i: int, section: _Section) -> tuple[Block, int] | None:
    """ "Media contact:" (or "Press office", "For more information contact"…) and the name, role, phone, e-mail lines after it.

    A heading line with content after its colon ("Media contact: Jane Smith,
    01234 567890") is kept whole as the first contact line. Weak headings
    ("Contact", "For more information") need a phone number, e-mail or
    labelled field among the lines; strong ones ("Media enquiries") do not.
    """
    if section.in_notes:
        return None  # a contact block ends the notes section; `_ends_notes` found it
    return _contact_at(scan, i)


# ---------------------------------------------------------------------------------------------------------------------
# Lists.


@dataclass(frozen=True, slots=True)
class _Marker:
    end: int  # where the item text starts
    style: tuple[bool, str, bool]  # (opening bracket, closing ".", ")", upper case)
    kinds: dict[str, int]  # interpretation → value: {"decimal": 3} or {"alpha": 9, "roman": 1}


def _bullet(line: str) -> int:
    """Where the item starts after a bullet glyph (0 when the line has none, or no text after it)."""
    if line[0] not in _BULLET_STARTS:
        return 0
    match = _BULLET().match(line)
    if match is None or not any(char.isalnum() for char in line[match.end() :]):
        return 0
    return match.end()


def _ordered(line: str) -> _Marker | None:
    first = line[0]
    head = line[1:7]
    if not (first.isalnum() or first == "(") or not ("." in head or ")" in head):
        return None
    match = _ORDERED().match(line)
    if match is None:
        return None
    opening, label, closing = match.groups()
    if opening and closing != ")":
        return None
    kinds: dict[str, int] = {}
    if label.isdigit():
        kinds["decimal"] = int(label)
    else:
        lower = label.lower()
        if label not in (lower, label.upper()):
            return None
        if len(label) == 1:
            kinds["alpha"] = ord(lower) - ord("a") + 1
        if _ROMAN().fullmatch(lower):
            kinds["roman"] = _roman_value(lower)
        if not kinds:
            return None
    if not any(value >= 1 for value in kinds.values()):
        return None
    return _Marker(match.end(), (bool(opening), closing, label.isupper()), kinds)


def _roman_value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _starts_marked(line: str) -> bool:
    return bool(_bullet(line)) or _ordered(line) is not None


def _marked_list(
    scan: _Scan, i: int, introduced: bool, section: _Section | None
) -> tuple[ListBlock, int, _Ordered | None] | None:
    """A list of marked lines from line `i`: the block, the index after it, and where its numbering ended."""
    lines = scan.lines
    line = lines[i]
    start = _bullet(line)
    if start and not is_end_mark(line):
        items = [line[start:]]
        distinctive = line[0] in _BULLETS
        j = i + 1
        while j < len(lines) and (start := _bullet(lines[j])) and not is_end_mark(lines[j]):
            items.append(lines[j][start:])
            j += 1
        if len(items) < 2 and not distinctive and not introduced:
            return None
        return ListBlock(tuple(scan.text(item) for item in items)), j, None
    marker = _ordered(line)
    if marker is None:
        return None
    kinds = dict(marker.kinds)
    items = [line[marker.end :]]
    j = i + 1
    while j < len(lines):
        following = _ordered(lines[j])
        if following is None or following.style != marker.style:
            break
        advanced = {kind: value for kind, value in following.kinds.items() if kinds.get(kind) == value - 1}
        if not advanced:
            break
        kinds = advanced
        items.append(lines[j][following.end :])
        j += 1
    first = {kind: value - len(items) + 1 for kind, value in kinds.items()}
    if len(items) == 1:
        previous = section.last_ordered if section is not None else None
        continuing = {}
        if previous is not None and previous.style == marker.style:
            continuing = {kind: value for kind, value in first.items() if previous.kinds.get(kind) == value - 1}
        if continuing:
            first = continuing
        elif 1 in first.values() and (introduced or _successor_follows(lines, i, marker)):
            first = {kind: value for kind, value in first.items() if value == 1}
        else:
            return None
    kind = next(kind for kind in ("decimal", "roman", "alpha") if kind in first)
    start_number = first[kind]
    last = _Ordered(marker.style, {kind: value + len(items) - 1 for kind, value in first.items()})
    return ListBlock(tuple(scan.text(item) for item in items), ordered=True, start=start_number), j, last


def _successor_follows(lines: Sequence[str], i: int, marker: _Marker) -> bool:
    """A lone "1." whose "2." (same style) comes a few lines later, after a paragraph or a bulleted sub-list."""
    for following in lines[i + 2 : i + 2 + _LOOKAHEAD]:
        found = _ordered(following)
        if found is not None and found.style == marker.style:
            return any(found.kinds.get(kind) == 2 for kind, value in marker.kinds.items() if value == 1)
    return False


def _introduces(line: str) -> bool:
    """A line ending in ":" that introduces items (not "He said:")."""
    return line.endswith(":") and _SPEECH_COLON().search(line) is None


def _unmarked_items(scan: _Scan, i: int) -> tuple[ListBlock, int] | None:
    """Lines after "The budget includes:" that a scraper stripped of their bullets: short fragments of one shape.

    At least two; none a sentence (only the last may end with "." when the
    others end with ";" or ","), none a quote, all starting with the same case.
    """
    lines = scan.lines
    items: list[str] = []
    j = i
    first_lower: bool | None = None
    while j < len(lines):
        line = lines[j]
        if line[0] in _QUOTES or line.count(" ") + 1 > _MAX_UNMARKED_ITEM_WORDS or _starts_marked(line):
            break
        if is_end_mark(line) or is_notes_heading(line) or scan.opening(j) is not None or line.endswith(":"):
            break
        lower = line[0].islower() if line[0].isalpha() else first_lower
        if first_lower is None:
            first_lower = lower
        elif lower is not None and lower != first_lower:
            break
        terminal = line.rstrip(_CLOSERS)[-1:]
        if terminal in (".", "!", "?", "…"):
            if items and terminal == "." and (items[-1][-1] in ";," or items[-1].endswith(_LAST_BUT_ONE)):
                items.append(line)  # "…; and free parking on Sundays." ends the list
            break
        items.append(line)
        j += 1
    if len(items) < 2 or any(_POSTCODE().search(item) for item in items):
        return None  # an address after "The event is at:" is lines of one address, not a list
    return ListBlock(tuple(scan.text(item) for item in items)), i + len(items)


def lists(scan: _Scan, i: int, section: _Section) -> tuple[Block, int] | None:
    """Bulleted and numbered lists, and lists a line ending in ":" introduces.

    Bullets (• · ▪ ◦ ‣ and kin) make a list even of one line; "-", "–" and "*"
    need two lines or an introducing colon. Numbers and letters ("1.", "2)",
    "(a)", "iv.") must count up by one; a lone "3." continues the section's
    previous numbered list, and a lone "1." needs an introducing colon.
    """
    lines = scan.lines
    previous = section.blocks[-1] if section.blocks else None
    introduced = isinstance(previous, Paragraph) and previous.text == lines[i - 1] and _introduces(previous.text)
    introduced = introduced or (section.in_notes and previous is None)  # the notes heading introduces its first item
    first = lines[i][0]
    if first in _BULLET_STARTS or first.isalnum() or first == "(":
        found = _marked_list(scan, i, introduced, section)
        if found is not None:
            block, end, last = found
            if last is not None:
                section.last_ordered = last
            return block, end
    if introduced:
        return _unmarked_items(scan, i)
    return None


# ---------------------------------------------------------------------------------------------------------------------
# Subheadings.


def _is_sentence_like(line: str) -> bool:
    return _SENTENCE_END().search(line) is not None or line.count(" ") >= 12


def _could_be_heading(line: str) -> bool:
    """Short, capitalised, no final punctuation, no quote, no name-and-role, no label or date."""
    if len(line) > _MAX_HEADING_CHARS or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line[-1] in "!?…:;,-–—/|&+" or line[0] in _QUOTES or line[-1] in _QUOTES:
        return False
    if line[-1] == "." and not _ABBREVIATION_END.search(line):
        return False
    if _CAPTION().search(line):
        return False  # "Pupils with Cllr Smith (left)": a photo caption the scraper kept
    words = line.split()
    if len(words) > _MAX_HEADING_WORDS or words[-1].lower() in _DANGLING or ". " in line or ": " in line:
        return False  # "Venue: Eastford Library" is a label and its value
    if any(char in _QUOTES for char in line) and not line.isupper():
        return False  # a quoted phrase: more likely a pull quote or a sentence
    if _HONORIFIC().match(line) or _LABEL().fullmatch(line) or _DATE_LIKE().fullmatch(line):
        return False
    before_comma = line.split(",", 1)[0].split() if "," in line else []
    if len(before_comma) >= 2 and all(word[0].isupper() for word in before_comma):
        return False  # "Jane Smith, Head of Communications": a name and role
    if "@" in line or _has_phone(line):
        return False
    links = find_links(line)
    return not (links and links[-1].end >= len(line.rstrip(")")))


def heading(scan: _Scan, i: int, section: _Section) -> tuple[Block, int] | None:
    """A subheading: a short line without final punctuation between a paragraph (or list) and a paragraph (or list).

    Not a short sentence, a quote, a person's name before a quote, a label, a
    date, or a line ending in ":". The line before must end a sentence (a run
    of short lines is an address or a table, not headings).
    """
    lines = scan.lines
    line = lines[i]
    if i + 1 >= len(lines) or not _could_be_heading(line):
        return None
    previous = section.blocks[-1] if section.blocks else None
    if isinstance(previous, Paragraph):
        if not _is_sentence_like(previous.text) or previous.text[-1] == ":":
            return None  # a run of short lines, or what a colon introduces
        if previous.text[-1] in _QUOTES and len(line.split()) <= 4 and all(word[0].isupper() for word in line.split()):
            return None  # "Jane Smith" after a quote: who said it
    elif not isinstance(previous, ListBlock):
        return None
    following = lines[i + 1]
    if following[0] in _QUOTES or following[0].islower() or is_end_mark(following) or contact_heading(following) is not None:
        return None  # a name before a quote, or a sentence broken over two lines
    if not (_is_sentence_like(following) or _starts_marked(following)):
        return None
    return scan.heading(line, section.level), i + 1


#: The recognisers, in the order they are tried at each line. A name in `skip` switches one off.
RECOGNISERS: tuple[tuple[str, Recogniser], ...] = (
    ("end-mark", end_mark),
    ("notes", notes),
    ("contact", contact),
    ("list", lists),
    ("heading", heading),
)
#: Names `recover_structure(skip=...)` accepts: the recognisers, and "links" (no link finding).
RECOGNISER_NAMES: tuple[str, ...] = (*(name for name, _ in RECOGNISERS), "links")


def leading_contact(lines: Sequence[str], *, within: int = 3) -> tuple[int, int] | None:
    """A contact block that opens with its heading ("Media Contact:") among the first `within` lines, as
    agency releases put it above the title: (its first line, the line after it), or None."""
    scan = _Scan(lines, frozenset())
    for start in range(min(within, len(lines))):
        if scan.opening(start) is None:
            continue
        # Above the title only an unmistakable block counts: a heading with its colon ("Media Contact:"), and a
        # phone number or an e-mail address among its lines ("Regional Press Office" alone may be the issuer).
        if not lines[start].rstrip().endswith(":"):
            return None
        found = _contact_at(scan, start)
        if found is None or not isinstance(found[0], ContactBlock) or found[1] >= len(lines):
            return None
        if not any(_has_phone(line) or _EMAIL().search(line) for line in lines[start + 1 : found[1]]):
            return None
        return start, found[1]
    return None
