"""The role of each line of a release, as an editor would read it, from a trained sequence labeller.

A linear-chain CRF (python-crfsuite, the labeller GROBID's header model and datamade's usaddress use
for the same kind of problem) labels every line with one `Role` from the features in `features`.
The model is trained from the annotated corpus (``corpus/``) by ``scripts/train_roles.py``, ships in
this package as ``roles.crfsuite`` and is loaded on first use only.

Both readers call `label`, the text reader with plain lines, the html reader with each block's
element name as well, so their notion of a header cannot drift apart.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from pressconv.readers.roles.features import Line, line_features

if TYPE_CHECKING:
    import pycrfsuite

MODEL_FILE = "roles.crfsuite"


class Role(enum.StrEnum):
    """What a line is to the release (the corpus's roles, `corpus/README.md`)."""

    TITLE = "title"
    DATE = "date"
    TITLE_DATE = "title+date"
    LABEL = "label"
    BYLINE = "byline"
    DATELINE_PARAGRAPH = "dateline-paragraph"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    NOTES_HEADING = "notes-heading"
    NOTES = "notes"
    CONTACT = "contact"
    END_MARK = "end-mark"
    CHROME = "chrome"
    CAPTION = "caption"
    REPEAT = "repeat"


@functools.lru_cache(maxsize=1)  # the shipped model: constant data, read once per process
def _tagger() -> pycrfsuite.Tagger:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files(__package__) / MODEL_FILE) as path:
        tagger.open(str(path))
    return tagger


@dataclass(frozen=True, slots=True)
class Labels:
    """The role of every line, and how likely the model finds each line to be the title."""

    roles: tuple[Role, ...]
    title_probability: tuple[float, ...]


def label(lines: Sequence[Line], rule_roles: Sequence[str] | None = None) -> Labels:
    """The role of every line, in order. `rule_roles`: see `features.line_features`."""
    if not lines:
        return Labels((), ())
    tagger = _tagger()
    features = line_features(lines, rule_roles)
    roles = [Role(tag) for tag in tagger.tag(features)]
    names = set(tagger.labels())
    title = tuple(
        0.0 if never else sum(tagger.marginal(str(role), index) for role in _TITLES if str(role) in names)
        for index, never in enumerate(_never_titles(features))
    )
    headline = _headline(features, rule_roles, title)
    return Labels(tuple(_sure_page_lines(_at_most_one_title(roles, tagger, title, headline), tagger, features)), title)


#: Lines that are never a release's title, whatever the model says: a line that is wholly a label ("PRESS
#: RELEASE"), wholly a date, or a widget of the page, that opens with a byline's "By" (it names the author), or
#: that ends in a comma (a sentence broken over lines, a salutation). An editor never takes one for the headline.
_NEVER_TITLE = frozenset(
    {"lex=label", "date@whole", "sig=chrome", "lex=share", "lex=print", "lex=navigation", "lex^by", "lex=by", "end=comma"}
)


#: …nor a whole sentence of a paragraph's length: 26 words or more (or, in a script written without spaces, over
#: 250 characters) ending as a sentence ends. A headline is never that long a sentence; a scrape that lost its
#: headline opens with one (no title of the corpus's train and dev splits is one).
_PARAGRAPH_LONG = frozenset({"words=26+", "len=huge"})


def _never_titles(features: Sequence[Sequence[str]]) -> list[bool]:
    return [
        bool(_NEVER_TITLE.intersection(row)) or ("end=stop" in row and bool(_PARAGRAPH_LONG.intersection(row)))
        for row in features
    ]


_TITLES = (Role.TITLE, Role.TITLE_DATE)
#: How sure the model must be that a line is the page's before it leaves the release (see `_sure_page_lines`).
PAGE_CONFIDENCE = 0.95
_PAGE = (Role.CHROME, Role.CAPTION)


#: What makes a line plainly the page's whatever its length: a recogniser or a lexicon concept of the page.
_PAGE_SIGNS = frozenset(
    {"sig=chrome", "lex=share", "lex=print", "lex=navigation", "lex=tags", "lex=comments", "lex=cookie", "lex=copyright",
     "lex=site_notice", "lex=caption", "lex^caption_label", "lex^cookie", "lex^copyright", "lex^site_notice"}
)
#: A line this long (in words) that ends as a sentence ends is someone's sentence: the page's only with one of
#: `_PAGE_SIGNS` ("We use cookies to …").
_SENTENCE_WORDS = ("words=7-12", "words=13-25", "words=26+")
#: …or this long in characters; in a script written without spaces (a Japanese or Thai sentence is one or two
#: "words") a medium length is a sentence too.
_SENTENCE_LENGTHS = ("len=long", "len=vlong", "len=huge")
_UNSPACED = ("words=1", "words=2-3")


def _sure_page_lines(roles: list[Role], tagger: pycrfsuite.Tagger, features: Sequence[Sequence[str]]) -> list[Role]:
    """Guard: only text that is plainly the website leaves the release. A line the model calls the page's
    with less than `PAGE_CONFIDENCE`, a sentence-long line no page recogniser or page word marks, or a line of
    neither letters nor digits (a separator, which the cleaner treats as layout) stays the release's, in its
    most likely other role: a doubtful line kept costs a reader a glance, a release line lost costs the release."""
    labels = [Role(name) for name in tagger.labels()]
    kept = [role for role in labels if role not in _PAGE and role not in _TITLES]
    chosen = list(roles)
    for index, role in enumerate(roles):
        if role not in _PAGE:
            continue
        sure = sum(tagger.marginal(str(page), index) for page in _PAGE if page in labels) >= PAGE_CONFIDENCE
        row = features[index]
        long_enough = any(bucket in row for bucket in (*_SENTENCE_WORDS, *_SENTENCE_LENGTHS)) or (
            "len=medium" in row and any(bucket in row for bucket in _UNSPACED)
        )
        sentence = long_enough and ("end=stop" in row or "end=close" in row)
        plain = not sentence or bool(_PAGE_SIGNS.intersection(row))
        layout = "case=noletters" in row and "digits=0" in row  # "***", "—": a separator of the release's, kept
        if not (sure and plain) or layout:
            chosen[index] = max(kept, key=lambda other: tagger.marginal(str(other), index))
    return chosen


#: How likely the model must find some line to be the title for the release to have one at all (the largest of
#: `Labels.title_probability`). Below it no line is the title: an editor would not promote the body's first
#: sentence or a line of the page to a headline (unless the grammar's title line looks like one, `_headline`).
#: Tuned on the corpus's train and dev splits (docs/reading.md): the releases annotated with no title have their
#: likeliest title line below 0.07 in 10 of 16 dev and 40 of 69 train releases (33 after `_headline`), and no
#: release that has a title has its own below 0.078 (dev) or 0.079 (train).
NO_TITLE = 0.07


#: What a headline looks like at a glance, in any language (`features`): a few words, not a sentence's length, not
#: ending as a sentence or a lead-in ends ("…, said:", "Dear residents,").
_HEADLINE_WORDS = frozenset({"words=1", "words=2-3", "words=4-6", "words=7-12"})
_HEADLINE_ENDS = frozenset({"end=letter", "end=digit", "end=close"})
_HEADLINE_LENGTHS = frozenset({"len=vshort", "len=short", "len=medium", "len=long"})


def _headline(features: Sequence[Sequence[str]], rule_roles: Sequence[str] | None, title: Sequence[float]) -> bool:
    """Guard: whether the header grammar's title line looks like a headline (`_HEADLINE_WORDS`, `_HEADLINE_ENDS`,
    `_HEADLINE_LENGTHS`; a title+date line, the grammar's headline with its date glued on, always) and is not a line
    that is never a title. A release that opens with such a line and goes on with its text ("Budget agreed" / "The
    council…", the text format's own shape) has a title even where the model, trained on long pages, is unsure of
    every line: an editor reads that line as the headline, and the header grammar, which the assembler keeps where
    the model is unsure (`assemble._model_is_sure`), reads it. On the corpus's train and dev splits it takes no
    release's title away, and gives one to seven of the 85 untitled ones (a caption's name, page labels, a page's
    date line: all in train; none in dev)."""
    if rule_roles is None:
        return False
    at = next((index for index, rule in enumerate(rule_roles) if rule in ("title", "title+date")), None)
    if at is None or title[at] <= 0:
        return False
    if rule_roles[at] == "title+date":
        # The grammar read a headline with its date (and perhaps a label, an issuer) glued on: how the line ends
        # and how long it is are the date's and the other parts' doing. The release's shape is the text format's.
        return True
    row = set(features[at])
    return bool(row & _HEADLINE_WORDS and row & _HEADLINE_ENDS and row & _HEADLINE_LENGTHS)


def has_title(labels: Labels) -> bool:
    """Whether the labeller gave the release a title line (see `NO_TITLE`)."""
    return any(role in _TITLES for role in labels.roles)


def _at_most_one_title(roles: list[Role], tagger: pycrfsuite.Tagger, title: Sequence[float], headline: bool) -> list[Role]:
    """Guard: a release has one title line, or none. Where the model finds no line at least `NO_TITLE` likely
    to be the title and the grammar's title line is no `headline`, there is none: every line labelled title
    takes its most likely other role (it stays in the body, nothing lost). Otherwise, where the best sequence
    has no title line, several, or one that is never a title, the line most likely to be the title (`title`: the
    model's marginal probabilities, with the lines that are never a title at 0) is the title, and any other line
    labelled title takes its most likely other role (the assembler weighs that line against the grammar's)."""
    titled = [index for index, role in enumerate(roles) if role in _TITLES]
    likeliest = max(range(len(roles)), key=lambda index: title[index])
    best = likeliest if title[likeliest] >= NO_TITLE or headline else None
    if best is not None and titled == [best] and title[best] > 0:
        return roles
    labels = [Role(name) for name in tagger.labels()]
    others = [role for role in labels if role not in _TITLES]
    chosen = list(roles)
    for index in titled:
        if index != best:
            chosen[index] = max(others, key=lambda role: tagger.marginal(str(role), index))
    if best is not None and chosen[best] not in _TITLES:
        chosen[best] = max((role for role in _TITLES if role in labels), key=lambda role: tagger.marginal(str(role), best))
    return chosen


def label_texts(texts: Sequence[str], rule_roles: Sequence[str] | None = None) -> Labels:
    """`label` for plain lines of text."""
    return label([Line(text) for text in texts], rule_roles)


__all__ = ["NO_TITLE", "Labels", "Line", "Role", "has_title", "label", "label_texts"]
