"""How each kind of text looks: sizes, leading, spacing and colours, in points (1/72 inch).

One flat table, so the whole look of a PDF can be read (and changed) in one place.
"""

from __future__ import annotations

import dataclasses

Colour = tuple[float, float, float]


def _hex(value: str) -> Colour:
    return (int(value[1:3], 16) / 255, int(value[3:5], 16) / 255, int(value[5:7], 16) / 255)


NAVY = _hex("#1b2a41")
GREY = _hex("#595959")
FURNITURE = _hex("#6b6b6b")
RULE = _hex("#c8c8c8")
LINK = _hex("#1d4e89")
BLACK: Colour = (0.0, 0.0, 0.0)

MM = 72 / 25.4
MARGIN = 25 * MM
#: Where list text starts, right of the marker.
LIST_INDENT = 18.0


@dataclasses.dataclass(frozen=True, slots=True)
class Style:
    size: float
    leading: float
    bold: bool = False
    colour: Colour = BLACK
    space_before: float = 0.0
    space_after: float = 0.0
    #: Keep on the page of the next block's first lines (headings).
    keep_with_next: bool = False
    centred: bool = False
    #: A thin rule above the block (an artifact): sets the notes and the contact apart.
    rule_above: bool = False


STYLES: dict[str, Style] = {
    "title": Style(21, 26, bold=True, colour=NAVY, space_after=6, keep_with_next=True),
    "chapter": Style(17, 21, bold=True, colour=NAVY, space_after=5, keep_with_next=True),
    "date": Style(10.5, 14, colour=GREY, space_after=16, keep_with_next=True),
    "meta": Style(10.5, 14, colour=GREY, space_after=2, keep_with_next=True),
    "body": Style(10.5, 15.5, space_after=7.5),
    "heading": Style(13, 17, bold=True, colour=NAVY, space_before=12, space_after=6, keep_with_next=True),
    "subheading": Style(11.5, 15.5, bold=True, colour=NAVY, space_before=10, space_after=4, keep_with_next=True),
    "section": Style(12, 16, bold=True, colour=NAVY, space_before=18, space_after=6, keep_with_next=True, rule_above=True),
    "item": Style(10.5, 15.5, space_after=3),
    "item-last": Style(10.5, 15.5, space_after=7.5),
    "contact": Style(10.5, 14.5),
    "contact-last": Style(10.5, 14.5, space_after=7.5),
    "endmark": Style(9, 13, colour=GREY, space_before=6, space_after=12, centred=True),
    "contents": Style(10.5, 15, space_after=4),
}

#: Running title and page numbers.
FURNITURE_SIZE = 8.5
