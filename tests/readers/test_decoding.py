"""Reading bytes: what decodes, what is repaired, what is refused with a clear error."""

from __future__ import annotations

import pytest

import pressconv
from pressconv.readers.decoding import decode

TITLE_LINE = "Budget agreed Published 07/03/2014\n"


def test_utf16_with_bom_is_read() -> None:
    release = pressconv.parse((TITLE_LINE + "Caf\u00e9 text.\n").encode("utf-16"))
    assert release.paragraphs == ("Caf\u00e9 text.",)


def test_explicit_encoding_is_used() -> None:
    release = pressconv.parse((TITLE_LINE + "\u0141\u00f3d\u017a.\n").encode("iso-8859-2"), encoding="iso-8859-2")
    assert release.paragraphs == ("\u0141\u00f3d\u017a.",)


def test_wrong_explicit_encoding_is_a_clear_error() -> None:
    with pytest.raises(pressconv.InputError, match="not valid utf-8"):
        pressconv.parse(b"Title\n\xff\xfe\xfa text\n", encoding="utf-8")


def test_unknown_encoding_name_is_a_clear_error() -> None:
    with pytest.raises(pressconv.OptionError, match="unknown encoding"):
        pressconv.parse(b"Title\n", encoding="klingon")


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib"])
def test_codecs_that_are_not_text_encodings_are_refused(codec: str) -> None:
    with pytest.raises(pressconv.OptionError, match="not a text encoding"):
        pressconv.parse(b"Title\n", encoding=codec)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", b"\x00\x00\x01"], ids=["empty", "blank", "controls-only"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(pressconv.InputError):
        pressconv.parse(data)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"%PDF-1.7\n", bytes(range(256)) * 4],
    ids=["png", "jpeg", "pdf", "random-binary"],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(pressconv.InputError, match=r"not a text release|binary"):
        pressconv.parse(data)


def test_oversized_input_is_refused_and_the_limit_is_configurable() -> None:
    data = (TITLE_LINE + "word " * 400).encode()
    with pytest.raises(pressconv.InputError, match="over the limit"):
        pressconv.parse(data, max_bytes=1000)
    assert pressconv.parse(data, max_bytes=10_000).title == "Budget agreed"


def test_clean_utf8_is_not_touched_by_mojibake_repair() -> None:
    text, notices = decode("Zo\u00eb \u00c0 la carte \u2014 \u00e2ge".encode())
    assert text == "Zo\u00eb \u00c0 la carte \u2014 \u00e2ge"
    assert notices == []


def test_text_input_gets_the_same_repairs_as_bytes() -> None:
    raw = TITLE_LINE + "Zo\u00c3\u00ab\u00a0said\x00 hi\r\n"
    assert pressconv.parse(raw).paragraphs == pressconv.parse(raw.encode()).paragraphs == ("Zo\u00eb said hi",)


def test_bad_language_tag_is_refused() -> None:
    with pytest.raises(pressconv.PressconvError, match="language tag"):
        pressconv.parse(TITLE_LINE, language="English (UK)")


def test_both_readers_fall_back_to_windows_1252_the_same_way_with_a_coded_notice() -> None:
    from pressconv.notices import Code
    from pressconv.readers.html.decoding import decode_page

    # Curly quotes and an e acute in Windows-1252 (not UTF-8): one helper reads them for both readers.
    data = b"Title \x93quoted\x94 caf\xe9"
    text, notices = decode(data)
    page = decode_page(b"<p>" + data + b"</p>")
    assert text == "Title \u201cquoted\u201d café"
    assert [found.code for found in notices if found.code == Code.DECODED_WINDOWS_1252] == ["decoded-windows-1252"]
    assert any(found.code == Code.DECODED_WINDOWS_1252 for found in page.notices)
    assert "\u201cquoted\u201d" in page.text


def test_mojibake_repair_gives_its_coded_notice() -> None:
    text, notices = decode("Caf\u00c3\u00a9 opens".encode())
    assert text == "Café opens"
    assert [found.code for found in notices] == ["repaired-mojibake"]
