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


#: Roles whose lines are the release's own words (a repeat is too, until cleaning reports it).
BODY_ROLES = frozenset(
    {
        Role.DATELINE_PARAGRAPH,
        Role.PARAGRAPH,
        Role.SUBHEADING,
        Role.LIST_ITEM,
        Role.QUOTE,
        Role.NOTES_HEADING,
        Role.NOTES,
        Role.CONTACT,
        Role.END_MARK,
        Role.REPEAT,
    }
)


@functools.lru_cache(maxsize=1)  # the shipped model: constant data, read once per process
def _tagger() -> pycrfsuite.Tagger:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files(__package__) / MODEL_FILE) as path:
        tagger.open(str(path))
    return tagger


def label(lines: Sequence[Line]) -> list[Role]:
    """The role of every line, in order (an empty list for no lines)."""
    if not lines:
        return []
    return [Role(tag) for tag in _tagger().tag(line_features(lines))]


def label_texts(texts: Sequence[str]) -> list[Role]:
    """`label` for plain lines of text."""
    return label([Line(text) for text in texts])


__all__ = ["BODY_ROLES", "Line", "Role", "label", "label_texts"]
