"""The document model every reader produces and every writer consumes.

Frozen dataclasses with tuples, no I/O and no third-party imports: a `Release`
can be shared between threads, hashed, compared in tests and copied with
`dataclasses.replace` without any writer being able to change what another sees.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from pressconv.errors import InvalidReleaseError

DEFAULT_LANGUAGE = "en-GB"

# What no writer can carry: characters XML 1.0 forbids, line breaks (one
# paragraph is one line) and lone surrogates. The reader removes them from
# raw input; a Release built by hand is checked here so every writer can
# trust every Release.
_UNWRITABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something worth telling the user that did not stop the conversion.

    Notices are data, not log lines, so the CLI, the JSON output and an
    embedding tool can each show them their own way.
    """

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text the cleaner dropped, and why.

    `paragraph` is the 1-based position of the dropped paragraph in the
    release as it was handed to the cleaner; `duplicate_of` is the 1-based
    paragraph it repeats (0 for the title), so a reader can check the claim.
    """

    paragraph: int
    reason: str
    text: str
    duplicate_of: int | None = None

    @property
    def message(self) -> str:
        if self.reason == "repeats-title":
            return f"paragraph {self.paragraph} repeats the title"
        if self.reason == "glued-copy":
            return f"paragraph {self.paragraph} held its own text twice; the copy was dropped"
        if self.reason == "glued-repeat":
            return f"paragraph {self.paragraph} had a copy of paragraph {self.duplicate_of} glued onto it; the copy was dropped"
        return f"paragraph {self.paragraph} repeats paragraph {self.duplicate_of}"


@dataclass(frozen=True, slots=True)
class Release:
    """A press release: what was published, when, in which language.

    `date` is None when the release does not say; nothing downstream may
    invent one. `removed` and `notices` record what happened on the way here,
    so the model stays self-describing when it is written to JSON.
    """

    title: str
    date: datetime.date | None
    paragraphs: tuple[str, ...]
    language: str = DEFAULT_LANGUAGE
    source: str | None = None
    source_url: str | None = None
    removed: tuple[Removal, ...] = field(default=(), compare=False)
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        check_writable(self.title, self.paragraphs)


@dataclass(frozen=True, slots=True)
class Collection:
    """Many releases published as one document (an e-book of a year's releases, say).

    `releases` are in reading order; `build_collection` sorts them by date, then title.
    """

    title: str
    releases: tuple[Release, ...]
    language: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        check_writable(self.title, ())


def check_writable(title: str, paragraphs: tuple[str, ...]) -> None:
    """Refuse text that no writer could carry, naming where it is."""
    for where, text in (("the title", title), *((f"paragraph {n}", p) for n, p in enumerate(paragraphs, 1))):
        bad = _UNWRITABLE.search(text)
        if bad is not None:
            raise InvalidReleaseError(f"{where} holds U+{ord(bad.group()):04X}, which no output format can carry")
