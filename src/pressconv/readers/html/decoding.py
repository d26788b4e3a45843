"""Bytes of a saved web page → text: which encoding the page is in, the way a browser decides.

The order follows the HTML standard's encoding sniffing, cut down to what
saved pages need: a byte-order mark; then the HTTP ``Content-Type`` a crawler
saved in front of the page (``wget --save-headers``, or a WARC record's
response head); then a ``<meta charset>`` or ``http-equiv`` declaration in the
first few kilobytes; then UTF-8 if the bytes are valid UTF-8, else
Windows-1252. A declared label means what the WHATWG Encoding Standard says it
means (`encodings`): ``iso-8859-1``, ``latin1`` and ``us-ascii`` are
Windows-1252 (pages that say Latin-1 use its curly quotes), ``gb2312`` is GBK,
``shift_jis`` is Windows' cp932, ``euc-kr`` is cp949; a name that is not a
label (``undefined``, ``punycode``) is ignored, as browsers ignore it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from pressconv.errors import InputError
from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.options import DEFAULT_MAX_BYTES, check_encoding
from pressconv.readers.decoding import clean_text, windows_1252
from pressconv.readers.html.encodings import REPLACEMENT, encoding_for
from pressconv.readers.patterns import lazy_pattern

# A saved HTTP response head: status line, header lines, an empty line. Compiled here, as sniffing any input for
# HTML looks for one; the patterns for decoding a page are compiled when the first page is decoded (`lazy_pattern`).
_HTTP_HEAD = re.compile(rb"\AHTTP/\d(?:\.\d)?[ \t]+\d{3}[^\r\n]*\r?\n(?P<headers>(?:[^\r\n]+\r?\n)*)\r?\n")
_HEADER_LINE = lazy_pattern(rb"^(?P<name>[!-9;-~]+)[ \t]*:[ \t]*(?P<value>[^\r\n]*)", re.M)
# No two quantifiers may take the same spaces (`\s*["']?\s*` split a run of spaces n ways: quadratic).
_CHARSET = lazy_pattern(rb"""charset\s*=\s*(?:["']\s*)?(?P<name>[A-Za-z0-9._:\-]+)""", re.I)
_META = lazy_pattern(rb"<meta\b[^>]*>", re.I)
# An XHTML page's XML declaration: <?xml version="1.0" encoding="ISO-8859-1"?>
_XML_ENCODING = lazy_pattern(rb"""\s*<\?xml[^>]*?\bencoding\s*=\s*["'](?P<name>[A-Za-z0-9._:\-]+)["']""", re.I)
_SAVED_FROM = lazy_pattern(
    r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:\s*)(?P<url>https?://[^\s>]+)", re.I
)
# A UTF-8 lead byte (0xC2–0xF4) then a continuation byte (0x80–0xBF), both as Windows-1252 (or Latin-1) shows them.
_MOJIBAKE_PAIR = lazy_pattern(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
#: How far into the page a charset declaration counts (the standard says 1024 bytes; real pages put comments first).
_PRESCAN_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded page: its text, and what the saved HTTP head said (`location` is its Content-Location)."""

    text: str
    notices: tuple[Notice, ...]
    location: str | None = None


def decode_page(data: bytes, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Decode a saved page. Raises `InputError` for empty, oversized or undecodable input, nothing else."""
    if len(data) > max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,}; raise it with --max-size if this really is one page"
        )
    body, headers = split_http_head(data)
    if not body.strip():
        raise InputError("the page is empty: there is no HTML to read")
    notices: list[Notice] = []
    if encoding is not None:
        check_encoding(encoding)
        text = _decode_strictly(body, encoding, "--encoding")
    else:
        text = _detect(body, headers.get("content-type", ""), notices)
    if not text.strip():
        raise InputError("the page holds no text")
    # The same repair as raw text gets (mojibake from an upstream mis-decoding), on the whole page
    # so that link offsets computed later are never shifted by it. Only when the page holds the mark of
    # mojibake — a UTF-8 lead byte read as Windows-1252 followed by a continuation byte read so ("Ã©",
    # "â€™"): every page with an "é" would otherwise pay for ftfy over all of its markup.
    if _MOJIBAKE_PAIR().search(text):
        repaired, repairs = clean_text(text, max_chars=max_bytes)
    else:
        repaired, repairs = normalise_page(text), []
    location = headers.get("content-location") or _saved_from(repaired[:4096])
    return Page(repaired, (*notices, *repairs), location)


#: What `normalise` rewrites beyond line ends, tabs, no-break spaces and runs of spaces: one search for any
#: of it (forbidden controls, rare line and space separators, lone surrogates) tells whether the page needs
#: `normalise`'s own substitutions at all.
_RARE = lazy_pattern(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff\ud800-\udfff]"
)


_RARE_BREAKS = lazy_pattern("[\x85\u2028\u2029]")
_FORBIDDEN = lazy_pattern("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\u200b\ufeff\ud800-\udfff]")
_RARE_SPACES = lazy_pattern("[\x0b\x0c\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalise_page(text: str) -> str:
    """`readers.decoding.normalise(text)` for a whole page, exactly (a property test holds them equal), at C
    speed where pages are big: an indented page has runs of spaces or tabs on every line and many end in
    "\r\n", and each substitution of a regular expression builds a match for each. Line ends, tabs and
    no-break spaces go by `str.replace` (every space character ends as one space, so replacing them first
    changes nothing); `normalise`'s substitutions run only on a page with a rarer character; NFC is checked
    before it is applied; runs of spaces fold as each line is split."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ").replace("\u00a0", " ")
    if _RARE().search(text):
        # `normalise`'s own steps, in its order (line separators before the forbidden C1 control U+0085 goes).
        text = _RARE_SPACES().sub(" ", _FORBIDDEN().sub("", _RARE_BREAKS().sub("\n", text)))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Every whitespace character but the line end is a plain space by now, so splitting a line on whitespace
    # folds its runs and strips it (NFC neither makes nor takes a space, so it may come first).
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _saved_from(head: str) -> str | None:
    """The URL a browser or SingleFile noted when saving the page ("<!-- saved from url=(0042)https://… -->")."""
    found = _SAVED_FROM().search(head)
    return found["url"] if found else None


def split_http_head(data: bytes) -> tuple[bytes, dict[str, str]]:
    """A page saved with its HTTP response head → (the page, its headers by lower-case name)."""
    match = _HTTP_HEAD.match(data)
    if match is None:
        return data, {}
    headers: dict[str, str] = {}
    for line in _HEADER_LINE().finditer(match["headers"]):
        headers[line["name"].decode("ascii").lower()] = line["value"].decode("latin-1").strip()
    return data[match.end() :], headers


def declared_charset(head: bytes) -> str | None:
    """The first encoding label a `<meta charset>` or `<meta http-equiv="Content-Type">` declares in the first
    bytes (an XHTML page's XML declaration otherwise); a declaration whose name is not a label is passed over."""
    prescan = head[:_PRESCAN_BYTES]
    for tag in _META().finditer(prescan):
        found = _CHARSET().search(tag.group())
        if found is not None and encoding_for(label := found["name"].decode("ascii")) is not None:
            return label
    xml = _XML_ENCODING().match(prescan)
    return xml["name"].decode("ascii") if xml else None


def _detect(body: bytes, content_type: str, notices: list[Notice]) -> str:
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="replace")
    for label in (_charset_of(content_type), declared_charset(body)):
        found = encoding_for(label)
        if found is None:
            continue
        standard, codec = found
        if codec == REPLACEMENT:
            raise InputError(
                f"the page declares the encoding {label!r} ({standard}), which browsers refuse to read; "
                "give --encoding if you know what the bytes really are"
            )
        return _decode_declared(body, codec, notices)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        notices.append(
            notice(Code.DECODED_WINDOWS_1252, "the page declares no encoding and is not UTF-8; read it as Windows-1252")
        )
        return windows_1252(body)


def _charset_of(content_type: str) -> str | None:
    found = _CHARSET().search(content_type.encode("latin-1", errors="replace"))
    return found["name"].decode("ascii") if found else None


def _decode_declared(body: bytes, name: str, notices: list[Notice]) -> str:
    if name in ("windows-1252", "cp1252"):
        return windows_1252(body)
    try:
        return body.decode(name)
    except UnicodeDecodeError:
        pass
    if name == "utf-8":
        # A page that says UTF-8 but was saved in Windows-1252: common in old archives.
        notices.append(notice(Code.DECODED_WINDOWS_1252, "the page says UTF-8 but is not; read it as Windows-1252"))
        return windows_1252(body)
    notices.append(notice(Code.BYTES_REPLACED, f"some bytes are not valid {name}; they were replaced"))
    return body.decode(name, errors="replace")


def _decode_strictly(body: bytes, name: str, where: str) -> str:
    try:
        return body.removeprefix(codecs.BOM_UTF8).decode(name)
    except UnicodeDecodeError as error:
        raise InputError(f"the page is not valid {name} (byte {error.start}); drop {where} to detect it") from None
