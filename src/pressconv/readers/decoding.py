"""Bytes → clean text: the only place that knows about encodings.

Scraped archives arrive as UTF-8 (with or without BOM), Windows-1252, UTF-8
that was mis-read as Windows-1252 upstream (mojibake), with Windows or old-Mac
line ends and control characters that XML 1.0 forbids. Everything here turns
that into plain `str` lines that any writer can take, and says what it did.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from pressconv.errors import InputError
from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.options import DEFAULT_MAX_BYTES, check_encoding

# Signatures of files people mistake for text (an image or document renamed .txt).
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)

# C0 controls other than tab/newline, DEL, C1 controls, XML-forbidden code points,
# and invisible characters that only get in the way (zero-width space, BOM).
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\u200b\ufeff\ud800-\udfff]")
# Tabs, vertical tabs, form feeds and every Unicode space separator (NBSP,
# thin, ideographic…) become a plain space: they separate words, never lines.
_SPACES = re.compile("[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")  # a plain "\n" is already right: never matched
_RUNS_OF_SPACES = re.compile(" {2,}")
# A UTF-8 lead byte read as Windows-1252 always lands in U+00C2..U+00F4; text
# without one cannot hold mojibake, so ftfy (≈40 ms to import) is skipped.
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4]")
_BINARY_CONTROL_SHARE = 0.05
# C0 control bytes that never occur in text (tab, line feed, form feed and carriage return do).
_CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in (0x09, 0x0A, 0x0C, 0x0D))


def decode(data: bytes, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Notice]]:
    """Decode raw release bytes to text, repairing what archives typically break.

    Raises `InputError` for empty, binary or oversized input, so a caller
    never gets a half-read release.
    """
    if len(data) > max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,}; "
            "raise it with --max-size if this really is one release"
        )
    if not data.strip():
        raise InputError("input is empty: a raw release needs at least a title line")
    notices: list[Notice] = []
    text = _decode_with(data, encoding) if encoding is not None else _detect_and_decode(data, notices)
    text = _repair_mojibake(text, notices)
    return normalise(text), notices


def clean_text(text: str, *, max_chars: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Notice]]:
    """The same repairs as `decode`, for text a caller has already decoded."""
    if len(text) > max_chars:
        raise InputError(f"input is {len(text):,} characters, over the limit of {max_chars:,}")
    if not text.strip():
        raise InputError("input is empty: a raw release needs at least a title line")
    notices: list[Notice] = []
    return normalise(_repair_mojibake(text, notices)), notices


def normalise(text: str) -> str:
    """Make text safe for every writer: NFC, one kind of line end, no forbidden characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _FORBIDDEN.sub("", text)
    text = _SPACES.sub(" ", text)
    if "  " in text:  # a C-speed test first: the regular expression scans the whole text even to find nothing
        text = _RUNS_OF_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _decode_with(data: bytes, encoding: str, *, given: bool = True) -> str:
    check_encoding(encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if not given:  # found from its byte-order mark, not asked for: there is no --encoding to drop
            raise InputError(
                f"input starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                f"(byte {error.start}): it is damaged, or give its real encoding with --encoding"
            ) from None
        raise InputError(f"input is not valid {encoding} (byte {error.start}); drop --encoding to detect it") from None


def _detect_and_decode(data: bytes, notices: list[Notice]) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_with(data, "utf-32", given=False)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_with(data, "utf-16", given=False)
    data = data.removeprefix(codecs.BOM_UTF8)
    _reject_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: the archives this tool serves are overwhelmingly Windows-1252.
    notices.append(notice(Code.DECODED_WINDOWS_1252, "input is not UTF-8; read it as Windows-1252"))
    return windows_1252(data)


def windows_1252(data: bytes) -> str:
    """`data` read as Windows-1252, the fallback of both readers. ftfy's "sloppy" variant also maps the five
    bytes cp1252 leaves undefined, so no byte is ever lost to a decoding error."""
    import ftfy.bad_codecs  # noqa: F401  (registers the codec)

    return data.decode("sloppy-windows-1252")


def _reject_binary(data: bytes) -> None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"input looks like {kind}, not a text release; convert it to plain text first")
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        raise InputError("input looks like binary data, not a text release; check the file is the right one")


def _repair_mojibake(text: str, notices: list[Notice]) -> str:
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    # Only the encoding repair: ftfy's other fixes (HTML unescaping, uncurling
    # quotes, width folding) would change text that was written that way.
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config)
    if fixed != text:
        notices.append(notice(Code.REPAIRED_MOJIBAKE, "repaired text that had been decoded with the wrong encoding upstream"))
    return fixed
