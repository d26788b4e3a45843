"""Web archives as a source: every HTML page a crawler captured in a WARC (or ARC) file becomes one `Source`.

Heritrix, Browsertrix and ``wget --warc-file`` write WARC files: a series of
records, each gzip-compressed on its own in ``.warc.gz``. `warcio` reads them
(and old ``.arc`` files), removes HTTP chunking and content encoding, and
here each successful HTML response (status 200, ``text/html`` or XHTML)
becomes a `Source` with the record's target URI and capture date kept.

A page's `data` starts with a short HTTP head — status line, the response's
``Content-Type`` and a ``Content-Location`` naming the captured URL — in the
form ``wget --save-headers`` uses, which the html reader understands: so the
charset a server sent only in its header, and the URL relative links resolve
against, are not lost.

One damaged record never ends the run: it is yielded as a `Source` with its
`error`, and reading goes on from the next record that can be found. A record
whose Content-Length is wrong is found by where it ends, never by searching its
content for text that looks like a record header (an archived page may quote
one): in an uncompressed archive its declared end must be followed by the
blank lines that close a record and the next record's ``WARC/1.x`` line (or
the end of the file); in a ``.warc.gz`` it must be the end of its gzip member.
Only when that fails is its content searched for the record it swallowed, and
reading goes on from there. A gzip member holding several records (an archive
compressed as one stream, ``gzip crawl.warc``) is unpacked to a temporary file
and read as an uncompressed archive: memory stays bounded, disk use is that
member's uncompressed size, and its records are named by their offset in it
("<path>:<member>+<offset>").

Whether a file is compressed is decided by its first bytes, not its name.
warcio's own messages (warnings written straight to stderr, its logger) never
reach the terminal: what they say is reported as a damaged record instead.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import tempfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, BinaryIO

from pressconv.batch.sources import Source
from pressconv.options import DEFAULT_MAX_BYTES

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: A record's first line, with the newline that ends the line before it (so it starts a line).
_RECORD_LINE = re.compile(rb"\nWARC/1\.[01]\r?\n")
_WARC_START = re.compile(rb"WARC/1\.[01]\r?\n")
#: The blank line that closes a record (LF LF from lax writers).
_CLOSING = (b"\r\n\r\n", b"\n\n")
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_MEMBER = b"\x1f\x8b\x08"
_SCAN_CHUNK = 1 << 20
_PEEK = 4096


class _DamagedData(ValueError):
    """Compressed data that stops decompressing part way (warcio wrote this to stderr and read on with nothing)."""


class _DamagedEncoding(_DamagedData):
    """A page's HTTP content encoding (gzip, deflate, brotli) that stops decompressing part way."""


@dataclass(frozen=True, slots=True)
class _Place:
    """Which bytes the offsets of records count: the archive file, or one gzip member of it read whole."""

    path: Path
    stem: str
    member: int | None = None  # the member's offset in the file, when offsets count its uncompressed bytes

    def name(self, offset: int) -> str:
        if self.member is None or offset == 0:
            return f"{self.path}:{offset if self.member is None else self.member}"
        return f"{self.path}:{self.member}+{offset}"

    def byte(self, offset: int) -> str:
        if self.member is None or offset == 0:
            return f"byte {offset if self.member is None else self.member}"
        return f"byte {offset} of the gzip member at byte {self.member}"

    @property
    def end(self) -> str:
        return "the end of the archive" if self.member is None else "the end of its gzip member"


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """One `Source` per HTML page captured in a WARC/ARC file (200 responses only), in file order.

    `name` is "<path>:<offset>" (the record's byte offset, as CDX indexes give it; "<path>:<member>+<offset>"
    inside a gzip member holding several records), `stem` "<archive>-<n>" with n the record's number in the file. Records that
    are not HTML pages (images, redirects, 404s, request and metadata records)
    are passed over; a record that cannot be read is yielded with its `error`.
    """
    stem = _stem(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done with it
        compressed = handle.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
    except OSError as error:
        yield Source(str(path), stem, error=f"cannot read the web archive: {error.strerror or error}")
        return
    with handle:
        place = _Place(path, stem)
        if compressed:
            yield from _gzip_records(handle, place, max_bytes)
        else:
            yield from _plain_records(handle, place, 0, max_bytes)


@functools.cache
def _warcio() -> Any:
    """warcio's iterator and readers, made quiet: imported on first use (it is only needed for archives)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
    from warcio.limitreader import LimitReader
    from warcio.utils import BUFF_SIZE

    # warcio logs through the "warcio" logger ("Replacing spaces in invalid WARC-Target-URI"): without a handler
    # of its own, logging's last resort prints it on stderr. What an application configures still receives it.
    logging.getLogger("warcio").addHandler(logging.NullHandler())

    def decompress(reader: Any, data: bytes, error: type[_DamagedData]) -> bytes:
        """warcio's `_decompress`, except that data which stops decompressing raises instead of being written
        to stderr and read as nothing. A reader that is not `strict` keeps warcio's fallback for the first
        block (a payload whose declared encoding is wrong is read as it is)."""
        if reader.decompressor is None or not data or (reader.num_block_read == 0 and not reader.strict):
            result: bytes = BufferedReader._decompress(reader, data)
            return result
        try:
            out: bytes = reader.decompressor.decompress(data)
        except Exception as failure:  # zlib.error, or brotli's own
            raise error(str(failure) or type(failure).__name__) from failure
        return out

    class ArchiveReader(BufferedReader):  # type: ignore[misc]  # warcio is untyped
        """The archive's reader: gzip or nothing, never a guess (data that does not decompress is damage)."""

        strict = True
        tail = b""  # the last bytes read from it: what followed a record's content in its gzip member
        head: bytes | None = None  # the first line of its current gzip member: "WARC/1.x", or an ARC record's

        def _init_decomp(self, decomp_type: str | None) -> None:
            super()._init_decomp(decomp_type)
            self.head = None

        def _decompress(self, data: bytes) -> bytes:
            return decompress(self, data, _DamagedData)

        def read(self, length: int | None = None) -> bytes:
            data: bytes = super().read(length)
            self.tail = (self.tail + data[-8:])[-8:]
            return data

        def readline(self, length: int | None = None) -> bytes:
            line: bytes = super().readline(length)
            self.tail = (self.tail + line[-8:])[-8:]
            if self.head is None:
                self.head = line
            return line

        def position(self) -> int:
            """How many uncompressed bytes have been read from it, over all its gzip members."""
            unread: int = self.buff_size - self.buff.tell() if self.buff else 0
            return int(self.num_read) - unread

    class PayloadReader(BufferedReader):  # type: ignore[misc]
        strict = False

        def _decompress(self, data: bytes) -> bytes:
            return decompress(self, data, _DamagedEncoding)

    class ChunkedPayloadReader(ChunkedDataReader):  # type: ignore[misc]
        strict = False

        def _decompress(self, data: bytes) -> bytes:
            return decompress(self, data, _DamagedEncoding)

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]
        """warcio's iterator without its raw warning on stderr ("WARNING: Record not followed by newline…"),
        reading gzip members (`compressed`) or plain bytes, as the archive's first bytes said."""

        INC_RECORD = ""

        def __init__(self, handle: BinaryIO, *, compressed: bool) -> None:
            super().__init__(handle, arc2warc=True)
            # Replaced before anything is read: warcio's own reader guesses, and writes decompression errors to stderr.
            self.reader = ArchiveReader(handle, block_size=BUFF_SIZE, decomp_type="gzip" if compressed else None)

    return SimpleNamespace(
        QuietIterator=QuietIterator, PayloadReader=PayloadReader, ChunkedPayloadReader=ChunkedPayloadReader,
        LimitReader=LimitReader, decompressors=BufferedReader.get_supported_decompressors,
    )  # fmt: skip


def _plain_records(handle: BinaryIO, place: _Place, number: int, max_bytes: int) -> Generator[Source, None, int]:
    """The records of an uncompressed archive (or of one gzip member unpacked to a file); returns the last record number.

    Each WARC record's declared end is checked before its content is read (`_misfit`): a record whose length
    is wrong is reported, and reading goes on from the record it swallowed, or from the next record after it.
    """
    warcio = _warcio()
    size = handle.seek(0, os.SEEK_END)
    head = _peek(handle, 0, _PEEK)
    start = len(head) - len(head.lstrip(b"\r\n"))  # blank lines before the first record: warcio reads a phantom record
    resumed = False
    while True:
        after = start
        read_any = False
        warned = 0
        problem: str | None = None
        misfit: tuple[str, int | None] | None = None
        try:
            handle.seek(start)
            iterator = warcio.QuietIterator(handle, compressed=False)
            for record in iterator:
                offset: int = iterator.offset
                if not _plausible(record):
                    # Damaged bytes warcio read as an (ARC) record header: what it "read" swallows real records after it.
                    after = offset
                    problem = "its header is not a WARC or ARC record header (damaged data)"
                    break
                if iterator.err_count > warned:
                    # (An ARC record, not checked by `_misfit`) the record before this one did not end where its length said.
                    warned = iterator.err_count
                    yield Source(
                        place.name(offset), f"{place.stem}-{number:06d}-damaged", record=number,
                        error="damaged record: the record before this one does not end where its length says; check it",
                    )  # fmt: skip
                misfit = _misfit(handle, iterator, record, offset=offset, size=size, place=place)
                number += 1
                if misfit is not None:
                    yield Source(
                        place.name(offset), f"{place.stem}-{number:06d}", record=number,
                        error=f"damaged record at {place.byte(offset)}: {misfit[0]}",
                    )  # fmt: skip
                    break
                page, unreadable = _read_page(record, max_bytes)  # before the offset: asking for it skips the content
                after = iterator.get_record_offset() + iterator.get_record_length()
                read_any = True
                yield from _yield_page(record, page, unreadable, place=place, offset=offset, number=number, max_bytes=max_bytes)
        except Exception as error:  # noqa: BLE001 - warcio, zlib and the HTTP parser each fail their own way on damage
            problem = _describe(error)
        if misfit is not None:
            if misfit[1] is None:
                return number
            start, resumed = misfit[1], True
            continue
        if not _more_after(handle, after):
            return number
        # warcio stops quietly at a record header it cannot read: data left after the last record is damage too.
        if read_any or not resumed:  # after a resume, the first record found may be the damaged one, reported already
            number += 1
            yield Source(
                place.name(after), f"{place.stem}-{number:06d}", record=number,
                error=f"damaged record at {place.byte(after)}: {problem or 'not a WARC record'}",
            )  # fmt: skip
        resumed = True
        resume = _next_record(handle, after + 1, compressed=False)
        if resume is None or resume <= start:
            return number
        start = resume


def _gzip_records(handle: BinaryIO, place: _Place, max_bytes: int) -> Iterator[Source]:
    """The records of a ``.warc.gz``, each normally its own gzip member.

    A record is taken as read right only when its content ends where its gzip member does: a member with
    more after its record, or that ends before the record's length says, is read again whole (`_whole_member`),
    where the record's declared end is checked as in an uncompressed archive.
    """
    warcio = _warcio()
    number = 0
    start = 0
    resumed = False
    while True:
        after = start
        read_any = False
        problem: str | None = None
        whole: int | None = None
        try:
            handle.seek(start)
            iterator = warcio.QuietIterator(handle, compressed=True)
            for record in iterator:
                offset: int = iterator.offset  # the offset of its gzip member
                if not _plausible(record):
                    after = offset
                    problem = "its header is not a WARC or ARC record header (damaged data)"
                    break
                content_end = iterator.reader.position() + getattr(record.raw_stream, "limit", 0)
                page, unreadable = _read_page(record, max_bytes)
                after = iterator.get_record_offset() + iterator.get_record_length()  # reads the record to its end
                if (
                    iterator.next_line is not None
                    or iterator.err_count
                    or not _fits(record, warcio)
                    or (_WARC_START.match(iterator.reader.head or b"") and not _closed(iterator.reader, content_end))
                ):
                    whole = offset  # the member holds more than this record, or less than its length says
                    break
                number += 1
                read_any = True
                yield from _yield_page(record, page, unreadable, place=place, offset=offset, number=number, max_bytes=max_bytes)
        except Exception as error:  # noqa: BLE001 - warcio, zlib and the HTTP parser each fail their own way on damage
            problem = _describe(error)
        if whole is not None:
            member_end, number = yield from _whole_member(handle, place, whole, number, max_bytes)
            if member_end is not None:
                start, resumed = member_end, False
                continue
            after, resumed = whole, True  # its compressed data is damaged, reported: find the next member
        elif not _more_after(handle, after):
            return
        elif read_any or not resumed:
            number += 1
            yield Source(
                place.name(after), f"{place.stem}-{number:06d}", record=number,
                error=f"damaged record at byte {after}: {problem or 'not a WARC record'}",
            )  # fmt: skip
            resumed = True
        resume = _next_record(handle, after + 1, compressed=True)
        if resume is None or resume <= start:
            return
        start = resume


def _whole_member(
    handle: BinaryIO, place: _Place, member: int, number: int, max_bytes: int
) -> Generator[Source, None, tuple[int | None, int]]:
    """The records of the gzip member at `member`, unpacked to a temporary file and read as an uncompressed
    archive; returns where the next member starts (None if this one is damaged or cut) and the last record number."""
    try:
        with tempfile.TemporaryFile(prefix="pressconv-warc-") as spool:
            end, damage = _inflate(handle, member, spool)
            damage = None if damage is None else f"damaged record at byte {member}: {damage}"
            number = yield from _plain_records(spool, _Place(place.path, place.stem, member), number, max_bytes)
    except OSError as error:  # a full temporary directory, most likely
        end = None
        damage = f"cannot unpack the gzip member at byte {member} to a temporary file ({error.strerror or error})"
    if damage is not None:
        number += 1
        yield Source(
            place.name(member), f"{place.stem}-{number:06d}", record=number,
            error=damage,
        )  # fmt: skip
    return end, number


def _inflate(handle: BinaryIO, member: int, out: BinaryIO) -> tuple[int | None, str | None]:
    """Write the uncompressed bytes of the gzip member at `member` to `out`, a bounded piece at a time
    (a small member may unpack to gigabytes); returns where the member ends in the file, or why it could not."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    handle.seek(member)
    position = member
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None, "the archive ends inside this gzip member (it is cut short)"
        data = chunk
        try:
            while True:
                piece = decompressor.decompress(data, _SCAN_CHUNK)
                out.write(piece)
                if decompressor.eof:
                    return position + len(chunk) - len(decompressor.unused_data), None
                data = decompressor.unconsumed_tail
                if not data and len(piece) < _SCAN_CHUNK:
                    break
        except zlib.error as error:
            return None, _describe(error)
        position += len(chunk)


def _fits(record: Any, warcio: Any) -> bool:
    """Whether the record, read to its end, had as much content as its Content-Length says (no more: the
    caller checks what follows). Without a Content-Length, its content is whatever its gzip member holds."""
    stream = record.raw_stream
    return isinstance(stream, warcio.LimitReader) and stream.limit == 0


def _closed(reader: Any, content_end: int) -> bool:
    """Whether the WARC record's content, ending at `content_end` in its gzip member, was followed by the blank
    line that closes a record before the member ended: a length a few bytes too long swallows that line.
    (An ARC record is closed by one LF, which warcio checks.)"""
    closing = reader.position() - content_end
    if closing > len(reader.tail):
        return True  # many blank lines: whatever the length, it did not run into them by a few bytes
    return closing > 0 and bool(reader.tail[-closing:].startswith(_CLOSING))


def _misfit(
    handle: BinaryIO, iterator: Any, record: Any, *, offset: int, size: int, place: _Place
) -> tuple[str, int | None] | None:
    """Why the WARC record at `offset` does not end where its Content-Length says, and where reading goes on
    (None: nowhere); None when it does end there. Called before its content is read.

    A record ends right when its declared end is followed by the blank lines that close a record and the next
    record's first line, or by the end of the file. Only then is its content trusted whatever it holds (a page
    may quote a WARC header). Otherwise its content is searched, from its start, for the record it swallowed.
    """
    if not _WARC_START.match(_peek(handle, offset, 16)):
        return None  # an ARC record, whose end warcio checks itself
    stream = record.raw_stream
    if not isinstance(stream, _warcio().LimitReader):
        # Without a Content-Length warcio reads the rest of the file as its content: every record after it.
        return "it has no Content-Length (its header is damaged)", _find_record(handle, offset + 1, size)
    here: int = iterator.fh.tell() - iterator.reader.rem_length()  # where warcio's reading of the record is
    content, end = here - stream.tell(), here + stream.limit
    after = _ends_a_record(handle, end) if end <= size else "open"
    if after == "record":
        return None
    inner = _find_record(handle, content, min(end, size))
    if inner is not None:
        return f"its length runs past its end, into the record at {place.byte(inner)}", inner
    if end > size:
        return f"its length runs past {place.end}", None
    if after == "closed":
        return None  # the record is whole; what follows it is damage, reported when it is read
    return "it does not end where its length says (its content is cut or runs on)", _find_record(handle, end, size)


def _ends_a_record(handle: BinaryIO, position: int) -> str:
    """What follows `position`: "record" when the blank line that closes a record (CRLF CRLF, or LF LF from
    a lax writer) starts right there, then any more blank lines, then a WARC record's first line or the end of
    the file; "closed" when that blank line is followed by something else; "open" when there is none.

    The closing blank line must start right at `position`: a length that ends a byte or three into it, so
    one that runs over whole records by chance, is caught too. Only a length that runs exactly to a
    record's end (where a page quoting whole records would end as well) cannot be told from a right one.
    """
    if not _peek(handle, position, 4).startswith(_CLOSING):
        return "open"
    while True:
        chunk = _peek(handle, position, _PEEK)
        if not chunk:
            return "record"  # the end of the file, after blank lines only
        rest = chunk.lstrip(b"\r\n")
        if rest:
            position += len(chunk) - len(rest)
            break
        position += len(chunk)
    return "record" if _WARC_START.match(_peek(handle, position, 16)) else "closed"


def _find_record(handle: BinaryIO, begin: int, stop: int) -> int | None:
    """The first offset in [begin, stop) where a line holding a WARC record's first line starts (`begin`
    counts as a line start); read a piece at a time, and only as far as that line."""
    here = handle.tell()
    try:
        handle.seek(begin)
        position, tail, want = begin, b"\n", _PEEK
        while position < stop:
            chunk = handle.read(min(want, stop + 11 - position))
            want = min(2 * want, _SCAN_CHUNK)  # the next record is most often near: read little first
            if not chunk:
                return None
            window = tail + chunk
            match = _RECORD_LINE.search(window)
            if match is not None:
                found = position - len(tail) + match.start() + 1
                return found if found < stop else None
            tail = window[-10:]
            position += len(chunk)
        return None
    finally:
        handle.seek(here)


def _peek(handle: BinaryIO, position: int, count: int) -> bytes:
    """`count` bytes at `position`, leaving the handle where it was (warcio reads on from there)."""
    here = handle.tell()
    try:
        handle.seek(position)
        return handle.read(count)
    finally:
        handle.seek(here)


_TARGET_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]*")
_ADDRESSED = frozenset({"response", "request", "resource", "revisit", "metadata", "conversion"})


def _plausible(record: Any) -> bool:
    """False for a "record" warcio made out of damaged bytes: a record about a resource must name it by a URI."""
    if record.rec_type not in _ADDRESSED:
        return True
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return _TARGET_URI.fullmatch(uri) is not None


def _more_after(handle: BinaryIO, position: int) -> bool:
    """Whether anything but padding (blank lines, NUL bytes) follows `position`, where the last record read
    ended: some writers pad the end of an archive, which warcio (or zlib) takes for a record it cannot read."""
    handle.seek(position)
    while chunk := handle.read(_PEEK):
        if chunk.strip(b"\r\n\t \x00"):
            return True
    return False


def _read_page(record: Any, max_bytes: int) -> tuple[bytes | None, str | None]:
    """The record's page (`_page`), or why its content encoding could not be undone."""
    try:
        return _page(record, max_bytes), None
    except _DamagedEncoding as error:
        return None, f"its page's content encoding is damaged ({error})"


def _yield_page(
    record: Any, page: bytes | None, unreadable: str | None, *, place: _Place, offset: int, number: int, max_bytes: int
) -> Iterator[Source]:
    """The record's `Source`, if it is a page: its HTML, or why it could not be read."""
    name, stem = place.name(offset), f"{place.stem}-{number:06d}"
    if unreadable is not None:
        yield Source(name, stem, record=number, error=f"damaged record at {place.byte(offset)}: {unreadable}")
    elif page is not None:
        yield _source(record, page, name=name, stem=stem, number=number, max_bytes=max_bytes)


def _page(record: Any, max_bytes: int) -> bytes | None:
    """The payload of an HTML page record (at most `max_bytes` + 1 bytes); None for every other record."""
    kind = record.rec_type
    if kind == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    data: bytes = _content_stream(record).read(max_bytes + 1)
    return data


def _content_stream(record: Any) -> Any:
    """warcio's `ArcWarcRecord.content_stream`, with readers that raise on damaged content encoding instead of
    writing the error to stderr and reading on with nothing."""
    warcio = _warcio()
    http = record.http_headers
    if not http:
        return record.raw_stream
    encoding = (http.get_header("content-encoding") or "").lower() or None
    if encoding == "x-gzip":
        encoding = "gzip"
    if encoding not in warcio.decompressors():
        encoding = None
    if http.get_header("transfer-encoding") == "chunked":
        return warcio.ChunkedPayloadReader(record.raw_stream, decomp_type=encoding)
    if encoding:
        return warcio.PayloadReader(record.raw_stream, decomp_type=encoding)
    return record.raw_stream


def _source(record: Any, payload: bytes, *, name: str, stem: str, number: int, max_bytes: int) -> Source:
    headers = record.rec_headers
    uri, when = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
    if len(payload) > max_bytes:
        return Source(name, stem, record=number, url=uri, timestamp=when, error=f"page is over {max_bytes:,} bytes")
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http is not None else None) or headers.get_header("Content-Type") or ""
    return Source(name, stem, data=_http_head(content_type, uri) + payload, record=number, url=uri, timestamp=when)


def _http_head(content_type: str, uri: str | None) -> bytes:
    """The short HTTP head the html reader reads a page's charset and URL from (see the module docstring)."""
    lines = ["HTTP/1.1 200 OK", f"Content-Type: {_header_value(content_type)}"]
    if uri:
        lines.append(f"Content-Location: {_header_value(uri)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", errors="replace")


def _header_value(value: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", "", value).strip()


def _next_record(handle: BinaryIO, position: int, *, compressed: bool) -> int | None:
    """The offset of the next record start at or after `position`: a gzip member, or a "WARC/1.x" line."""
    if not compressed:
        return _find_record(handle, position, handle.seek(0, os.SEEK_END))
    handle.seek(position)
    carried = b""
    base = position
    want = _PEEK
    while True:
        chunk = handle.read(want)
        want = min(2 * want, _SCAN_CHUNK)
        if not chunk:
            return None
        data = carried + chunk
        found = data.find(_GZIP_MEMBER)
        if found >= 0:
            return base + found
        carried = data[-len(_GZIP_MEMBER) :]
        base += len(data) - len(carried)


def _describe(error: BaseException) -> str:
    if isinstance(error, (zlib.error, _DamagedData)):
        return f"the compressed data is damaged ({error})"
    text = " ".join(str(error).split()) or type(error).__name__  # one line: warcio's own messages span several
    if text.startswith("Unknown archive format"):
        return "its header is not a WARC or ARC record header (damaged or not compressed data)"
    return text if len(text) <= 200 else text[:200] + "…"


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(WARC_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or "archive"
    return path.stem or "archive"
