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
`error`, and reading goes on from the next record that can be found.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pressconv.batch.sources import Source
from pressconv.options import DEFAULT_MAX_BYTES

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_START = re.compile(rb"(?:^|\n)(?:WARC/1\.[01]\r?\n)")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_SCAN_CHUNK = 1 << 20


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """One `Source` per HTML page captured in a WARC/ARC file (200 responses only), in file order.

    `name` is "<path>:<offset>" (the record's byte offset, as CDX indexes give it),
    `stem` "<archive>-<n>" with n the record's number in the file. Records that
    are not HTML pages (images, redirects, 404s, request and metadata records)
    are passed over; a record that cannot be read is yielded with its `error`.
    """
    stem = _stem(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done with it
    except OSError as error:
        yield Source(str(path), stem, error=f"cannot read the web archive: {error.strerror or error}")
        return
    with handle:
        yield from _records(handle, path, stem, max_bytes)


def _records(handle: BinaryIO, path: Path, stem: str, max_bytes: int) -> Iterator[Source]:
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]  # warcio is untyped
        """warcio's iterator without its raw warning on stderr ("WARNING: Record not followed by newline…"):
        the batch reports it as a damaged record instead, with the rest of its messages."""

        INC_RECORD = ""

    number = 0
    start = 0
    compressed = path.name.lower().endswith(".gz")
    resumed = False
    while True:
        handle.seek(start)
        iterator = QuietIterator(handle, arc2warc=True)
        after = start
        read_any = False
        overrun: int | None = None
        warned = 0
        problem: str | None = None
        try:
            for record in iterator:
                if not _plausible(record):
                    # Damaged bytes warcio read as an (ARC) record header: what it "read" swallows real records after it.
                    after = start + iterator.get_record_offset()
                    problem = "its header is not a WARC or ARC record header (damaged data)"
                    break
                if iterator.err_count > warned:
                    # The record before this one did not end where its length said: its content may be cut or padded.
                    warned = iterator.err_count
                    yield Source(
                        f"{path}:{start + iterator.get_record_offset()}", f"{stem}-{number:06d}-damaged", record=number,
                        error="damaged record: the record before this one does not end where its length says; check it",
                    )  # fmt: skip
                number += 1
                page = _page(record, max_bytes)  # read before the offset: asking warcio for it skips the record's content
                offset = start + iterator.get_record_offset()
                after = offset + iterator.get_record_length()
                read_any = True
                swallowed = None if compressed else _swallowed(handle, offset, after)
                if swallowed is not None:
                    # Its Content-Length runs past its end: what warcio read as its content holds the records after it.
                    yield Source(
                        f"{path}:{offset}", f"{stem}-{number:06d}", record=number,
                        error=f"damaged record at byte {offset}: its length runs past its end, into the record at {swallowed}",
                    )  # fmt: skip
                    overrun = swallowed
                    break
                if page is not None:
                    yield _source(
                        record, page, name=f"{path}:{offset}", stem=f"{stem}-{number:06d}", number=number, max_bytes=max_bytes
                    )
        except Exception as error:  # noqa: BLE001 - warcio, zlib and the HTTP parser each fail their own way on damage
            problem = _describe(error)
        if overrun is not None:
            start, resumed = overrun, True
            continue
        if problem is None and not _more_after(handle, after):
            return
        # warcio stops quietly at a record header it cannot read: data left after the last record is damage too.
        if read_any or not resumed:  # after a resume, the first record found may be the damaged one, reported already
            number += 1
            yield Source(
                f"{path}:{after}", f"{stem}-{number:06d}", record=number,
                error=f"damaged record at byte {after}: {problem or 'not a WARC record'}",
            )  # fmt: skip
        resumed = True
        resume = _next_record(handle, after + 1, compressed)
        if resume is None or resume <= start:
            return
        start = resume


_TARGET_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]*")
_ADDRESSED = frozenset({"response", "request", "resource", "revisit", "metadata", "conversion"})


def _plausible(record: Any) -> bool:
    """False for a "record" warcio made out of damaged bytes: a record about a resource must name it by a URI."""
    if record.rec_type not in _ADDRESSED:
        return True
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return _TARGET_URI.fullmatch(uri) is not None


def _swallowed(handle: BinaryIO, offset: int, end: int) -> int | None:
    """Where another record starts inside the record at `offset` (an uncompressed archive): a Content-Length
    that runs past the record's end makes warcio read the records after it as its content."""
    here = handle.tell()
    try:
        handle.seek(offset + 1)
        block = handle.read(end - offset - 1)
    finally:
        handle.seek(here)
    match = _RECORD_START.search(block)
    if match is None:
        return None
    return offset + 1 + match.start() + (1 if match.group().startswith(b"\n") else 0)


def _more_after(handle: BinaryIO, position: int) -> bool:
    """Whether anything but blank lines follows `position` (where the last record read ended)."""
    handle.seek(position)
    return bool(handle.read(4096).strip(b"\r\n\t \x00"))


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
    data: bytes = record.content_stream().read(max_bytes + 1)
    return data


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


def _next_record(handle: BinaryIO, position: int, compressed: bool) -> int | None:
    """The offset of the next record start after `position`: a gzip member, or a "WARC/1.x" line."""
    marker = _GZIP_MEMBER if compressed else None
    handle.seek(position)
    carried = b""
    base = position
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = carried + chunk
        if marker is not None:
            found = data.find(marker)
            if found >= 0:
                return base + found
        else:
            match = _RECORD_START.search(data)
            if match is not None:
                return base + match.start() + (1 if match.group().startswith(b"\n") else 0)
        keep = 16
        carried = data[-keep:]
        base += len(data) - keep


def _describe(error: BaseException) -> str:
    if isinstance(error, zlib.error):
        return f"the compressed data is damaged ({error})"
    text = str(error).strip() or type(error).__name__
    if text.startswith("Unknown archive format"):
        return "its header is not a WARC or ARC record header (damaged or not compressed data)"
    return text if len(text) <= 200 else text[:200] + "…"


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(WARC_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or "archive"
    return path.stem or "archive"
