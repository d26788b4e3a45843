"""Complex scripts in the PDF: Arabic, Hebrew, the Indic scripts… shaped with HarfBuzz, drawn in visual order.

Arabic letters join and take contextual forms, Devanagari reorders vowel
signs and builds conjuncts, marks sit on their base: the font says how
(its GSUB and GPOS tables) and HarfBuzz (`uharfbuzz`) applies it, as
browsers and LibreOffice do. A block whose text holds such characters is
drawn glyph by glyph from HarfBuzz's output (`shape`), each stretch in the
order the bidi algorithm gives (`pressconv.writers.bidi`); the text layer
keeps the logical text: each shaped stretch is a marked-content sequence
with /ActualText, so copying text out of the PDF gives the original string.
Text without such characters is drawn as before, character by character.

reportlab 4 has its own hook (`ttfonts.shapeFragWord`), but only for
platypus paragraphs, and it records unnamed glyphs by giving them private-use
code points in the font object shared by every document in the process;
here glyphs are encoded per document (`EmbeddedFont.glyph_codes` in
`fonts.py`), and the shared font objects are never changed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

from pressconv.writers.pdf.fonts import LoadedFont

#: Blocks of scripts that need shaping: Hebrew to Arabic Extended-A (Hebrew, Arabic, Syriac, Thaana, N'Ko,
#: Samaritan, Mandaic), the Indic scripts (Devanagari to Sinhala), Thai and Lao (marks), Tibetan, Myanmar,
#: Khmer, Mongolian, and the presentation forms.
_COMPLEX = (
    (0x0590, 0x08FF), (0x0900, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x18AF),
    (0xA8E0, 0xA8FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF),
)  # fmt: skip


@dataclasses.dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph as HarfBuzz placed it: metrics in thousandths of the font size, `cluster` an index into the text."""

    gid: int
    cluster: int
    advance: float
    x_offset: float
    y_offset: float


def needs_shaping(text: str) -> bool:
    """Whether `text` holds a character of a script that is wrong unshaped."""
    if not text or max(text) < "\u0590":
        return False  # the common case: Latin, Greek, Cyrillic, in one pass at C speed
    return _COMPLEX_CHARACTER.search(text) is not None


#: Any character of `_COMPLEX`: one search at C speed (a list's "•" labels are above U+0590 too).
_COMPLEX_CHARACTER = re.compile("[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _COMPLEX) + "]")


@functools.lru_cache(maxsize=32)
def _hb_font(font: LoadedFont) -> tuple[Any, float]:
    """HarfBuzz's font for `font` (its scale in font units) and the factor to thousandths of an em.

    Cached by font (32, as the fonts themselves): a HarfBuzz face parses its tables once.
    """
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob(font.font.face._ttf_data), font.index)
    return uharfbuzz.Font(face), 1000 / face.upem


def shape(font: LoadedFont, text: str, start: int, end: int, rtl: bool) -> list[Glyph]:
    """text[start:end] shaped in `font`, in drawing order (left to right); the rest of `text` is context."""
    import uharfbuzz

    hb_font, scale = _hb_font(font)
    buffer = uharfbuzz.Buffer()
    buffer.add_codepoints([ord(char) for char in text], start, end - start)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buffer, {})
    return [
        Glyph(info.codepoint, info.cluster, position.x_advance * scale, position.x_offset * scale, position.y_offset * scale)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]


def advance(font: LoadedFont, glyph: int) -> float:
    """The advance width of `glyph` in the font (thousandths of an em): what the PDF's /Widths must say."""
    hb_font, scale = _hb_font(font)
    return float(hb_font.get_glyph_h_advance(glyph)) * scale


def shaped_width(font: LoadedFont, text: str, start: int, end: int, size: float, *, rtl: bool) -> float:
    """The drawn width of text[start:end] shaped in `font` at `size` points."""
    return sum(glyph.advance for glyph in shape(font, text, start, end, rtl)) * size / 1000


def glyph_texts(text: str, glyphs: list[Glyph], end: int, to_char: dict[int, list[int]], *, rtl: bool) -> list[str]:
    """What each glyph stands for, for the ToUnicode map: a glyph the font maps one of its cluster's characters
    to stands for that character; the first other glyph of the cluster for the rest of the cluster (a
    ligature for its letters, a conjunct for its consonants); any further one repeats its cluster.

    Right to left, a glyph standing for several letters (lam-alef) has them in drawing order: extractors
    read a right-to-left line from its right end and reverse each glyph's string with it (poppler does).
    """
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, [*starts[1:], end], strict=True))
    members: dict[int, list[int]] = {}
    for index, glyph in enumerate(glyphs):
        members.setdefault(glyph.cluster, []).append(index)
    texts = [""] * len(glyphs)
    for cluster, indexes in members.items():
        whole = text[cluster : ends[cluster]] or " "
        rest = whole
        for index in indexes:
            own = next((chr(code) for code in to_char.get(glyphs[index].gid, ()) if chr(code) in rest), None)
            if own is not None:
                texts[index] = own
                rest = rest.replace(own, "", 1)
        for index in indexes:
            if not texts[index]:
                texts[index], rest = rest or whole, ""
    return [part[::-1] if rtl and len(part) > 1 else part for part in texts]
