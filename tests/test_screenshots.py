"""scripts/screenshots.py: it draws the README picture from real outputs, lays tiles out inside the frame, and fails clearly.

The full run (Chromium, LibreOffice, pdftoppm) is slow-marked and writes into a
temporary folder: a test must never overwrite the committed docs/images picture.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

import pressconv
from conftest import ROOT, load_script, require_tool

SCRIPT = ROOT / "scripts" / "screenshots.py"


screenshots = load_script("screenshots")

PAGE_COLOUR = (255, 0, 0)


def page(width: int, height: int) -> Image.Image:
    return Image.new("RGB", (width, height), PAGE_COLOUR)


def page_columns(image: Image.Image) -> list[int]:
    """The x positions where a page pixel shows, along the row through the pages' middle."""
    y = screenshots.MARGIN + 10
    return [x for x in range(image.width) if image.getpixel((x, y)) == PAGE_COLOUR]


def test_compose_puts_every_page_inside_the_margins_at_one_height() -> None:
    tiles = [
        screenshots.Tile((page(900, 1200),), "HTML", "in a browser"),
        screenshots.Tile((page(496, 702),), "PDF", "page 1"),
        screenshots.Tile((page(600, 900), page(600, 900)), "EPUB", "cover and first page"),
    ]
    image = screenshots.compose(tiles)
    assert image.width == screenshots.WIDTH
    columns = page_columns(image)
    assert min(columns) >= screenshots.MARGIN
    assert max(columns) < image.width - screenshots.MARGIN
    # Four pages, so four separate runs of page pixels.
    runs = sum(1 for left, right in itertools.pairwise(columns) if right != left + 1) + 1
    assert runs == 4
    # Same height: every page's column of pixels spans the same rows.
    heights = {sum(1 for y in range(image.height) if image.getpixel((x, y)) == PAGE_COLOUR) for x in columns}
    assert len(heights) == 1


@settings(max_examples=20, deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.integers(200, 1600), st.integers(200, 1600)), min_size=1, max_size=2), min_size=1, max_size=5)
)
def test_compose_fits_any_page_shapes_in_the_frame(shapes: list[list[tuple[int, int]]]) -> None:
    tiles = [screenshots.Tile(tuple(page(w, h) for w, h in row), "X", "y") for row in shapes]
    image = screenshots.compose(tiles)
    columns = page_columns(image)
    assert image.width == screenshots.WIDTH
    assert columns, "no page was drawn"
    assert min(columns) >= screenshots.MARGIN - 1
    assert max(columns) <= image.width - screenshots.MARGIN


def test_a_missing_tool_is_one_clear_line_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no renderer can be found
    output = tmp_path / "outputs.png"
    assert screenshots.main(["--output", str(output)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("screenshots.py: chromium is not installed (apt-get install chromium)")
    assert not output.exists()


def test_a_font_drawn_as_itself_is_no_warning_and_an_unknown_one_is() -> None:
    require_tool("fc-match")
    assert screenshots.font_substitute("DejaVu Sans") is None
    assert screenshots.font_substitute(None) is None
    warning = screenshots.font_substitute("No Such Family Pressconv")
    assert warning is not None
    assert warning.startswith("the DOCX asks for No Such Family Pressconv, which this machine draws as ")
    assert "install" not in warning  # no metric twin is known for it


def test_the_docx_body_font_is_read_from_the_document_defaults(tmp_path: Path) -> None:
    docx = tmp_path / "seed.docx"
    docx.write_bytes(pressconv.convert(screenshots.SEED, to="docx").data)
    font = screenshots.docx_font(docx)
    assert isinstance(font, str) and font


@pytest.mark.slow
def test_the_script_draws_the_picture_from_real_outputs(tmp_path: Path) -> None:
    for tool in ("chromium", "soffice", "pdftoppm"):
        require_tool(tool)
    output = tmp_path / "images" / "outputs.png"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output)], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    size = output.stat().st_size
    assert 30_000 < size < 400_000, f"{size} bytes"
    with Image.open(output) as image:
        assert image.format == "PNG"
        assert image.width == screenshots.WIDTH
        assert 300 < image.height < 1000
        rgb = image.convert("RGB")
    # The pages hold dark text and the EPUB cover's dark ground, not just the light grey background and white paper.
    dark = sum(rgb.convert("L").histogram()[:80])
    assert dark > 0.01 * rgb.width * rgb.height
