"""The `text` reader: raw scraped releases, one block per line.

The format, as scrapers produce it: the title first, usually with its
publication date glued on (``…integrationPublished 07/03/2014``), perhaps a
label, a byline or a date line around it; then one paragraph, list item,
subheading… per line. Decoding, the header and the body's structure are each
their own module; this one puts them together.
"""

from __future__ import annotations

from typing import ClassVar

from pressconv.errors import InputError
from pressconv.model import Release
from pressconv.notices import Code, notice
from pressconv.options import ReadOptions
from pressconv.readers.decoding import clean_text, decode
from pressconv.readers.header import split_header
from pressconv.readers.structure import flat_paragraphs, recover_structure


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


def read_text(text: str, options: ReadOptions, notices: list | None = None) -> Release:  # type: ignore[type-arg]
    """A release from decoded text (already normalised by `decoding`)."""
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError("input holds no text, only spaces or control characters")
    header = split_header(lines, month_first=options.month_first)
    if not header.title:
        raise InputError("input has a publication date but no title")
    body = lines[header.body_start :]
    extra = []
    if not body:
        extra.append(notice(Code.NO_BODY, "the release has a title but no paragraphs"))
    blocks = recover_structure(body) if options.structure else flat_paragraphs(body)
    return Release(
        title=header.title,
        date=header.date,
        blocks=blocks,
        language=options.language_or_default,
        notices=(*(notices or ()), *header.notices, *extra),
        updated=header.updated,
        byline=header.byline,
        issuer=header.issuer,
        label=header.label,
    )


def parse_text(source: bytes | str, options: ReadOptions) -> Release:
    """Bytes (encoding detected) or already-decoded text → `Release`, with the text reader."""
    if isinstance(source, str):
        text, notices = clean_text(source, max_chars=options.max_bytes)
        return read_text(text, options, notices)
    return TextReader().read(bytes(source), options)
