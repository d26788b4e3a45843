"""The `text` reader: raw scraped releases, one block per line.

The format, as scrapers produce it: the title first (when the release has one), usually with its
publication date glued on (``…integrationPublished 07/03/2014``), perhaps a
label, a byline or a date line around it; then one paragraph, list item,
subheading… per line. Decoding, the header and the body's structure are each
their own module; this one puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pressconv.errors import InputError
from pressconv.language import identify_languages
from pressconv.model import Notice, Release
from pressconv.notices import Code, notice
from pressconv.options import ReadOptions
from pressconv.readers.decoding import clean_text, decode
from pressconv.readers.roles import label_texts
from pressconv.readers.roles.assemble import PAGE_ROLES, assemble_header, build_blocks
from pressconv.readers.roles.signals import rule_reading
from pressconv.readers.structure import flat_paragraphs


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
    """A release from decoded text (already normalised by `decoding`): every line labelled with its role
    (`readers.roles`), then the header's parts and the body's blocks read from the lines of each role."""
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError("input holds no text, only spaces or control characters")
    rules = rule_reading(lines, month_first=options.month_first)
    labels = label_texts(lines, rules.roles)
    if rules.only_page or all(role in PAGE_ROLES for role in labels.roles):
        raise InputError("input holds only lines of a web page (navigation, share buttons), no release")
    found = assemble_header(lines, labels, rules, month_first=options.month_first)
    if not found.title and all(role in PAGE_ROLES for role in found.body_roles):
        # No title and no text of the release's own (a date line, a label, the page's lines): no release to read.
        raise InputError("input has no title and no text of a release (only a date, a label or lines of a web page)")
    extra = []
    if not found.body:
        extra.append(notice(Code.NO_BODY, "the release has a title but no paragraphs"))
    if options.structure:
        blocks, page_lines = build_blocks(found.body, found.body_roles)
    else:
        blocks = flat_paragraphs(found.body)
        page_lines = tuple(number for number, role in enumerate(found.body_roles, 1) if role in PAGE_ROLES)
    release = Release(
        title=found.title or None,
        date=found.date,
        blocks=blocks,
        language=options.language_or_default,
        notices=(*notices, *found.notices, *extra),
        updated=found.updated,
        byline=found.byline,
        issuer=found.issuer,
        label=found.label,
        page_lines=page_lines,
    )
    return identify_languages(release, options.language)


def parse_text(source: bytes | str, options: ReadOptions) -> Release:
    """Bytes (encoding detected) or already-decoded text → `Release`, with the text reader."""
    if isinstance(source, str):
        text, notices = clean_text(source, max_chars=options.max_bytes)
        return read_text(text, options, notices)
    return TextReader().read(bytes(source), options)
