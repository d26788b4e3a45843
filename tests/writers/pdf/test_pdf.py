"""PDF output: text extractable in reading order, every font embedded, valid structure, honest metadata."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings

import pressconv
from conftest import FIXTURE_CASES, Fixture, folded, require_tool
from pressconv.l10n import document_title, shown_title
from pressconv.writers.pdf import DEFAULT_REGULAR, PLACEHOLDER
from pressconv.writers.pdf.shaping import needs_shaping
from readback import shown_paragraphs
from strategies import releases

GLYPHS = "’ “ ” — £ € é ë ł ő Ж Ω"


def pdf_bytes(release: pressconv.Release, **options: object) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "pdf", buffer, **options)
    return buffer.getvalue()


def fixture_pdf(release: pressconv.Release, *, system_fonts: bool = True) -> bytes:
    """A fixture's PDF. Emoji and CJK use system fonts where installed (.ci/run installs fonts-symbola and
    fonts-wqy-zenhei); elsewhere (or with system fonts off) they are placeholders, and the PDF is written all the same."""
    return pdf_bytes(release, system_fonts=system_fonts)


def as_drawn(text: str, *, system_fonts: bool = True, bold: bool = False) -> str:
    """`text` as the PDF draws it, so as pypdf extracts it: characters no font has are placeholder boxes
    (pdftotext reads their /ActualText; pypdf does not), invisible format characters are not drawn."""
    from pressconv.writers.pdf.fonts import BOXED, HIDDEN, FontChain, GlyphReport, default_font, no_system_fonts, system_font_for

    lookup = system_font_for if system_fonts else no_system_fonts
    chain = FontChain(default_font(bold), (default_font(),), system=lookup, policy="placeholder", report=GlyphReport())
    parts = {BOXED: lambda run: PLACEHOLDER * (run.end - run.start), HIDDEN: lambda run: ""}
    return "".join(parts.get(run.kind, lambda run: text[run.start : run.end])(run) for run in chain.runs(text))


def extracted_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def logical_text(data: bytes) -> str:
    """The text pdftotext (poppler) reads, without the bidi controls it puts around right-to-left lines."""
    result = subprocess.run([require_tool("pdftotext"), "-", "-"], input=data, capture_output=True, check=True)
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", result.stdout.decode("utf-8"))


def unspaced(text: str) -> str:
    return "".join(text.split())


def body_text(data: bytes, title: str) -> str:
    """Extracted text without the page furniture: "Page N of M", and the running title on pages 2+."""
    lines: list[str] = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages):
        page_lines = [line for line in page.extract_text().splitlines() if not re.fullmatch(r"Page \d+ of \d+", line.strip())]
        if number > 0:
            header = next(
                line
                for line in reversed(page_lines)
                if line.strip() == title or (line.endswith("…") and title.startswith(line[:-1].strip()))
            )
            page_lines.remove(header)
        lines += page_lines
    return folded(" ".join(lines))


@pytest.mark.parametrize("system_fonts", [True, False], ids=["system-fonts", "dejavu-only"])
@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_text_and_title_read_back_in_order(fixture: Fixture, system_fonts: bool) -> None:
    """Also as on a machine whose fontconfig sees only DejaVu (system fonts off): written, text in order."""
    release = fixture.release()
    data = fixture_pdf(release, system_fonts=system_fonts)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == document_title(release.title, release.date, release.language)
    shown = shown_title(release.title, release.language)  # an untitled release's heading names its kind
    title = as_drawn(shown, system_fonts=system_fonts, bold=True)
    fold = folded
    expected = (title, *(as_drawn(paragraph, system_fonts=system_fonts) for paragraph in shown_paragraphs(release)))
    if any(needs_shaping(text) for text in (shown, *release.paragraphs)):
        # Shaped text (Arabic, Hebrew, Devanagari) is read back by pdftotext: pypdf neither reads right-to-left
        # lines from the right nor honours /ActualText (which placeholders carry too, so the logical text is
        # expected whatever the fonts). pdftotext's spacing around digits and punctuation differs: spaces are ignored.
        text, fold, expected = unspaced(logical_text(data)), unspaced, (shown, *shown_paragraphs(release))
    else:
        running = document_title(release.title, release.date, release.language)  # the running header's title
        text = body_text(data, running if release.title is None else title)
    position = 0
    for paragraph in expected:
        found = text.find(fold(paragraph), position)
        assert found >= 0, (fixture.name, paragraph)
        position = found + len(fold(paragraph))


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_structure_is_valid_and_every_font_is_embedded(fixture: Fixture) -> None:
    with pikepdf.open(io.BytesIO(fixture_pdf(fixture.release()))) as pdf:
        assert pdf.check_pdf_syntax() == []
        fonts = [font for page in pdf.pages for font in page.Resources.Font.values()]
        assert fonts
        for font in fonts:
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor, font.get("/BaseFont")


def test_qpdf_finds_no_errors(tmp_path: Path) -> None:
    qpdf = require_tool("qpdf")
    path = tmp_path / "seed.pdf"
    path.write_bytes(pdf_bytes(FIXTURE_CASES[0].values[0].release()))  # type: ignore[attr-defined]
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, result.stdout + result.stderr


def test_pdftotext_reads_the_glyphs() -> None:
    pdftotext = require_tool("pdftotext")
    release = pressconv.Release(GLYPHS, None, (GLYPHS,))
    result = subprocess.run([pdftotext, "-", "-"], input=pdf_bytes(release), capture_output=True, check=True)
    # pdftotext guesses word spaces from glyph gaps; the characters themselves must all be there, in order.
    assert "".join(result.stdout.decode().split()).count("".join(GLYPHS.split())) == 2


def test_every_glyph_renders_and_extracts_as_itself() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    release = pressconv.Release("Glyphs", None, (GLYPHS,))
    assert GLYPHS in body_text(pdf_bytes(release), release.title)
    covered = TTFont("check", str(DEFAULT_REGULAR)).face.charToGlyph
    assert all(ord(char) in covered for char in GLYPHS.replace(" ", ""))


def test_markup_looking_text_prints_as_typed() -> None:
    paragraphs = ("S&P <b>bold</b> <script>alert(1)</script> &amp; &lt;", "<font face='x'>not a font</font> <br/>")
    text = body_text(pdf_bytes(pressconv.Release("A <i>title</i> & co", None, paragraphs)), "A <i>title</i> & co")
    assert text == folded(" ".join(("A <i>title</i> & co", *paragraphs)))


def test_same_release_gives_identical_bytes() -> None:
    release = FIXTURE_CASES[0].values[0].release()  # type: ignore[attr-defined]
    assert pdf_bytes(release) == pdf_bytes(release)


def test_metadata_and_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    dated = pressconv.Release("Budget", datetime.date(2014, 3, 7), ("Text.",), language="en-GB")
    metadata = pypdf.PdfReader(io.BytesIO(pdf_bytes(dated, author="Press Office"))).metadata
    assert metadata is not None
    assert (metadata.title, metadata.author) == ("Budget", "Press Office")
    assert (metadata.creator, metadata.producer) == ("pressconv", "pressconv")
    assert metadata["/CreationDate"].startswith("D:20140307") and "7 March 2014" in metadata.subject
    with pikepdf.open(io.BytesIO(pdf_bytes(dated))) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
    undated = pypdf.PdfReader(io.BytesIO(pdf_bytes(pressconv.Release("B", None, ("x",))))).metadata
    assert undated is not None and "/CreationDate" not in undated and "/ModDate" not in undated
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = pypdf.PdfReader(io.BytesIO(pdf_bytes(dated))).metadata
    assert stamped is not None and stamped["/CreationDate"].startswith("D:20231114221320")


def test_long_release_has_page_numbers_and_running_title() -> None:
    release = pressconv.Release("A long release", None, tuple(f"Paragraph {n} " + "word " * 80 for n in range(40)))
    pages = pypdf.PdfReader(io.BytesIO(pdf_bytes(release))).pages
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        if number > 1:  # the running title; page 1 has the real one
            assert "A long release" in text


def test_letter_paper_and_custom_font(tmp_path: Path) -> None:
    release = pressconv.Release("T", None, ("x",))
    page = pypdf.PdfReader(io.BytesIO(pdf_bytes(release, paper="letter"))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    with pytest.raises(pressconv.OptionError, match="cannot read the font"):
        pdf_bytes(release, font=tmp_path / "missing.ttf")
    not_a_font = tmp_path / "bad.ttf"
    not_a_font.write_bytes(b"not a font")
    with pytest.raises(pressconv.OptionError, match="not a usable TrueType font"):
        pdf_bytes(release, font=not_a_font)


def test_a_character_no_font_has_is_an_error_not_a_silent_drop_when_asked() -> None:
    """--missing-glyphs error keeps the old refusal; the default (a placeholder) is in test_pdf_glyphs.py."""
    with pytest.raises(pressconv.OutputError, match=r"no font has a glyph for .*U\+1F389"):
        pdf_bytes(pressconv.Release("T", None, ("Party \U0001f389",)), missing_glyphs="error", system_fonts=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases)
def test_any_valid_release_is_written(release: pressconv.Release) -> None:
    """Whatever the characters: with only the bundled fonts, what they lack becomes placeholders, never an error."""
    data = pdf_bytes(release, system_fonts=False)
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == release.title  # type: ignore[union-attr]
