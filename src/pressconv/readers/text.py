"""The `text` reader: raw scraped releases, one block per line.

The format, as scrapers produce it: the title first, usually with its
publication date glued on (``…integrationPublished 07/03/2014``), perhaps a
label, a byline or a date line around it; then one paragraph, list item,
subheading… per line. Decoding, the header and the body's structure are each
their own module; this one puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from pressconv.errors import InputError
from pressconv.lines import is_chrome
from pressconv.model import Notice, Release
from pressconv.notices import Code, notice
from pressconv.options import ReadOptions
from pressconv.readers.decoding import clean_text, decode
from pressconv.readers.header import split_header
from pressconv.readers.structure import flat_paragraphs, leading_contact, recover_structure


class TextReader:
    name: ClassVar[str] = "text"
    description: ClassVar[str] = "raw scraped press releases: title and date line, then one block per line"
    media_types: ClassVar[tuple[str, ...]] = ("text/plain",)
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        return False  # plain text has no signature: it is the fallback

    def read(self, data: bytes, options: ReadOptions) -> Release:
        text, notices = decode(data, encoding=options.encoding, max_bytes=options.max_bytes)
        return read_text(text, options, notices)


def read_text(text: str, options: ReadOptions, notices: Sequence[Notice] = ()) -> Release:
    """A release from decoded text (already normalised by `decoding`)."""
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError("input holds no text, only spaces or control characters")
    page_lines, lines = _page_lines_at_the_top(lines)
    if not lines:
        raise InputError("input holds only lines of a web page (navigation, share buttons), no release")
    contact_lines: list[str] = []
    if options.structure:
        contact = leading_contact(lines)
        if contact is not None:
            # "Media Contact:" and its lines above the title (agency style): a block of the body, never the title.
            start, end = contact
            contact_lines, lines = lines[start:end], lines[:start] + lines[end:]
    header = split_header(lines, month_first=options.month_first)
    if not header.title:
        raise InputError("input has a publication date but no title")
    # Lines of the web page that stood among the header lines open the body, where the page-chrome
    # cleaning step removes them and reports it (or --keep-chrome keeps them): never the title, never lost.
    body = [*page_lines, *contact_lines, *lines[header.body_start :]]
    extra = []
    if not body:
        extra.append(notice(Code.NO_BODY, "the release has a title but no paragraphs"))
    blocks = recover_structure(body) if options.structure else flat_paragraphs(body)
    return Release(
        title=header.title,
        date=header.date,
        blocks=blocks,
        language=options.language_or_default,
        notices=(*notices, *header.notices, *extra),
        updated=header.updated,
        byline=header.byline,
        issuer=header.issuer,
        label=header.label,
    )


#: How far down the page chrome may stand among the header lines (breadcrumbs, "Share this page").
_HEADER_WINDOW = 8
_LONGEST_PAGE_LINE = 160
_FIRST_SENTENCE_WORDS = 10
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _page_lines_at_the_top(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off the web page's own lines (breadcrumbs, share buttons) from the first few lines, so that
    the header is read without them; returns (page lines, the other lines), each in order."""
    window = lines[:_HEADER_WINDOW]
    # The header ends where the first sentence of the body begins; page lines below it stay where they are.
    for index, line in enumerate(window[1:], start=1):
        if len(line.split()) >= _FIRST_SENTENCE_WORDS and line.rstrip("\"'”’)»").endswith((".", "!", "?")):
            window = window[:index]
            break
    page = [
        index
        for index, line in enumerate(window)
        if len(line) <= _LONGEST_PAGE_LINE and not _YEAR.search(line) and is_chrome(line)  # a dated line is the header's
    ]
    if not page:
        return [], lines
    chosen = set(page)
    return [lines[index] for index in page], [line for index, line in enumerate(lines) if index not in chosen]


def parse_text(source: bytes | str, options: ReadOptions) -> Release:
    """Bytes (encoding detected) or already-decoded text → `Release`, with the text reader."""
    if isinstance(source, str):
        text, notices = clean_text(source, max_chars=options.max_bytes)
        return read_text(text, options, notices)
    return TextReader().read(bytes(source), options)
