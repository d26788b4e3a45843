"""Line breaking, pagination and long inputs: every character placed once, in order, in linear time.

Timing lives in benchmarks/pdf_linear.py (printed, never asserted); these tests check that long titles and
paragraphs come out whole and right.
"""

from __future__ import annotations

import io
import itertools
import subprocess

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pressconv
from conftest import folded, require_tool
from pressconv.model import Heading, ListBlock, Paragraph, Text
from pressconv.writers.pdf.fonts import FontChain, GlyphReport, default_font, no_system_fonts
from pressconv.writers.pdf.furniture import shortened
from pressconv.writers.pdf.layout import Piece, TextBlock, WordWidths, break_lines, make_pieces, paginate
from pressconv.writers.pdf.styles import STYLES
from pressconv.writers.pdf.tagging import Element


def chain() -> FontChain:
    return FontChain(default_font(), (default_font(),), system=no_system_fonts, policy="placeholder", report=GlyphReport())


def lines_of(text: str, width: float, size: float = 10.5) -> list[tuple[int, int]]:
    pieces = make_pieces(chain().runs(text), (), len(text))
    return break_lines(text, pieces, size, width)


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from("ab cdé Ж 新\U0001f389 "), min_size=1, max_size=300), st.floats(20, 400))
def test_lines_cover_the_text_in_order_and_fit(text: str, width: float) -> None:
    lines = lines_of(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    assert all(previous[1] == following[0] for previous, following in itertools.pairwise(lines))
    fonts = chain()
    for start, end in lines:
        visible = text[start:end].rstrip(" ")
        assert len(visible) <= 1 or fonts.width(visible, 10.5) <= width + 1e-6, (visible, width)


_words = st.text(st.sampled_from("abcdéЖwW"), max_size=14)
_spaced = st.lists(st.tuples(_words, st.integers(1, 3)), min_size=1, max_size=40)


@settings(max_examples=100, deadline=None)
@given(_spaced.map(lambda parts: "".join(word + " " * spaces for word, spaces in parts)[1:]), st.floats(5, 150))
def test_plain_text_breaks_as_the_general_path_does(text: str, width: float) -> None:
    """One font, drawn as itself: the fast path (one split, cached widths) gives the general path's lines exactly.

    Words of up to 14 letters, runs of spaces, lines 5 to 150 pt wide (a word may be wider than the line)."""
    whole = make_pieces(chain().runs(text), (), len(text))
    assert len(whole) == 1
    run = whole[0].run
    cuts = sorted({0, len(text), *(index for index, char in enumerate(text) if char == " ")})
    # Cut at every space: more than one piece takes the general path, and no word is measured in two parts.
    cut = [Piece(start, end, run) for start, end in itertools.pairwise(cuts) if start < end]
    known: WordWidths = {}
    expected = break_lines(text, cut, 10.5, width) if len(cut) > 1 else break_lines(text, whole, 10.5, width)
    assert break_lines(text, whole, 10.5, width, known) == expected
    assert break_lines(text, whole, 10.5, width, known) == expected  # again, every width from the cache


def test_a_word_wider_than_the_line_breaks_between_characters() -> None:
    url = "https://example.org/" + "x" * 400
    lines = lines_of(url, 200)
    assert len(lines) > 2 and "".join(url[start:end] for start, end in lines) == url


def test_each_line_keeps_its_trailing_space_so_extracted_words_stay_apart() -> None:
    text = "word " * 60
    for start, end in lines_of(text.strip(), 150)[:-1]:
        assert text[start:end].endswith(" ")


def test_pagination_places_every_line_once_and_keeps_headings_with_their_text() -> None:
    fonts = chain()
    blocks = []
    for number in range(60):
        style = STYLES["heading" if number % 10 == 9 else "body"]
        text = f"Block {number} " + "word " * (5 if style.keep_with_next else 70)
        pieces = make_pieces(fonts.runs(text), (), len(text))
        block = TextBlock(text, style, Element("P"), pieces)
        block.lines = break_lines(text, pieces, style.size, 450)
        blocks.append(block)
    pages = paginate(blocks, 770, 70)
    assert len(pages) > 3
    placed = [(id(placement.block), line) for page in pages for placement in page
              for line in range(placement.first, placement.last)]  # fmt: skip
    assert placed == [(id(block), line) for block in blocks for line in range(len(block.lines))]
    for page in pages[:-1]:
        last = page[-1]
        assert not (last.block.style.keep_with_next and last.last == len(last.block.lines)), "a heading ends a page"


def test_shortened_finds_the_longest_prefix_that_fits_by_bisection() -> None:
    calls: list[str] = []

    def fits(text: str) -> bool:
        calls.append(text)
        return len(text) <= 50

    title = "A very long title " * 5_000
    short = shortened(title, fits)
    assert short.endswith("…") and len(short) <= 50 and title.startswith(short[:-1])
    assert len(calls) < 25  # about log2(90,000), not one call per removed character
    assert shortened("Short", fits) == "Short"


def test_a_100000_character_title_is_written_whole_with_a_shortened_running_title() -> None:
    title = " ".join(f"word{number}" for number in range(14_000))[:100_000]
    release = pressconv.Release(title, None, (Paragraph("Body text."),))
    data = io.BytesIO()
    pressconv.write(release, "pdf", data, system_fonts=False)
    reader = pypdf.PdfReader(data)
    assert reader.metadata is not None and reader.metadata.title == title
    second = reader.pages[1].extract_text()
    running = next(line for line in second.splitlines() if line.endswith("…"))
    assert title.startswith(running[:-1].rstrip()) and len(running) < 200


@pytest.mark.slow
def test_one_very_long_paragraph_comes_out_whole_and_in_order() -> None:
    pdftotext = require_tool("pdftotext")
    paragraph = " ".join(f"w{number}" for number in range(60_000))  # ~400,000 characters, about 60 pages
    release = pressconv.Release("Long", None, (Paragraph(paragraph), Heading("After"), ListBlock((Text("item"),))))
    data = io.BytesIO()
    pressconv.write(release, "pdf", data, system_fonts=False)
    text = subprocess.run([pdftotext, "-", "-"], input=data.getvalue(), capture_output=True, check=True).stdout.decode()
    body = folded(" ".join(line for line in text.splitlines() if not line.startswith(("Page ", "Long"))))
    assert paragraph in body and body.index(paragraph) < body.index("After") < body.index("item")
