"""Features of a release's lines for the role labeller: what a reader sees at a glance, in any language.

Every feature is a short string (``"len=short"``, ``"date@end"``), so that the CRF learns weights for
exact facts and never for raw values. The signals that used to be rules — a date marker, a label word,
a line of the web page, a repeat of an earlier line — are features here: the model weighs them against
position and shape instead of letting the first rule that fires decide.

One pass over the lines plus one dictionary of line keys: linear in the release's size.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pressconv.readers.roles import signals
from pressconv.readers.roles.context import context_features

#: Features of the neighbours that are copied onto a line, prefixed with their offset.
_NEIGHBOUR_KEYS = ("len", "words", "end", "case", "rule")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–—*+>]|\d{1,2}[.)]|[a-z][.)]|\(?[ivx]{1,4}[.)])\s")
_QUOTE_OPEN = tuple("\"“„«‘'「『")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+|\(0|\b0)\d[\d\s().-]{7,}\d")
_SHORT_LINE_WORDS = 6
_DATED_HEAD = 15
_DATED_TAIL = 10


def _short(text: str) -> bool:
    return text.count(" ", 0, 200) < 12
_NAME_WORDS = 8


def _organisation_words() -> frozenset[str]:
    from pressconv import lexicon

    return lexicon.word_set("organisation")  # cached by the lexicon
_ZONED = ("rule=", "len=", "end=", "case=", "sig=", "lex", "date", "words=")
_TRAIL = re.compile(r"\s(?:/|>|»|›|\\|→)\s")  # breadcrumb separators
_EDGE = ".,:;!?()[]{}\"'“”‘’«»|•·-–—/"
_LEADING_PLACE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40}(?:,|\s+[-–—(])")


def _bucket(value: int, edges: Sequence[int], names: Sequence[str]) -> str:
    for edge, name in zip(edges, names, strict=False):
        if value <= edge:
            return name
    return names[-1]


def _length(text: str) -> str:
    return _bucket(len(text), (3, 12, 30, 60, 120, 250), ("tiny", "vshort", "short", "medium", "long", "vlong", "huge"))


def _word_count(text: str) -> str:
    return _bucket(len(text.split()), (1, 3, 6, 12, 25), ("1", "2-3", "4-6", "7-12", "13-25", "26+"))


def _ending(text: str) -> str:
    last = text.rstrip()[-1:]
    if not last:
        return "none"
    if last in ".!?。！？":
        return "stop"
    if last in ":：":
        return "colon"
    if last in ",，、;；":
        return "comma"  # the line goes on in the next: a broken sentence, a salutation, never a whole headline
    if last in "\"”’»」』)":
        return "close"
    if last.isdigit():
        return "digit"
    if unicodedata.category(last).startswith("L"):
        return "letter"
    return "other"


def _ends_sentence(text: str) -> bool:
    """A sentence's end, also inside closing quotes or brackets ("… took part.”")."""
    return text.rstrip(" \"'”’»」』)").endswith((".", "!", "?", "。", "！", "？"))


#: Features that rule a line out as the title when looking for the first candidate.
_NOT_A_TITLE = frozenset(
    {"sig=chrome", "date@whole", "lex=label", "lex=label_weak", "lex=navigation", "lex=share", "lex=print", "lex=tags",
     "lex=cookie", "lex^by", "sig=published", "sig=updated"}
)


_A_LETTER = re.compile(r"[^\W\d_]")
#: The first character of each word, as `str.split` cuts words (regex and `str.isspace` agree on spaces).
_WORD_INITIAL = re.compile(r"(?<!\S)\S")
_A_DIGIT = re.compile(r"\d")


def _case(text: str) -> str:
    """The line's letter case, worked out with str methods (C loops), not per character in Python."""
    first = _A_LETTER.search(text)
    if first is None:
        return "noletters"
    if text.lower() == text.upper():
        return "uncased"  # CJK, Arabic, Hebrew, Devanagari…
    if text == text.upper():
        return "upper"
    initials = "".join(filter(str.isalpha, _WORD_INITIAL.findall(text)))  # the initials of the words
    capitalised = sum(map(str.isupper, initials))
    if initials and capitalised / len(initials) > 0.7 and len(initials) > 1:
        return "titlecase"
    return "lower-start" if first[0].islower() else "sentence"


def _digit_share(text: str) -> str:
    share = len(_A_DIGIT.findall(text)) / max(1, len(text))
    return "0" if share == 0 else "low" if share < 0.1 else "mid" if share < 0.35 else "high"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a release and what the page said about it (the html reader fills `element`)."""

    text: str
    element: str = ""  # "h1", "p", "li", "time", "nav"… for lines that come from a page


_NOT_KEY = re.compile(r"[^\w\s]|_")


def line_key(text: str) -> str:
    """What "the same line" means for repeats: case, spacing and punctuation folded (a long line by its head
    and its length, so that keys stay small)."""
    head = text[:_HEAD]
    key = " ".join(_NOT_KEY.sub("", head.casefold()).split())
    return key if len(text) <= _HEAD else f"{key}…{len(text)}"


#: How much of a line the shape features look at: every one of them is decided by a line's first few hundred
#: characters, and a crafted 10 MB line must cost no more than a short one (linear time, bounded memory).
_HEAD = 2000


def _own_features(text: str, element: str, *, dated: bool = True) -> list[str]:
    stripped = text.strip()
    head = stripped[:_HEAD]
    words = head.casefold().split()
    digits = "digits=" + _digit_share(head)
    features = [
        "len=" + _length(stripped),
        "words=" + _word_count(head),
        "end=" + _ending(stripped),
        "case=" + _case(head),
        digits,
    ]
    if element:
        features.append("el=" + element)
    if _BULLET.match(stripped):
        features.append("bullet")
    if stripped.startswith(_QUOTE_OPEN):
        features.append("quote-open")
    # Each pattern only where what it needs is present ("://" or "www.", "@", a digit): a str method answers
    # that faster than a pattern's scan of a line with no address in it.
    if ("://" in head or "www." in head.lower()) and _URL.search(head):
        features.append("url")
    if "@" in head and _EMAIL.search(head):
        features.append("email")
    if not digits.endswith("=0") and _PHONE.search(head):
        features.append("phone")
    if "|" in head:
        features.append("bar")
    separators = len(_TRAIL.findall(head))
    if separators:
        features.append("trail=" + ("1" if separators == 1 else "2+"))
    if len(words) <= _NAME_WORDS and not _ends_sentence(stripped) and _organisation_words().intersection(words):
        features.append("organisation")  # "Northshire City Council", "Ministry of Transport": a letterhead's shape
    if _LEADING_PLACE.match(head):
        features.append("place-open")
    if len(words) <= _SHORT_LINE_WORDS:
        # The words of a short line: "Jaa", "Tulosta", "Takaisin" are the page's in any language the corpus has.
        features.extend("tok=" + word.strip(_EDGE) for word in words if len(word.strip(_EDGE)) > 1)
    if dated:
        features.extend("date" + where for where in signals.date_positions(stripped))
    # Recognisers as "sig=name"; lexicon concepts as they come ("lex=share": the whole line, "lex^by": its start).
    features.extend(name if name.startswith("lex") else "sig=" + name for name in signals.hits(stripped))
    return features


def _own_rows(lines: Sequence[Line]) -> list[tuple[str, ...]]:
    """Each line's own features. Dates are looked for where a release's dates stand: its first and last lines,
    and any line that is not a sentence (a sentence in the middle of the body is the body's, and a long release
    costs little). A line's own features depend on its text alone, and scrapes repeat lines (a body scraped
    twice): each distinct line is looked at once, and its lines share one tuple."""
    count = len(lines)
    known: dict[tuple[str, str, bool], tuple[str, ...]] = {}
    own = []
    for index, line in enumerate(lines):
        dated = index < _DATED_HEAD or count - index <= _DATED_TAIL or _short(line.text)
        features = known.get((line.text, line.element, dated))
        if features is None:
            features = known[line.text, line.element, dated] = tuple(_own_features(line.text, line.element, dated=dated))
        own.append(features)
    return own


def _shown(features: Sequence[str]) -> list[str]:
    """What a line shows its neighbours."""
    return [
        feature for feature in features if feature.split("=")[0] in _NEIGHBOUR_KEYS or feature.startswith(("date", "sig=", "lex"))
    ]


def line_features(lines: Sequence[Line], rule_roles: Sequence[str] | None = None) -> list[list[str]]:
    """The feature list of every line, with its neighbours' main features and its place in the release.
    `rule_roles` is the rule-based reading's role of each line (`signals.rule_reading`), worked out here if not given."""
    count = len(lines)
    if rule_roles is None:
        rule_roles = signals.rule_reading([line.text for line in lines]).roles
    own, zoned, shown = _picked_rows(lines, rule_roles)
    line_keys: dict[str, str] = {}
    keys = [line_keys.get(line.text) or line_keys.setdefault(line.text, line_key(line.text)) for line in lines]
    seen: dict[str, int] = {}
    first_sentence = next(
        (index for index, line in enumerate(lines) if len(line.text.split()) >= 10 and _ends_sentence(line.text)), count
    )
    # The first line that no signal calls the page's, a date or a label: where an editor looks for the title.
    candidate = next((index for index, features in enumerate(own) if not _NOT_A_TITLE.intersection(features)), count)
    longest = max(range(count), key=lambda index: len(lines[index].text)) if count else 0
    later_count = Counter(keys)
    # What only the whole release shows about a line (its words in the lead, a run of short lines, a list's shape).
    context = context_features([line.text for line in lines])
    prefixed: dict[tuple[int, str], list[str]] = {}  # see `_prefixed`
    result: list[list[str]] = []
    for index, features in enumerate(own):
        later_count[keys[index]] -= 1
        row = ["bias", "pos=" + _bucket(index, (0, 1, 2, 3, 5, 9), ("0", "1", "2", "3", "4-5", "6-9", "10+"))]
        row.append("from_end=" + _bucket(count - 1 - index, (0, 1, 2, 5), ("0", "1", "2", "3-5", "6+")))
        row.append("rel=" + str(min(4, index * 5 // max(1, count))))
        row.append("zone=" + ("header" if index < first_sentence else "first" if index == first_sentence else "body"))
        if index == longest:
            row.append("longest")
        key = keys[index]
        if index == candidate:
            row.append("first-candidate")
        if index + 1 == first_sentence:
            row.append("before-first-sentence")
        if key and later_count[key] > 0:
            row.append("repeated-later")
        for offset, name in ((-1, "prev"), (1, "next")):
            other = index + offset
            if key and 0 <= other < count and len(key) >= 8 and keys[other] != key and key in keys[other]:
                row.append("inside-" + name)  # a breadcrumb or a caption that holds this line
        if key and key in seen:
            row.append("repeat")
            row.append("repeat_gap=" + _bucket(index - seen[key], (1, 3, 10), ("1", "2-3", "4-10", "far")))
        elif key:
            seen[key] = index
        if index and key and keys[0] and key != keys[0] and (key.startswith(keys[0]) or keys[0].startswith(key)):
            row.append("shares-first")
        row.extend(features)
        row.extend(context[index])
        # The same signals mean different things above the first sentence and below it ("News" is a label up
        # there and a subheading down here): each is also given conjoined with the zone.
        zone = row[4] + "|"
        row.extend(_prefixed(prefixed, zoned[index], zone))
        for offset, mark in _OFFSETS:
            other = index + offset
            row.extend(_prefixed(prefixed, shown[other], mark) if 0 <= other < count else (mark + "none",))
        result.append(row)
    return result


def _picked_rows(
    lines: Sequence[Line], rule_roles: Sequence[str]
) -> tuple[list[tuple[str, ...]], list[list[str]], list[list[str]]]:
    """Each line's own features with the rule's role for it, what it shows its neighbours, and what is
    conjoined with its zone: picked once per distinct (line, role), as a scrape repeats its lines, and shared."""
    picked: dict[tuple[int, str], tuple[tuple[str, ...], list[str], list[str]]] = {}
    own, zoned, shown = [], [], []
    for features, rule in zip(_own_rows(lines), rule_roles, strict=True):
        entry = picked.get((id(features), rule))
        if entry is None:
            with_rule = (*features, "rule=" + rule)
            entry = picked[id(features), rule] = (
                with_rule, [feature for feature in with_rule if feature.startswith(_ZONED)], _shown(with_rule)
            )
        own.append(entry[0])
        zoned.append(entry[1])
        shown.append(entry[2])
    return own, zoned, shown


def _prefixed(cache: dict[tuple[int, str], list[str]], features: list[str], prefix: str) -> list[str]:
    """`features` each behind `prefix` ("1:len=short"), made once per shared list and prefix. `cache` lives
    no longer than the lists it is keyed by (one `line_features` call), so their ids stay theirs."""
    found = cache.get((id(features), prefix))
    if found is None:
        found = cache[id(features), prefix] = [prefix + feature for feature in features]
    return found


#: The neighbours a line sees, and the prefix their features carry on it.
_OFFSETS = ((-2, "-2:"), (-1, "-1:"), (1, "1:"), (2, "2:"))


def features_of(texts: Sequence[str]) -> list[list[str]]:
    """Features for plain lines of text (the text reader's case)."""
    return line_features([Line(text) for text in texts])
