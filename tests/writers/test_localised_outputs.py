"""Dates and fixed labels follow the release's language in every format (CLDR dates, gettext labels)."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest

import pressconv
from conftest import FIXTURES

SEED = FIXTURES / "blue-light-integration.txt"

CASES = [
    ("cy", "7 Mawrth 2014", "Tudalen 1 o"),
    ("de", "7. März 2014", "Seite 1 von"),
    ("en-US", "March 7, 2014", "Page 1 of"),
    ("fr", "7 mars 2014", "Page 1 sur"),
    ("ga", "7 Márta 2014", "Leathanach 1 de"),
    ("es", "7 de marzo de 2014", "Página 1 de"),
]


def convert(fmt: str, language: str) -> bytes:
    return pressconv.convert(SEED, to=fmt, read_options=pressconv.ReadOptions(language=language)).data


@pytest.mark.parametrize(("language", "date", "page"), CASES, ids=[case[0] for case in CASES])
def test_html_and_epub_show_the_date_in_the_release_s_language(language: str, date: str, page: str) -> None:
    assert date in convert("html", language).decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(convert("epub", language))) as book:
        chapters = [book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xhtml")]
    assert any(date in chapter for chapter in chapters)


@pytest.mark.parametrize(("language", "date", "page"), CASES, ids=[case[0] for case in CASES])
def test_pdf_shows_the_date_and_page_label_in_the_release_s_language(language: str, date: str, page: str) -> None:
    text = "".join(page_.extract_text() for page_ in pypdf.PdfReader(io.BytesIO(convert("pdf", language))).pages)
    assert date in text and page in text


@pytest.mark.parametrize(("language", "date", "page"), CASES, ids=[case[0] for case in CASES])
def test_docx_shows_the_date_and_the_page_label_in_the_release_s_language(language: str, date: str, page: str) -> None:
    with zipfile.ZipFile(io.BytesIO(convert("docx", language))) as package:
        body = package.read("word/document.xml").decode("utf-8")
        footers = "".join(package.read(name).decode("utf-8") for name in package.namelist() if "footer" in name)
    assert date in body
    assert page.split(" 1 ", maxsplit=1)[0] in footers  # "Tudalen", then the PAGE field, then "o", then NUMPAGES


UPDATED = [("en-GB", "Updated 4 March 2024"), ("fr", "Mis à jour le 4 mars 2024"), ("de", "Aktualisiert am 4. März 2024"),
           ("es", "Actualizado el 4 de marzo de 2024"), ("ga", "Nuashonraithe: 4 Márta 2024")]  # fmt: skip


@pytest.mark.parametrize(("language", "phrase"), UPDATED, ids=[case[0] for case in UPDATED])
def test_the_update_line_is_the_catalogue_s_whole_phrase_in_every_format(language: str, phrase: str) -> None:
    """ "Mis à jour le 4 mars 2024", not label + date ("Mis à jour 4 mars 2024")."""
    import datetime
    import re

    from docx import Document

    release = pressconv.Release("T", datetime.date(2024, 3, 1), (pressconv.Paragraph("Body."),), language=language,
                                updated=datetime.date(2024, 3, 4))  # fmt: skip

    def data(fmt: str) -> bytes:
        stream = io.BytesIO()
        pressconv.write(release, fmt, stream)
        return stream.getvalue()

    html = re.sub(r"<[^>]+>", "", data("html").decode("utf-8"))
    assert phrase in html
    assert phrase in [paragraph.text for paragraph in Document(io.BytesIO(data("docx"))).paragraphs]
    assert phrase in pypdf.PdfReader(io.BytesIO(data("pdf"))).pages[0].extract_text()
