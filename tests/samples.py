"""Hand-built releases that use every block type, for writer tests (independent of any reader)."""

from __future__ import annotations

import datetime

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
