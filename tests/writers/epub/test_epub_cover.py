"""EPUB covers: the generated title card never clips (measured in Chromium), and user covers are typed and made safe."""

from __future__ import annotations

import html
import io
import itertools
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pressconv
from conftest import require_tool
from pressconv.notices import Code
from pressconv.writers.cover import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, fit_title, font_metrics, title_card
from pressconv.writers.svg import cover_image, sanitise_svg
from samples import HARD_TITLES, SVG_HEAD, tiny_png

_MEASURE = """<!DOCTYPE html><html><body style="margin:0">{svgs}<pre id="out"></pre><script>
document.getElementById("out").textContent = JSON.stringify([...document.querySelectorAll("body > div > svg")].map(svg => {{
  const page = svg.getBoundingClientRect();
  return [...svg.querySelectorAll("text")].map(t => {{
    const box = t.getBoundingClientRect();
    return {{text: t.textContent, left: box.left - page.left, top: box.top - page.top,
             right: box.right - page.left, bottom: box.bottom - page.top}};
  }});
}}));
</script></body></html>"""


def rendered_text_boxes(svgs: dict[str, bytes], directory: Path) -> dict[str, list[dict[str, float | str]]]:
    """Each `<text>`'s bounding box as Chromium lays it out (fonts, fallback fonts and `textLength` applied), relative
    to its own SVG, by name: every SVG on one page, so one Chromium start measures them all (the covers have no ids)."""
    chromium = require_tool("chromium")
    # Inline SVG in an HTML page: no XML declaration; each in its own block.
    markup = "".join(f"<div>{svg.decode('utf-8').split('?>', 1)[1]}</div>" for svg in svgs.values())
    page = directory / "covers.html"
    page.write_text(_MEASURE.format(svgs=markup), encoding="utf-8")
    argv = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom", page.as_uri()]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="out">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found is not None and found.group(1), f"Chromium did not measure the covers:\n{result.stderr[-2000:]}"
    boxes: list[list[dict[str, float | str]]] = json.loads(html.unescape(found.group(1)))
    assert len(boxes) == len(svgs), "Chromium measured another number of covers than it was shown"
    return dict(zip(svgs, boxes, strict=True))


@pytest.fixture(scope="module")
def measured_covers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, float | str]]]:
    """The title card of every hard title, measured in Chromium, by the title's name."""
    cards = {}
    for name, title in HARD_TITLES.items():
        language = {"cjk": "zh", "arabic": "ar", "welsh": "cy"}.get(name, "en-GB")
        direction = "rtl" if language == "ar" else "ltr"
        dateline = "21 February 2024 – 7 March 2025"
        cards[name] = title_card(title, dateline, "Press release", language=language, direction=direction)
    return rendered_text_boxes(cards, tmp_path_factory.mktemp("covers"))


@pytest.mark.xdist_group("cover-measure")
@pytest.mark.parametrize("name", sorted(HARD_TITLES))
def test_the_generated_cover_never_clips_the_title(name: str, measured_covers: dict[str, list[dict[str, float | str]]]) -> None:
    title = HARD_TITLES[name]
    boxes = measured_covers[name]
    assert len(boxes) >= 3  # title lines, dateline, label
    tolerance = 4  # a glyph's side bearing may reach a few units past its advance
    for box in boxes:
        assert MARGIN - tolerance <= float(box["left"]) and float(box["right"]) <= PAGE_WIDTH - MARGIN + tolerance, box
        assert float(box["top"]) >= 0 and float(box["bottom"]) <= PAGE_HEIGHT, box
    # No line overlaps the next: the text is readable, not only inside the page.
    tops = [(float(box["top"]), float(box["bottom"])) for box in boxes]
    for (_, bottom), (top, _) in itertools.pairwise(tops):
        assert top >= bottom - 2
    # Every character of the title is on the card (the long title may end in an ellipsis instead).
    drawn = "".join(str(box["text"]) for box in boxes)
    assert "".join(title.split()) in "".join(drawn.split()) or drawn.count("…") == 1


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=400))
def test_every_title_line_fits_by_the_font_s_own_metrics(title: str) -> None:
    """The wrapping never produces a line wider than the text box, for any script, and never loses text."""
    metrics = font_metrics("DejaVuSans-Bold.ttf")
    size, lines = fit_title(title, metrics)
    assert 14 <= size <= 60
    for line in lines:
        assert metrics.width(line, size) <= PAGE_WIDTH - 2 * MARGIN + 0.01
    if not lines or not lines[-1].endswith("…"):
        assert "".join("".join(lines).split()) == "".join(title.split())


def test_cjk_wraps_between_characters_and_latin_between_words() -> None:
    metrics = font_metrics("DejaVuSans-Bold.ttf")
    _, lines = fit_title(HARD_TITLES["cjk"], metrics)
    assert len(lines) > 1 and "".join(lines) == HARD_TITLES["cjk"]
    _, lines = fit_title(HARD_TITLES["upper-case"], metrics)
    assert " ".join(lines) == HARD_TITLES["upper-case"]  # broken only at spaces


# --- user covers: real types, sanitised SVG ---------------------------------------------------------------


def _book(cover: bytes) -> tuple[zipfile.ZipFile, tuple[pressconv.Notice, ...]]:
    buffer = io.BytesIO()
    notices = pressconv.write(pressconv.Release("Covered", None, ("Text.",)), "epub", buffer, cover=cover)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue())), notices


@pytest.mark.parametrize(
    ("svg", "gone"),
    [
        (SVG_HEAD + b'><script>alert(1)</script><rect width="6" height="9"/></svg>', b"<script"),
        (SVG_HEAD + b' onload="alert(1)"><rect width="6" height="9" onclick="x()"/></svg>', b"onload"),
        (SVG_HEAD + b'><image href="https://tracker.example/p.png" width="6" height="9"/></svg>', b"tracker.example"),
        (SVG_HEAD + b'><use xlink:href="https://evil.example/sprite.svg#a"/></svg>', b"evil.example"),
        (SVG_HEAD + b'><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject></svg>', b"foreignObject"),
        (SVG_HEAD + b'><style>@import url("https://x.example/a.css");</style></svg>', b"x.example"),
        (SVG_HEAD + b'><a href="javascript:alert(1)"><text>t</text></a></svg>', b"javascript"),
        (SVG_HEAD + b'><set attributeName="href" to="javascript:alert(1)"/></svg>', b"javascript"),
        (b'<?xml-stylesheet href="https://x.example/s.css"?>' + SVG_HEAD + b"/>", b"x.example"),
    ],
    ids=[
        "script",
        "onload",
        "remote-image",
        "external-use",
        "foreign-object",
        "css-import",
        "javascript-link",
        "animation",
        "pi",
    ],
)
def test_active_and_remote_parts_of_an_svg_cover_are_removed_and_reported(svg: bytes, gone: bytes) -> None:
    book, notices = _book(svg)
    stored = book.read("EPUB/images/cover.svg")
    assert gone not in stored
    assert stored.lstrip().startswith(b"<?xml") and b"<svg" in stored
    assert [n.code for n in notices] == [Code.COVER_SANITISED]


def test_a_clean_svg_cover_is_stored_unchanged_with_its_safe_references() -> None:
    inside = b'<defs><path id="p" d="M0 0h6v9z"/></defs><use xlink:href="#p"/><image href="data:image/png;base64,AA=="/>'
    svg = SVG_HEAD + b">" + inside + b"</svg>"
    book, notices = _book(svg)
    assert book.read("EPUB/images/cover.svg") == svg and notices == ()


@pytest.mark.parametrize(
    "svg",
    [
        b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + SVG_HEAD + b"><text>&b;</text></svg>",
        b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG_HEAD + b"><text>&x;</text></svg>",
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG_HEAD + b"/>",
        b"<html><body><svg></svg></body></html>",  # "<svg" early on, but an HTML page
        SVG_HEAD + b"><unclosed></svg>",
    ],
    ids=["entities", "external-entity", "doctype", "html-with-svg", "not-well-formed"],
)
def test_what_cannot_be_made_safe_is_refused_up_front(svg: bytes) -> None:
    writer = pressconv.get_writer("epub")
    options = pressconv.writers.make_options(writer, {"cover": svg})
    with pytest.raises(pressconv.OptionError, match="cover"):
        writer.check(options)  # type: ignore[attr-defined]
    with pytest.raises(pressconv.OptionError, match="cover"):
        _book(svg)


def test_a_cover_s_type_is_its_bytes_not_its_name(tmp_path: Path) -> None:
    png_named_svg = tmp_path / "cover.svg"
    png_named_svg.write_bytes(tiny_png())
    svg_named_png = tmp_path / "cover.png"
    svg_named_png.write_bytes(SVG_HEAD + b' onload="x()"/>')
    for path, stored, media_type in ((png_named_svg, "EPUB/images/cover.png", "image/png"),
                                     (svg_named_png, "EPUB/images/cover.svg", "image/svg+xml")):  # fmt: skip
        buffer = io.BytesIO()
        pressconv.write(pressconv.Release("Covered", None, ("Text.",)), "epub", buffer, cover=path)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as book:
            assert stored in book.namelist()
            assert f'media-type="{media_type}"' in book.read("EPUB/content.opf").decode()
            assert b"onload" not in book.read(stored)
    assert cover_image(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "c").media_type == "image/webp"
    with pytest.raises(pressconv.OptionError, match="not a PNG"):
        cover_image(b"RIFF\x00\x00\x00\x00AVI LIST", "c")  # RIFF, but not WebP
    with pytest.raises(pressconv.OptionError, match="not a PNG"):
        cover_image(b"%PDF-1.7 <svg", "c")


def test_sanitising_is_idempotent_and_keeps_drawing() -> None:
    svg = SVG_HEAD + b' onload="x()"><script>y()</script><rect width="6" height="9" fill="url(#g)"/></svg>'
    once, removed = sanitise_svg(svg, "c")
    assert removed == ("the onload attribute of <svg>", "a <script> element")
    assert b'fill="url(#g)"' in once and b"<rect" in once and b"script" not in once
    assert sanitise_svg(once, "c") == (once, ())


def test_the_cli_refuses_an_unsafe_cover_once_before_any_work_and_reports_a_sanitised_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import FIXTURES
    from pressconv.cli import main

    evil = tmp_path / "evil.svg"
    evil.write_bytes(b'<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + SVG_HEAD + b"><text>&a;</text></svg>")
    out = tmp_path / "out"
    assert main(["convert", str(FIXTURES), "--to", "epub,html", "-o", f"{out}/", "--cover", str(evil)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and "DOCTYPE" in errors[0]
    assert not out.exists() or not any(out.iterdir())
    scripted = tmp_path / "scripted.svg"
    scripted.write_bytes(SVG_HEAD + b' onload="x()"/>')
    seed = FIXTURES / "blue-light-integration.txt"
    assert main(["convert", str(seed), "--to", "epub", "-o", f"{out}/", "--cover", str(scripted)]) == 0
    assert "onload" in capsys.readouterr().err
