"""A page's declared charset is read as browsers read it: through the WHATWG Encoding Standard's labels."""

from __future__ import annotations

import pytest

from pressconv.errors import InputError
from pressconv.readers.html.decoding import decode_page
from pressconv.readers.html.encodings import LABELS, encoding_for


def _page(label: str, body: bytes) -> bytes:
    return b'<html><head><meta charset="' + label.encode() + b'"></head><body><p>' + body + b"</p></body></html>"


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        ("gb2312", "朱镕基", "gbk"),  # 镕 is GBK, not GB 2312: pages labelled gb2312 hold GBK
        ("GB_2312-80", "朱镕基", "gbk"),
        ("shift_jis", "① 第一", "cp932"),  # circled digits: Windows' NEC extension
        ("euc-kr", "똠방각하", "cp949"),  # 똠 is Unified Hangul Code only
        ("tis-620", "“สวัสดี”", "cp874"),  # curly quotes: windows-874's additions
        ("iso-8859-1", "“café”", "cp1252"),
        ("us-ascii", "“quoted”", "cp1252"),
        ("big5", "香港", "big5hkscs"),
    ],
)
def test_a_label_means_what_the_encoding_standard_says(label: str, text: str, codec: str) -> None:
    assert text in decode_page(_page(label, text.encode(codec))).text


@pytest.mark.parametrize("label", ["undefined", "punycode", "rot13", "idna", "latin-1", "utf-7", "x-nonsense"])
def test_a_name_that_is_not_a_label_is_ignored_and_the_bytes_decide(label: str) -> None:
    page = decode_page(_page(label, "Zoë “quoted”".encode()))
    assert "Zoë “quoted”" in page.text
    assert encoding_for(label) is None


def test_a_later_declaration_counts_when_the_first_is_not_a_label() -> None:
    data = b'<meta charset="undefined"><meta charset="windows-1251"><p>' + "Привет".encode("cp1251") + b"</p>"
    assert "Привет" in decode_page(data).text


def test_a_label_in_the_saved_http_head_is_mapped_too() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gb2312\r\n\r\n<p>" + "朱镕基".encode("gbk") + b"</p>"
    assert "朱镕基" in decode_page(data).text


@pytest.mark.parametrize("label", ["iso-2022-kr", "hz-gb-2312", "replacement"])
def test_a_page_in_an_encoding_browsers_refuse_is_refused(label: str) -> None:
    with pytest.raises(InputError, match="browsers refuse"):
        decode_page(_page(label, b"text"))


def test_labels_are_matched_as_the_standard_matches_them() -> None:
    assert encoding_for("  UTF8\t") == ("UTF-8", "utf-8")
    assert encoding_for("ＵＴＦ-8") is None  # only ASCII case is folded
    assert encoding_for("") is None
    assert len(LABELS) >= 219  # every label of the standard's table
