"""The document model every reader produces and every writer consumes.

Frozen dataclasses with tuples, no I/O and no third-party imports: a `Release`
can be shared between threads, hashed, compared in tests and copied with
`dataclasses.replace` without any writer being able to change what another sees.

The body is a sequence of blocks — paragraphs, headings, lists, a notes
section, a contact block, an end mark — found by a reader. Links are data on
the text that holds them (`Link` spans), so no writer ever looks for URLs.
`Release.paragraphs` is a derived, flat view of the same text for callers
that only want strings.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

from pressconv.errors import InvalidReleaseError

DEFAULT_LANGUAGE = "en-GB"

# What no writer can carry: characters XML 1.0 forbids, line breaks (one
# block of text is one line) and lone surrogates. Readers remove them from
# raw input; a Release built by hand is checked here so every writer can
# trust every Release.
_UNWRITABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something worth telling the user that did not stop the conversion.

    Notices are data, not log lines, so the CLI, the JSON output and an
    embedding tool can each show them their own way. Built-in codes are the
    members of `pressconv.notices.Code`; plugins may use codes of their own.
    """

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text the cleaner dropped, and why.

    `paragraph` is the 1-based position of the dropped text in the release's
    `paragraphs` view as it was handed to the cleaner; `duplicate_of` is the
    1-based position it repeats (0 for the title), so a reader can check the claim.
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
        if self.reason == "page-chrome":
            return f"paragraph {self.paragraph} is part of the web page, not the release ({self.text!r})"
        if self.reason == "outside-release":
            return f"block {self.paragraph} of the page lies outside the release ({_excerpt(self.text)!r})"
        if self.reason == "page-furniture":
            return f"block {self.paragraph} of the page is the site's furniture inside the release ({_excerpt(self.text)!r})"
        return f"paragraph {self.paragraph} repeats paragraph {self.duplicate_of}"


@dataclass(frozen=True, slots=True)
class Link:
    """A link on a span of text: `text[start:end]` points at `href` (an http(s) URL or a mailto:)."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text with its links: a list item, a contact line."""

    text: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body. `lang` (a BCP 47 tag) is set only when it is in another language than the release's."""

    text: str
    links: tuple[Link, ...] = ()
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A subheading inside the release; level 2 is the first level under the title."""

    text: str
    level: int = 2
    links: tuple[Link, ...] = ()
    #: Set only when the heading is in another language than the release's (see `Paragraph`).
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted (`ordered=False`) or numbered list; `start` is the first item's number."""

    items: tuple[Text, ...]
    ordered: bool = False
    start: int = 1
    #: Set only when the list is in another language than the release's (see `Paragraph`).
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class ContactBlock:
    """Who to call: a media contact's name, role, phone and e-mail, one line each."""

    lines: tuple[Text, ...]
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class EndMark:
    """ "ENDS", "-30-", "###": where the release proper ends. Never a repeat, never dropped."""

    text: str


@dataclass(frozen=True, slots=True)
class NotesSection:
    """ "Notes to editors" and what follows it: background a journalist may use."""

    heading: str
    blocks: tuple[Block, ...]


Block = Union[Paragraph, Heading, ListBlock, NotesSection, ContactBlock, EndMark]  # noqa: UP007 - a runtime alias
#: The block types, for `isinstance` checks and exhaustive dispatch.
BLOCK_TYPES: tuple[type, ...] = (Paragraph, Heading, ListBlock, NotesSection, ContactBlock, EndMark)


def _excerpt(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


@dataclass(frozen=True, slots=True)
class Release:
    """A press release: what was published, when, by whom, in which language.

    `date` is None when the release does not say, and `title` is None when it
    has no headline (a notice, a repost that lost it): nothing downstream may
    invent either, and a writer that needs a name for the document asks
    `pressconv.l10n.document_title`. `blocks` may be given as plain strings (each becomes a
    `Paragraph`), so `Release("Title", None, ("Text.",))` works as it always
    has. `removed` and `notices` record what happened on the way here, so the
    model stays self-describing when it is written to JSON.
    """

    title: str | None
    date: datetime.date | None
    blocks: tuple[Block, ...] = ()
    language: str = DEFAULT_LANGUAGE
    source: str | None = None
    source_url: str | None = None
    removed: tuple[Removal, ...] = field(default=(), compare=False)
    notices: tuple[Notice, ...] = field(default=(), compare=False)
    #: When the release was last updated, if it says so (kept apart from the publication date).
    updated: datetime.date | None = None
    #: The byline's author ("Jane Smith"); writers use it as the default document author.
    byline: str | None = None
    #: The organisation or department that issued it ("Ministry of Transport").
    issuer: str | None = None
    #: A label the page carried ("PRESS RELEASE", "FOR IMMEDIATE RELEASE"), kept as data, not text.
    label: str | None = None
    #: When an archive captured it (a WARC record's date, a corpus record's timestamp), as given.
    timestamp: str | None = None
    #: The 1-based numbers, in the `paragraphs` view, of the body lines the reader judged to be the web page's
    #: (share buttons, breadcrumbs, captions) rather than the release's: the page-chrome cleaning step removes
    #: and reports them, so a reader's judgement is never a silent drop (`--keep-chrome` keeps them).
    page_lines: tuple[int, ...] = field(default=(), compare=False)
    #: Set by a reader whose source shows its repeats by its structure (an html page's elements): the reader took
    #: out the true repeats itself (the same block twice in a row, a hidden copy), so text repeated elsewhere is
    #: the release's own (one item in several lists) and the cleaner's repeats step leaves it.
    repeats_judged: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if any(isinstance(block, str) for block in self.blocks):
            coerced = tuple(Paragraph(block) if isinstance(block, str) else block for block in self.blocks)
            object.__setattr__(self, "blocks", coerced)
        elif not isinstance(self.blocks, tuple):
            object.__setattr__(self, "blocks", tuple(self.blocks))
        check_writable(self.title, self.blocks)
        for name in ("byline", "issuer", "label"):
            value = getattr(self, name)
            if value is not None:
                _check_text(value, f"the {name}")
        # Where it came from is not the release's text but metadata from outside (a file name, a corpus record's
        # URL, an archive's date): made writable here, once, for every format (XMP, core properties and OPF are XML).
        for name in ("source", "source_url", "timestamp"):
            value = getattr(self, name)
            if isinstance(value, str) and unwritable(value) is not None:
                object.__setattr__(self, name, writable(value))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every piece of body text in reading order: a flat view of `blocks` for callers that want strings.

        A section's heading comes before its content; each list item and each
        contact line is its own entry (items without their marker glyphs).
        """
        return tuple(unit for unit in iter_texts(self.blocks))


@dataclass(frozen=True, slots=True)
class Collection:
    """Many releases published as one document (an e-book of a year's releases, say).

    `releases` are in reading order; `build_collection` sorts them by date, then title.
    """

    title: str
    releases: tuple[Release, ...]
    language: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        _check_text(self.title, "the collection title")


def iter_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    """The text of every text-bearing block, in reading order (the `paragraphs` view)."""
    for block in blocks:
        match block:
            case Paragraph(text=text) | Heading(text=text) | EndMark(text=text):
                yield text
            case ListBlock(items=items):
                yield from (item.text for item in items)
            case ContactBlock(lines=lines, heading=heading):
                if heading:
                    yield heading
                yield from (line.text for line in lines)
            case NotesSection(heading=heading, blocks=inner):
                yield heading
                yield from iter_texts(inner)


def block_links(block: Block) -> tuple[Link, ...]:
    """The links of a block that has one text (paragraph, heading); () otherwise."""
    if isinstance(block, (Paragraph, Heading)):
        return block.links
    return ()


def check_writable(title: str | None, blocks: tuple[Block, ...]) -> None:
    """Refuse text that no writer could carry, naming where it is. No title is no text: nothing to refuse."""
    if title is not None:
        _check_text(title, "the title")
    texts = list(iter_texts(blocks))
    if not all(isinstance(text, str) for text in texts) or _UNWRITABLE.search(" ".join(texts)):
        for number, text in enumerate(texts, 1):  # only to say where: the joined search found something
            _check_text(text, f"paragraph {number}")
    for block in _walk(blocks):
        if type(block) is Paragraph and not block.links:
            continue  # the common case, checked above
        if not isinstance(block, BLOCK_TYPES):
            raise InvalidReleaseError(f"{block!r} is not a block; use Paragraph, Heading, ListBlock, … from pressconv.model")
        for content, links in _texts_with_links(block):
            for link in links:
                if not 0 <= link.start < link.end <= len(content):
                    raise InvalidReleaseError(f"link {link!r} does not lie inside its text {content!r}")
                _check_text(link.href, "a link target")


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, NotesSection):
            yield from _walk(block.blocks)


def _texts_with_links(block: Block) -> Iterator[tuple[str, tuple[Link, ...]]]:
    if isinstance(block, (Paragraph, Heading)):
        yield block.text, block.links
    elif isinstance(block, ListBlock):
        yield from ((item.text, item.links) for item in block.items)
    elif isinstance(block, ContactBlock):
        yield from ((line.text, line.links) for line in block.lines)


def unwritable(text: str) -> str | None:
    """The first character of `text` that no output format can carry (a control, a lone surrogate…), if any."""
    found = _UNWRITABLE.search(text)
    return None if found is None else found.group()


def writable(text: str) -> str:
    """`text` with each character no output format can carry (a control, a lone surrogate from an
    undecodable file name…) replaced by U+FFFD: for metadata from outside the release's text."""
    return _UNWRITABLE.sub("\ufffd", text)


def _check_text(text: str, where: str) -> None:
    if not isinstance(text, str):
        raise InvalidReleaseError(f"{where} is {type(text).__name__}, not text")
    bad = unwritable(text)
    if bad is not None:
        raise InvalidReleaseError(f"{where} holds U+{ord(bad):04X}, which no output format can carry")
