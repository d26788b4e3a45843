"""The exact recognisers the role labeller reads as features: dates, marker words, labels, page lines.

This is the one place the labeller touches the rest of the reader, so that when a recogniser moves
or a language is added the features follow without the model's code changing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pressconv.readers import dates, structure
from pressconv.readers import header as _header
from pressconv.readers.header import Header, split_header
from pressconv.readers.roles.align import align, block_pieces

#: Only the ends of a long line are searched for dates: a date is a header's or a dateline's, never a
#: sentence's middle, and the cost per line stays bounded.
_HEAD_SPAN = 160
_TAIL_SPAN = 80
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]|(?<=[^\W\d_])\d")


def _word_starts(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[int]:
    """The word starts in `spans` where a date may begin: a span with no digit or CJK numeral in reach holds no
    date (`dates.may_hold_date`), and is passed over whole."""
    for start, end in spans:
        if dates.may_hold_date(text, start, end):
            for found in _WORD_START.finditer(text, start, end):
                yield found.start()


def _date_starts(text: str) -> Iterator[int]:
    limit = len(text)
    spans = [(0, min(limit, _HEAD_SPAN))]
    if limit > _HEAD_SPAN:
        spans.append((max(_HEAD_SPAN, limit - _TAIL_SPAN), limit))
    return _word_starts(text, spans)


def find_date(text: str) -> dates.DateMatch | None:
    """The first complete date at a word start near either end of `text`, or None."""
    for start in _date_starts(text):
        found = dates.match_date(text, start, partial=False)
        if found is not None:
            return found
    return None


#: A line of more words than this is a sentence: only a dateline at its head or a date closing it can say anything
#: about the release's date, so only those two places are searched (a body of long paragraphs costs little).
_SENTENCE_WORDS = 12
_SENTENCE_HEAD = 60
_SENTENCE_TAIL = 40


def _feature_starts(text: str) -> Iterator[int]:
    if text.count(" ", 0, _HEAD_SPAN) < _SENTENCE_WORDS:
        yield from _date_starts(text)
        return
    yield from _word_starts(text, ((0, _SENTENCE_HEAD), (max(_SENTENCE_HEAD, len(text) - _SENTENCE_TAIL), len(text))))


def date_positions(text: str) -> list[str]:
    """Where a date stands in the line: ``@start``, ``@end``, ``@whole``, ``@mid``, ``glued``, ``partial``.
    One pass over the places a date may start: the first complete date decides; a partial one ("March 2014",
    "Nov. 3") only says ``partial`` when no complete date follows."""
    found = None
    partial = False
    for start in _feature_starts(text):
        match = dates.match_date(text, start, partial=True)
        if match is not None and match.complete:
            found = match
            break
        partial = partial or match is not None
    if found is None:
        return ["partial"] if partial else []
    positions = []
    before = text[: found.start].strip(" \t|:–—-,(")
    after = text[found.end :].strip(" \t|.,)–—-")
    marker = bool(before) and _header.PUBLISHED_MARKER.fullmatch(before + " ") is not None
    if not before or marker:
        positions.append("@start")
    if not after:
        positions.append("@end")
    if (not before or marker) and not after:
        positions.append("@whole")
    if before and after:
        positions.append("@mid")
    if found.start and text[found.start - 1].isalpha():
        positions.append("glued")
    return positions


def _starts_with(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def _chrome(text: str) -> bool:
    from pressconv.lines import is_chrome

    return is_chrome(text)


@functools.lru_cache(maxsize=1)  # constant data, compiled once
def _updated_at_a_word_start() -> re.Pattern[str]:
    """The updated marker where a word starts. A marker is words; the lookbehind turns a position inside a word
    away before the case-folded alternation is tried there, which costs a quarter of trying it everywhere."""
    return re.compile(rf"(?<![^\W_])(?:{_header.UPDATED_MARKER.pattern})", _header.UPDATED_MARKER.flags)


#: The named recognisers whose answer is a feature (``sig=name``).
SIGNALS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("published", _starts_with(_header.PUBLISHED_MARKER)),
    ("updated", lambda text: _updated_at_a_word_start().search(text, 0, 60) is not None),
    ("end-mark", structure.is_end_mark),
    ("notes-heading", structure.is_notes_heading),
    ("about-heading", structure.is_about_heading),
    ("contact-heading", lambda text: structure.contact_heading(text) is not None),
    ("contact-line", structure.is_contact_line),
    ("chrome", _chrome),
)


#: Lexicon concepts a line may open with or consist of: each is a feature (``lex^concept``, ``lex=concept``), so
#: the words of every language in the lexicon count alike, and a new language file feeds the model unchanged.
LEXICON_CONCEPTS = (
    "published", "updated", "label", "label_weak", "by", "byline_label", "issuer_marker", "notes_heading",
    "about", "background_heading", "contact_heading", "contact_heading_weak", "contact_field", "end_mark",
    "share", "print", "navigation", "tags", "comments", "cookie", "caption_label", "caption", "copyright",
    "site_notice", "new_window", "speech_verb",
)
_TRAILING_PUNCTUATION = r"[\s.:;,!?|»›>\-–—]*"


@functools.lru_cache(maxsize=1)  # constant data, compiled once
def _concept_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from pressconv import lexicon

    return tuple((concept, lexicon.pattern(rf"(?:{{{concept}}})(?![^\W_])")) for concept in LEXICON_CONCEPTS)


@functools.lru_cache(maxsize=1)  # constant data, worked out once
def _concept_openers() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Each concept's pattern, with a class of the characters its entries may begin with, compiled with the
    pattern's own flags (None: any character). Reading the first characters scans the whole alternation, so
    it is done once per process, not once per character seen."""
    from pressconv import lexicon

    openers = []
    for concept, pattern in _concept_patterns():
        first = lexicon.first_chars(lexicon.alternation(concept))
        opener = None if first is None else re.compile(f"[{''.join(sorted(first))}]", pattern.flags)
        openers.append((concept, pattern, opener))
    return tuple(openers)


@functools.lru_cache(maxsize=512)  # bounded: one entry per distinct first character of a line
def _concepts_opened_by(char: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The concepts an entry of which may begin with `char`, in `LEXICON_CONCEPTS` order: the others cannot
    match a line beginning with it (each concept is behind a lookahead of its first characters), so they are
    not even called."""
    return tuple((concept, pattern) for concept, pattern, opener in _concept_openers() if opener is None or opener.match(char))


_TRAILING = re.compile(_TRAILING_PUNCTUATION)
_SENTENCE_CONCEPTS = frozenset(
    {"published", "updated", "by", "byline_label", "issuer_marker", "cookie", "caption_label", "copyright", "site_notice",
     "contact_heading", "speech_verb"}
)


def hits(text: str) -> list[str]:
    """The names of the signals that fire on `text`: the named recognisers, and lexicon concepts the line opens
    with (``lex^share``) or is made of (``lex=share``)."""
    if len(text) > 400:
        return []
    found = [name for name, test in SIGNALS if test(text)]
    head = text[:120]
    # A sentence-long line can only open with a few concepts (a cookie banner, a caption, a byline, a marker):
    # the others are whole-line labels and widgets, never tried on it.
    sentence = text.count(" ", 0, 200) >= _SENTENCE_WORDS
    for concept, pattern in _concepts_opened_by(head[:1]):
        if sentence and concept not in _SENTENCE_CONCEPTS:
            continue
        match = pattern.match(head)
        if match is not None:
            whole = _TRAILING.fullmatch(text, match.end()) is not None
            found.append(("lex=" if whole else "lex^") + concept)
    return found


@dataclass(frozen=True, slots=True)
class RuleReading:
    """What the hand-written recognisers make of a release's lines: the header they read, and for each line
    ``title``, ``title+date``, ``header`` (another header line) or its body block's structural role."""

    header: Header
    roles: tuple[str, ...]
    #: Every line is one of the page's own (breadcrumbs, share buttons): there is no release to read.
    only_page: bool = False


#: How far down the page's own lines may stand among the header lines (breadcrumbs, "Share this page").
_HEADER_WINDOW = 8
_LONGEST_PAGE_LINE = 160
_FIRST_SENTENCE_WORDS = 10
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def rule_reading(lines: Sequence[str], *, month_first: bool = False) -> RuleReading:
    """The rule-based reading: the page's lines at the top and a contact block above the title set aside,
    the header grammar over the rest, the structure recognisers over the body. The labeller weighs these
    roles as one signal among many — right on the shapes the rules were written for, often wrong elsewhere —
    and the text reader keeps the header grammar's reading where the labeller agrees with it."""
    from pressconv.readers.structure import leading_contact, recover_structure

    order = list(range(len(lines)))
    aside = _page_lines_at_the_top(lines)
    rest = [index for index in order if index not in aside]
    contact = leading_contact([lines[index] for index in rest])
    if contact is not None:
        aside |= set(rest[contact[0] : contact[1]])
        rest = [index for index in order if index not in aside]
    if not rest:  # nothing but the page's own lines: no header to read
        return RuleReading(Header("", None, (), 0), tuple("chrome" for _ in lines), only_page=True)
    read = split_header([lines[index] for index in rest], month_first=month_first)
    roles = ["body"] * len(lines)
    head = rest[: read.body_start]
    for index in head:
        roles[index] = "header"
    if read.title:
        for index in head:
            if read.title in lines[index]:
                roles[index] = "title" if len(lines[index]) - len(read.title) < 4 else "title+date"
                break
    body = [index for index in order if roles[index] == "body"]
    texts = [lines[index] for index in body]
    for index, role in zip(body, align(texts, list(block_pieces(recover_structure(texts)))) if texts else [], strict=True):
        roles[index] = role or "paragraph"
    return RuleReading(read, tuple(roles))


def _page_lines_at_the_top(lines: Sequence[str]) -> set[int]:
    """The web page's own lines (breadcrumbs, share buttons) among the first few lines, so that the header
    is read without them."""
    window = list(lines[:_HEADER_WINDOW])
    # The header ends where the first sentence of the body begins; page lines below it stay where they are.
    for index, line in enumerate(window[1:], start=1):
        if len(line.split()) >= _FIRST_SENTENCE_WORDS and line.rstrip("\"'”’)»").endswith((".", "!", "?")):
            window = window[:index]
            break
    return {
        index
        for index, line in enumerate(window)
        if len(line) <= _LONGEST_PAGE_LINE and not _YEAR.search(line) and _chrome(line)  # a dated line is the header's
    }
