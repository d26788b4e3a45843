"""Hand-built inputs for writer tests (independent of any reader): a release that uses every block type,
a tiny PNG, the hard cover titles and the head of an SVG cover."""

from __future__ import annotations

import datetime
import struct
import zlib

from pressconv.model import ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Release, Text

URL = "https://www.northshire.gov.uk/budget"


def structured_release(language: str = "en-GB") -> Release:
    """A release with a subheading, both kinds of list, links, an end mark, notes to editors and a contact."""
    lede = "Northshire Council has agreed its budget for 2024/25, details at www.northshire.gov.uk/budget today."
    start = lede.index("www.")
    return Release(
        title="Council agrees <budget> & sets council tax",
        date=datetime.date(2024, 2, 21),
        blocks=(
            Paragraph(lede, (Link(start, start + len("www.northshire.gov.uk/budget"), URL),)),
            Paragraph("The budget includes:"),
            ListBlock((Text("£2m for road repairs"), Text("a new library in Eastford"), Text("free parking on Sundays"))),
            Heading("What happens next"),
            Paragraph("Council tax bills will be sent out in March."),
            ListBlock((Text("Bills are posted."), Text("Payments start in April.")), ordered=True, start=3),
            EndMark("ENDS"),
            NotesSection(
                "Notes to editors",
                (
                    ListBlock((Text("The council serves 300,000 residents."), Text("Its budget is £1.2bn.")), ordered=True),
                    Paragraph("About Northshire: a <script>alert(1)</script> county in the north."),
                ),
            ),
            ContactBlock(
                (
                    Text("Jane Smith, Press Officer"),
                    Text("Tel: 01234 567890"),
                    Text("press@northshire.gov.uk", (Link(0, 23, "mailto:press@northshire.gov.uk"),)),
                ),
                heading="Media contact",
            ),
        ),
        language=language,
        source="samples/structured.txt",
        source_url=URL,
        byline="Jane Smith",
        issuer="Northshire Council",
        label="PRESS RELEASE",
    )


def tiny_png() -> bytes:
    """A valid 4×6 PNG, built here, for cover tests."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x33\x66\x99" * 4 for _ in range(6))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 6, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


#: The titles issue 13 named: long Latin, all capitals, em dashes, CJK — and a long word, Arabic, Welsh diacritics.
HARD_TITLES = {
    "long-latin": "Council publishes its long-awaited consultation response on the future of library services, "
    "leisure centres and community transport across the whole of the county for the next ten years",
    "upper-case": "COUNCIL APPROVES MULTI-MILLION POUND REGENERATION SCHEME FOR THE WATERFRONT DISTRICT AND HARBOUR",
    "em-dashes": "Minister welcomes report—a landmark—on transport—and more—dashes—everywhere—in—this—title",
    "cjk": "国务院办公厅关于进一步加强和改进新时代老年人权益保障工作的指导意见的通知发布会在北京举行",
    "long-word": "Supercalifragilisticexpialidociousantidisestablishmentarianismpneumonoultramicroscopic",
    "arabic": "وزارة الصحة تعلن عن إطلاق حملة وطنية للتطعيم ضد الإنفلونزا الموسمية في جميع المحافظات",
    "welsh": "Gweinidog yn croesawu adroddiad ar ddyfodol trafnidiaeth gyhoeddus yng Nghymru — ŵ ŷ â",
}

#: The head of an SVG cover, open for attributes and content.
SVG_HEAD = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="90"'
