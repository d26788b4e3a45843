"""Line breaking and pagination, both in one pass over the text (linear time, however long a paragraph is).

pressconv lays out its own text rather than using platypus: tagging needs
to know, for every piece drawn, which structure element it belongs to (a
link's text is its own marked-content sequence; a placeholder box carries the
character it stands for), and a one-column document of paragraphs, headings
and lists needs only greedy line breaking and a page cursor. Doing it here
also keeps the cost linear: platypus re-splits an overlong paragraph page by
page (quadratic), this walks each word once.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import cast

from pressconv.model import Link
from pressconv.writers.pdf.fonts import TEXT, LoadedFont, Run, run_width
from pressconv.writers.pdf.styles import Style
from pressconv.writers.pdf.tagging import Element

_WORD = re.compile(r"[^ ]+")


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """text[start:end] drawn one way (its `run`) and belonging to one link (index into the block's links, or -1)."""

    start: int
    end: int
    run: Run
    link: int = -1


@dataclasses.dataclass(slots=True, eq=False)
class TextBlock:
    """A paragraph, heading, list item's text, contact line…: text in one style, tagged as `element`."""

    text: str
    style: Style
    element: Element
    pieces: list[Piece]
    links: tuple[Link, ...] = ()
    #: Left indent of every line, from the left margin.
    indent: float = 0.0
    #: A list item's label ("•", "3."), drawn left of the first line, tagged as its own element (Lbl).
    marker: TextBlock | None = None
    page_break_before: bool = False
    #: An outline (bookmark) entry starts here, with this title.
    bookmark: str | None = None
    #: A contents entry: the block whose page number it shows, right-aligned on its last line.
    points_to: TextBlock | None = None
    lines: Sequence[tuple[int, int]] = ()
    #: Drawn from HarfBuzz's glyphs, line by line in visual order (complex scripts, right-to-left text).
    shaped: bool = False
    #: The paragraph's base direction is right to left: lines are right-aligned.
    rtl: bool = False
    #: The bidi embedding level of each character, when the text holds right-to-left letters.
    levels: list[int] | None = None
    #: The Link structure element of each link (by index), made when the link is first drawn (None: no link yet).
    link_elements: dict[int, Element] | None = None

    #: Where each piece starts, for bisection (only needed, and only made, when there is more than one).
    starts: tuple[int, ...] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        # A release has ~10 of these objects per paragraph: none is allocated that a plain paragraph does not use.
        self.starts = tuple(piece.start for piece in self.pieces) if len(self.pieces) > 1 else ()

    def pieces_in(self, start: int, end: int) -> list[Piece]:
        """The pieces overlapping text[start:end], found by bisection (a long paragraph may have thousands)."""
        pieces = self.pieces
        if len(pieces) == 1:
            return pieces
        index = max(bisect.bisect_right(self.starts, start) - 1, 0)
        found = []
        for piece in pieces[index:]:
            if piece.start >= end:
                break
            if piece.end > start:
                found.append(piece)
        return found


@dataclasses.dataclass(frozen=True, slots=True)
class Placement:
    """Lines first…last-1 of `block`, the first with its top at `top` (points from the page's bottom)."""

    block: TextBlock
    first: int
    last: int
    top: float


def make_pieces(runs: list[Run], links: tuple[Link, ...], length: int) -> list[Piece]:
    """Cut font runs at link boundaries: one piece per (run, link) stretch, in order, in linear time."""
    if not links:
        return [Piece(run.start, run.end, run) for run in runs]
    spans: list[tuple[int, int, int]] = []  # (start, end, link index or -1) covering the text
    position = 0
    for index, link in sorted(enumerate(links), key=lambda item: item[1].start):
        if link.start < position:
            continue  # overlapping links: the first wins
        if link.start > position:
            spans.append((position, link.start, -1))
        spans.append((link.start, link.end, index))
        position = link.end
    if position < length:
        spans.append((position, length, -1))
    pieces: list[Piece] = []
    run_index = span_index = 0
    position = 0
    while position < length:
        run, span = runs[run_index], spans[span_index]
        end = min(run.end, span[1])
        pieces.append(Piece(position, end, run, span[2]))
        position = end
        if run.end == end:
            run_index += 1
        if span[1] == end:
            span_index += 1
    return pieces


#: Widths of words already measured in one document: by (font, size), each word's width. A release's words
#: repeat, and a dictionary look-up is cheaper than measuring. Owned by one write (see `Composer`), never shared
#: between writes.
WordWidths = dict[tuple[str, float], dict[str, float]]


def measurer(text: str, pieces: list[Piece], size: float) -> Callable[[int, int], float]:
    """width(start, end) of a stretch of the text, whatever fonts and placeholders it crosses."""
    if len(pieces) == 1:
        run = pieces[0].run
        return lambda start, end: run_width(run, text, start, end, size)
    starts = [piece.start for piece in pieces]

    def width(start: int, end: int) -> float:
        index = bisect.bisect_right(starts, start) - 1
        total = 0.0
        while index < len(pieces) and pieces[index].start < end:
            piece = pieces[index]
            total += run_width(piece.run, text, max(start, piece.start), min(end, piece.end), size)
            index += 1
        return total

    return width


def break_lines(
    text: str, pieces: list[Piece], size: float, width: float, known: WordWidths | None = None
) -> list[tuple[int, int]]:
    """Greedy line breaks at spaces; a word wider than the line (a long URL, CJK text) breaks between characters.

    Each line is (start, end) into `text` and keeps its trailing spaces, so
    extracted text has a space where the line broke. One pass, each word
    measured once: linear in the length of the text.
    """
    if not text:
        return [(0, 0)]
    if len(pieces) == 1 and pieces[0].run.kind == TEXT:
        font = pieces[0].run.font
        widths = {} if known is None else known.setdefault((font.name, size), {})
        return _break_plain(text, font, size, width, widths)
    measure = measurer(text, pieces, size)
    first_space = text.find(" ")
    space = measure(first_space, first_space + 1) if first_space >= 0 else 0.0
    lines: list[tuple[int, int]] = []
    leading = len(text) - len(text.lstrip(" "))  # spaces before the first word are drawn too
    line_start, used, previous_end = 0, leading * space, leading
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = measure(start, end)
        gap = (start - previous_end) * space if used > 0 else 0.0
        if used > 0 and used + gap + word > width:
            lines.append((line_start, start))
            line_start, used, gap = start, 0.0, 0.0
        if word > width:  # break inside the word, between characters
            for position in range(start, end):
                char = measure(position, position + 1)
                if used > 0 and used + gap + char > width:
                    lines.append((line_start, position))
                    line_start, used, gap = position, 0.0, 0.0
                used += gap + char
                gap = 0.0
        else:
            used += gap + word
        previous_end = end
    lines.append((line_start, len(text)))
    return lines


def _break_plain(text: str, font: LoadedFont, size: float, width: float, widths: dict[str, float]) -> list[tuple[int, int]]:
    """`break_lines` for text in one font drawn as itself (nearly every block): the same breaks, found faster.

    The words come from one `split` and their widths from one look-up each in
    `widths` (most words of a release were measured before); the loop does
    the same arithmetic as `break_lines`, in the same order, so the lines are
    the same to the last bit.
    """

    def measure(part: str) -> float:
        found = widths.get(part)
        if found is None:
            found = widths[part] = font.width(part, size)
        return found

    tokens = text.split(" ")  # the words, and an empty token for each space after the first in a row
    known = list(map(widths.get, tokens))
    if None in known:  # only the words not seen before are measured
        known = [measure(token) if word is None else word for token, word in zip(tokens, known, strict=True)]
    found = cast(list[float], known)
    space = measure(" ") if len(tokens) > 1 else 0.0
    lines: list[tuple[int, int]] = []
    leading = len(text) - len(text.lstrip(" "))  # spaces before the first word are drawn too
    line_start, used, previous_end = 0, leading * space, leading
    position = 0
    for token, word in zip(tokens, found, strict=True):
        if not token:
            position += 1
            continue
        start = position
        end = position = start + len(token)
        position += 1
        gap = (start - previous_end) * space if used > 0 else 0.0
        if used > 0 and used + gap + word > width:
            lines.append((line_start, start))
            line_start, used, gap = start, 0.0, 0.0
        if word > width:  # break inside the word, between characters
            for index in range(start, end):
                char = measure(text[index])
                if used > 0 and used + gap + char > width:
                    lines.append((line_start, index))
                    line_start, used, gap = index, 0.0, 0.0
                used += gap + char
                gap = 0.0
        else:
            used += gap + word
        previous_end = end
    lines.append((line_start, len(text)))
    return lines


def paginate(blocks: list[TextBlock], top: float, bottom: float) -> list[list[Placement]]:
    """Place every line on a page: headings kept with what follows, no lone first or last line of a paragraph.

    `top` and `bottom` bound the text area (points from the page's bottom).
    Each line is placed once: linear in the number of lines.
    """
    pages: list[list[Placement]] = [[]]
    y = top
    for index, block in enumerate(blocks):
        style, count = block.style, len(block.lines)
        if block.page_break_before and pages[-1]:
            pages.append([])
            y = top
        before = style.space_before if pages[-1] else 0.0
        needed = min(count, 2) * style.leading
        if style.keep_with_next and index + 1 < len(blocks):
            following = blocks[index + 1]
            needed = count * style.leading + style.space_after + following.style.space_before
            needed += min(len(following.lines), 2) * following.style.leading
        if pages[-1] and y - before - needed < bottom and needed <= top - bottom:
            pages.append([])
            y, before = top, 0.0
        y -= before
        line = 0
        while line < count:
            room = int((y - bottom) / style.leading + 1e-6)
            remaining = count - line
            take = min(room, remaining)
            if take < remaining and remaining - take == 1 and take > 1:
                take -= 1  # never leave a paragraph's last line alone at the top of a page
            if take <= 0 or (line == 0 and take == 1 and count > 1 and pages[-1]):
                if not pages[-1]:
                    take = max(take, 1)  # a line taller than the page: place it anyway
                else:
                    pages.append([])
                    y = top
                    continue
            pages[-1].append(Placement(block, line, line + take, y))
            y -= take * style.leading
            line += take
            if line < count:
                pages.append([])
                y = top
        y -= style.space_after
    return pages
