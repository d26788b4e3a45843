"""The generated EPUB cover: a title card whose text is set with the real metrics of the font it names.

A reader renders the SVG with its own fonts, so a title wrapped by counting
characters runs off the page whenever the glyphs are wider than guessed (an
upper-case title, an em dash, CJK). Here every line is measured with the
advance widths of the bundled DejaVu Sans (read straight from the font's
`cmap` and `hmtx` tables — a few hundred microseconds, no font library to
import), the size is shrunk until the wrapped title fits its box, and each
line carries `textLength`, so a reader that substitutes another font still
draws the line exactly as wide as it was measured: never clipped.
"""

from __future__ import annotations

import bisect
import functools
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

_FONTS = Path(__file__).resolve().parent.parent / "fonts"

# The page, in SVG user units (a 2:3 portrait card), and the boxes the text must stay inside.
PAGE_WIDTH, PAGE_HEIGHT = 600, 900
MARGIN = 48
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
_TITLE_TOP = 160  # below the gold rule
_TITLE_BOTTOM = 730  # above the dateline's lowest position and the label
_LINE_HEIGHT = 1.22
_TITLE_SIZES = tuple(range(60, 13, -2))
_WHOLE_WORD_SIZES = tuple(size for size in _TITLE_SIZES if size >= 20)
_FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"

# Characters a line may break after (dashes, slashes), and the closing punctuation that must not start one.
_BREAK_AFTER = frozenset("-\u2010\u2012\u2013\u2014\u2015/\\|")
_NO_LINE_START = frozenset("、。，．・：；？！）」』】〕〉》〟’”‐ー…,.:;!?)]}%")


@dataclass(frozen=True, slots=True)
class FontMetrics:
    """Advance widths of one TrueType font, looked up per character through its format-12 cmap."""

    name: str  # the bundled font's file name, the key of its per-character cache
    units_per_em: int
    advances: tuple[int, ...]  # by glyph id
    starts: tuple[int, ...]  # cmap groups: first code point …
    ends: tuple[int, ...]  # … last code point …
    glyphs: tuple[int, ...]  # … and the glyph id of the first

    def advance(self, char: str) -> float | None:
        """The advance of `char` in em, or None when the font has no glyph for it."""
        code = ord(char)
        group = bisect.bisect_right(self.starts, code) - 1
        if group < 0 or code > self.ends[group]:
            return None
        glyph = self.glyphs[group] + code - self.starts[group]
        if glyph == 0:
            return None
        # Glyphs past the last full metric share its advance (the hmtx table's rule).
        return self.advances[min(glyph, len(self.advances) - 1)] / self.units_per_em

    def width(self, text: str, size: float) -> float:
        """The width of `text` at `size`: the font's advances, one em for a character it lacks
        (CJK and most other scripts' glyphs are at most one em wide), nothing for combining marks."""
        return sum(_em_width(self.name, char) for char in text) * size


@functools.lru_cache(maxsize=4096)
def _em_width(font: str, char: str) -> float:
    """One character's width in em, as `FontMetrics.width` counts it (looked up once per character)."""
    advance = font_metrics(font).advance(char)
    if advance is None:
        return 0.0 if unicodedata.combining(char) else 1.0
    return advance


@functools.lru_cache(maxsize=4)
def font_metrics(file_name: str) -> FontMetrics:
    """The metrics of a bundled font (read once per process; the fonts never change)."""
    data = (_FONTS / file_name).read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {tag: offset for tag, _, offset, _ in struct.iter_unpack(">4sIII", data[12 : 12 + 16 * count])}
    (units_per_em,) = struct.unpack_from(">H", data, tables[b"head"] + 18)
    (metric_count,) = struct.unpack_from(">H", data, tables[b"hhea"] + 34)
    hmtx = tables[b"hmtx"]
    advances = tuple(advance for advance, _ in struct.iter_unpack(">Hh", data[hmtx : hmtx + 4 * metric_count]))
    cmap = tables[b"cmap"]
    (_, subtables) = struct.unpack_from(">HH", data, cmap)
    for platform, encoding, offset in struct.iter_unpack(">HHI", data[cmap + 4 : cmap + 4 + 8 * subtables]):
        start = cmap + offset
        if (platform, encoding) in {(3, 10), (0, 4)} and struct.unpack_from(">H", data, start)[0] == 12:
            (groups,) = struct.unpack_from(">I", data, start + 12)
            rows = list(struct.iter_unpack(">III", data[start + 16 : start + 16 + 12 * groups]))
            return FontMetrics(
                file_name, units_per_em, advances, tuple(r[0] for r in rows), tuple(r[1] for r in rows), tuple(r[2] for r in rows)
            )
    raise ValueError(f"{file_name} has no format-12 Unicode cmap")  # pragma: no cover - the bundled fonts have one


def _is_wide(char: str) -> bool:
    """A character of a script written without spaces (CJK ideographs, kana, full-width forms): a line may break around it."""
    return unicodedata.east_asian_width(char) in {"W", "F"}


def _segments(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of `text`, each with whether a space separates it from the previous one.

    Breaks are allowed at spaces, after dashes and slashes, and between wide (CJK) characters;
    closing punctuation stays with what it closes.
    """
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        spaced = True
        current = ""
        for char in word:
            if current and char not in _NO_LINE_START and (_is_wide(char) or _is_wide(current[-1])):
                pieces.append((current, spaced))
                current, spaced = "", False
            current += char
            if char in _BREAK_AFTER and len(current) > 1:
                pieces.append((current, spaced))
                current, spaced = "", False
        if current:
            pieces.append((current, spaced))
    return pieces


def _split_long(piece: str, metrics: FontMetrics, limit: float) -> list[tuple[str, float]]:
    """A piece wider than a line (`limit` em), cut between characters (keeping combining marks with their base)."""
    parts: list[tuple[str, float]] = []
    current, width = "", 0.0
    for char in piece:
        advance = metrics.width(char, 1.0)
        if current and not unicodedata.combining(char) and width + advance > limit:
            parts.append((current, width))
            current, width = "", 0.0
        current, width = current + char, width + advance
    if current:
        parts.append((current, width))
    return parts


def wrap(text: str, metrics: FontMetrics, size: float, *, split_words: bool = True) -> list[str] | None:
    """`text` wrapped greedily into lines no wider than the text box at `size`, by measured width.

    Without `split_words`, None when some word is wider than a line (a smaller size may fit it whole).
    """
    limit = TEXT_WIDTH / size  # in em: widths scale with the size, so each piece is measured once
    space = metrics.width(" ", 1.0)
    lines: list[str] = []
    current, width = "", 0.0
    for piece, spaced in _segments(text):
        piece_width = metrics.width(piece, 1.0)
        gap = space if current and spaced else 0.0
        if width + gap + piece_width <= limit:
            current, width = current + (" " if gap else "") + piece, width + gap + piece_width
            continue
        if current:
            lines.append(current)
        if piece_width <= limit:
            current, width = piece, piece_width
            continue
        if not split_words:
            return None
        parts = _split_long(piece, metrics, limit)
        lines.extend(part for part, _ in parts[:-1])
        current, width = parts[-1]
    if current:
        lines.append(current)
    return lines


def fit_title(text: str, metrics: FontMetrics) -> tuple[float, list[str]]:
    """The largest size at which the wrapped title fits its box, and its lines.

    Sizes that keep every word whole are tried first (down to a readable minimum), then
    sizes that cut over-long words. At the smallest size a title that still does not fit
    is cut at the last line that does, ending in an ellipsis (the whole title is the SVG's
    `<title>` and the cover's alternative text).
    """
    height = _TITLE_BOTTOM - _TITLE_TOP
    for split_words, sizes in ((False, _WHOLE_WORD_SIZES), (True, _TITLE_SIZES)):
        for size in sizes:
            lines = wrap(text, metrics, size, split_words=split_words)
            if lines is not None and len(lines) * size * _LINE_HEIGHT <= height:
                return size, lines
    size = _TITLE_SIZES[-1]
    lines = (wrap(text, metrics, size) or [""])[: int(height // (size * _LINE_HEIGHT))]
    last = lines[-1]
    while last and metrics.width(last + "…", size) > TEXT_WIDTH:
        last = last[:-1]
    lines[-1] = last + "…"
    return size, lines


def _fitted_size(text: str, metrics: FontMetrics, size: float, minimum: float) -> float:
    """`size`, or less when one line of `text` would be wider than the text box (never below `minimum`)."""
    width = metrics.width(text, size)
    return size if width <= TEXT_WIDTH else max(minimum, size * TEXT_WIDTH / width)


def _text(
    svg: ElementTree.Element, text: str, *, y: float, size: float, metrics: FontMetrics, attributes: dict[str, str]
) -> None:
    """One line of text at (MARGIN, y), pinned to its measured width with `textLength`."""
    width = min(metrics.width(text, size), TEXT_WIDTH)
    element = ElementTree.SubElement(svg, "text", {
        "x": str(MARGIN), "y": f"{y:.1f}", "font-family": _FONT_FAMILY, "font-size": f"{size:g}",
        "textLength": f"{width:.1f}", "lengthAdjust": "spacingAndGlyphs", **attributes,
    })  # fmt: skip
    element.text = text


def title_card(title: str, dateline: str | None, label: str | None, *, language: str, direction: str = "ltr") -> bytes:
    """A plain SVG cover with the title, the date and a label (none where the title already says what the label
    would: an untitled release's card reads "Press release" once), so the book is recognisable on a shelf."""
    bold, regular = font_metrics("DejaVuSans-Bold.ttf"), font_metrics("DejaVuSans.ttf")
    svg = ElementTree.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "version": "1.1", "viewBox": f"0 0 {PAGE_WIDTH} {PAGE_HEIGHT}",
        "width": str(PAGE_WIDTH), "height": str(PAGE_HEIGHT), "xml:lang": language,
    })  # fmt: skip
    if direction == "rtl":
        svg.set("direction", "rtl")
    ElementTree.SubElement(svg, "title").text = title
    ElementTree.SubElement(svg, "rect", {"width": str(PAGE_WIDTH), "height": str(PAGE_HEIGHT), "fill": "#1b2a41"})
    rule = {"x": str(MARGIN), "y": "120", "width": str(TEXT_WIDTH), "height": "4", "fill": "#e0b24d"}
    ElementTree.SubElement(svg, "rect", rule)
    size, lines = fit_title(title, bold)
    # The first baseline sits one ascent (DejaVu's is 0.93 em) below the top of the box.
    baseline = _TITLE_TOP + 0.93 * size
    # In right-to-left text, "start" is the right edge: lines start at the right margin.
    x_end = {"x": str(PAGE_WIDTH - MARGIN)} if direction == "rtl" else {}
    for number, line in enumerate(lines):
        _text(svg, line, y=baseline + number * size * _LINE_HEIGHT, size=size, metrics=bold,
              attributes={"fill": "#ffffff", "font-weight": "bold", **x_end})  # fmt: skip
    if dateline is not None:
        last_baseline = baseline + (len(lines) - 1) * size * _LINE_HEIGHT
        date_size = _fitted_size(dateline, regular, 28, 12)
        # Below the title's descent (0.24 em) with a gap: at most ~775, clear of the label at 840.
        _text(svg, dateline, y=last_baseline + 0.3 * size + 1.5 * date_size, size=date_size, metrics=regular,
              attributes={"fill": "#e0b24d", **x_end})  # fmt: skip
    if label is not None:
        label_size = _fitted_size(label, regular, 24, 12)
        _text(svg, label, y=840, size=label_size, metrics=regular, attributes={"fill": "#c8ccd4", **x_end})
    return bytes(ElementTree.tostring(svg, encoding="utf-8", xml_declaration=True)) + b"\n"
