"""Scripts and language parts in every format: direction, language of parts, shaping (issue 26).

The fixtures: an Arabic, a Hebrew and a Hindi release, a Welsh release with its English version after it,
and a Canadian release in English then French (read with --lang en-CA).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from typing import Any

import pikepdf
import pytest
from lxml import etree, html

import pressconv
from conftest import ROOT, require_tool
from pressconv.model import Paragraph, Release

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ARABIC_WORD = "مرحبا"
ENGLISH = "The council will publish the full report on its website next week, with a summary for residents."
ARABIC = "أعلنت الوزارة اليوم عن برنامج جديد لدعم المدارس في المناطق الريفية خلال العام المقبل."


def fixture(name: str, **options: Any) -> Release:
    data = (ROOT / "fixtures" / f"{name}.txt").read_bytes()
    return pressconv.clean(pressconv.parse(data, pressconv.ReadOptions(**options), source_name=name)).release


def written(release: Release, to: str) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, to, buffer)
    return buffer.getvalue()


def english_with_arabic() -> Release:
    return pressconv.model.Release("Schools programme", None, (Paragraph(ENGLISH), Paragraph(ARABIC, lang="ar")))


# --- HTML and EPUB ---------------------------------------------------------------------------------------


def _body_elements(root: Any) -> list[Any]:
    kinds = ("p", "h2", "ul", "ol")
    return [element for element in root.iter() if isinstance(element.tag, str) and element.tag.split("}")[-1] in kinds]


def test_html_marks_the_english_half_of_a_welsh_release() -> None:
    page = html.fromstring(written(fixture("bilingual-welsh-english"), "html"))
    assert page.get("lang") == "cy" and page.get("dir") is None
    marked = [(element.tag, element.text_content()[:20]) for element in _body_elements(page) if element.get("lang") == "en"]
    assert marked == [
        ("h2", "New coastal path ope"), ("p", "Gwynedd Council has "),
        ("p", "The path will give v"), ("p", "The council leader s"),
    ]  # fmt: skip
    welsh = [element for element in _body_elements(page) if element.text_content().startswith("Mae Cyngor")]
    assert welsh and welsh[0].get("lang") is None


def test_html_of_a_canadian_release_marks_the_french_paragraphs() -> None:
    page = html.fromstring(written(fixture("bilingual-french-english-canada", language="en-CA"), "html"))
    assert page.get("lang") == "en-CA"
    assert [element.text_content()[:12] for element in _body_elements(page) if element.get("lang") == "fr"] == [
        "La Ville de ", "La biblioth\u00e8",
    ]  # fmt: skip


def test_html_right_to_left_document_and_part() -> None:
    page = html.fromstring(written(fixture("script-arabic"), "html"))
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    part = html.fromstring(written(english_with_arabic(), "html"))
    assert part.get("dir") is None
    arabic = [element for element in _body_elements(part) if element.text_content() == ARABIC]
    assert [(element.get("lang"), element.get("dir")) for element in arabic] == [("ar", "rtl")]


def test_epub_chapter_carries_lang_and_dir() -> None:
    with zipfile.ZipFile(io.BytesIO(written(fixture("bilingual-welsh-english"), "epub"))) as book:
        chapters = [name for name in book.namelist() if name.endswith(".xhtml") and "nav" not in name]
        roots = [etree.fromstring(book.read(name)) for name in chapters]
    assert any(root.get("lang") == "cy" for root in roots)
    english = [element for root in roots for element in root.iter(f"{XHTML}p") if element.get("lang") == "en"]
    assert len(english) == 3
    with zipfile.ZipFile(io.BytesIO(written(english_with_arabic(), "epub"))) as book:
        texts = [etree.fromstring(book.read(name)) for name in book.namelist() if name.endswith(".xhtml")]
    arabic = [element for root in texts for element in root.iter(f"{XHTML}p") if "".join(element.itertext()) == ARABIC]
    assert [(element.get("lang"), element.get("dir")) for element in arabic] == [("ar", "rtl")]


# --- DOCX ------------------------------------------------------------------------------------------------


def _docx_paragraphs(data: bytes) -> list[Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = etree.fromstring(package.read("word/document.xml"))
    return list(document.iter(f"{W}p"))


def _text(paragraph: Any) -> str:
    return "".join(paragraph.itertext())


def test_docx_runs_of_the_english_half_carry_w_lang() -> None:
    paragraphs = _docx_paragraphs(written(fixture("bilingual-welsh-english"), "docx"))
    for paragraph in paragraphs:
        langs = {run.get(f"{W}val") for run in paragraph.iter(f"{W}lang")}
        if _text(paragraph).startswith(("Gwynedd Council", "New coastal path", "The path will")):
            assert langs == {"en"}, _text(paragraph)
        elif _text(paragraph).startswith("Mae Cyngor"):
            assert langs == set()


def test_docx_right_to_left_runs_and_paragraphs() -> None:
    paragraphs = _docx_paragraphs(written(fixture("script-arabic"), "docx"))
    body = [paragraph for paragraph in paragraphs if _text(paragraph).startswith("وقال")]
    runs = body[0].findall(f"{W}r")
    # Arabic stretches are w:rtl runs; the Latin name inside is its own run, left to right.
    assert [(run.find(f"{W}rPr/{W}rtl") is not None, "".join(run.itertext())) for run in runs][:2] == [
        (True, "وقال وزير المياه إن مشروع "), (False, "SolarWater "),
    ]  # fmt: skip
    part = [paragraph for paragraph in _docx_paragraphs(written(english_with_arabic(), "docx")) if _text(paragraph) == ARABIC]
    assert part[0].find(f"{W}pPr/{W}bidi").get(f"{W}val") == "1"
    language = part[0].find(f"{W}r/{W}rPr/{W}lang")
    assert (language.get(f"{W}val"), language.get(f"{W}bidi")) == ("ar", "ar")
    assert part[0].find(f"{W}r/{W}rPr/{W}rtl") is not None


# --- PDF -------------------------------------------------------------------------------------------------


def _structure(pdf: pikepdf.Pdf) -> list[tuple[str, str | None]]:
    """(structure type, /Lang) of every element, in order."""
    found: list[tuple[str, str | None]] = []
    stack = [pdf.Root.StructTreeRoot.K]
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Array):
            stack.extend(reversed(list(element)))
            continue
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            continue
        found.append((str(element.S)[1:], str(element.Lang) if "/Lang" in element else None))
        if "/K" in element:
            stack.append(element.K)
    return found


def test_pdf_structure_elements_of_other_language_blocks_have_lang() -> None:
    with pikepdf.open(io.BytesIO(written(fixture("bilingual-welsh-english"), "pdf"))) as pdf:
        assert str(pdf.Root.Lang) == "cy"
        assert [item for item in _structure(pdf) if item[1] is not None] == [("H2", "en"), ("P", "en"), ("P", "en"), ("P", "en")]
    with pikepdf.open(io.BytesIO(written(fixture("bilingual-french-english-canada", language="en-CA"), "pdf"))) as pdf:
        assert [item for item in _structure(pdf) if item[1] is not None] == [("P", "fr"), ("P", "fr")]


def _pdftotext(data: bytes) -> str:
    result = subprocess.run([require_tool("pdftotext"), "-", "-"], input=data, capture_output=True, check=True)
    return "".join(re.sub("[\u200e\u200f\u202a-\u202e]", "", result.stdout.decode("utf-8")).split())


@pytest.mark.parametrize("name", ["script-arabic", "script-hebrew", "script-hindi", "bilingual-welsh-english"])
def test_pdftotext_gives_back_the_logical_text(name: str) -> None:
    release = fixture(name)
    text = _pdftotext(written(release, "pdf"))
    for paragraph in (release.title, *release.paragraphs):
        assert "".join(paragraph.split()) in text, paragraph


def test_an_arabic_word_is_drawn_in_its_contextual_forms() -> None:
    """The glyphs drawn for a word are HarfBuzz's for the font (DejaVu Sans), not the letters' isolated forms."""
    import uharfbuzz

    from pressconv.writers.pdf import DEFAULT_REGULAR

    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(DEFAULT_REGULAR.read_bytes())))
    buffer = uharfbuzz.Buffer()
    buffer.add_str(ARABIC_WORD)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {})
    expected = [info.codepoint for info in buffer.glyph_infos]
    isolated = [font.get_nominal_glyph(ord(char)) for char in reversed(ARABIC_WORD)]
    assert expected != isolated  # shaping changes this word: the test can tell the two apart

    data = written(Release("Title", None, (Paragraph(ARABIC_WORD),)), "pdf")
    drawn = _glyphs_drawn_with_tj(data)
    assert [font.get_glyph_extents(gid) for gid in expected] == [extents for _, extents in drawn]
    assert [font.get_glyph_extents(gid) for gid in isolated] != [extents for _, extents in drawn]


def _glyphs_drawn_with_tj(data: bytes) -> list[tuple[int, Any]]:
    """(subset glyph, its extents) for every glyph shown by TJ (shaped text) on the first page.

    The embedded subset renumbers glyphs, so they are compared by their outlines' extents, read from the
    subset font itself with HarfBuzz (the subset's cmap maps each code to its glyph).
    """
    import uharfbuzz

    found: list[tuple[int, Any]] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        fonts = page.Resources.Font
        current = None
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "Tf":
                descriptor = fonts[str(operands[0])].FontDescriptor
                face = uharfbuzz.Face(uharfbuzz.Blob(bytes(descriptor.FontFile2.read_bytes())))
                current = uharfbuzz.Font(face)
            elif str(operator) == "TJ" and current is not None:
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        for code in bytes(item):
                            glyph = current.get_nominal_glyph(code)
                            found.append((glyph, current.get_glyph_extents(glyph)))
    return found


def test_a_notice_names_a_script_no_font_covers() -> None:
    release = fixture("script-hindi")
    buffer = io.BytesIO()
    result = pressconv.write(release, "pdf", buffer, system_fonts=False)
    codes = [notice.code for notice in result]
    assert "missing-glyph" in codes
