"""Structure recovery: each recogniser on its own, what it accepts and, as carefully, what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pressconv
from conftest import FIXTURES
from pressconv.model import Block, ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Text, iter_texts
from pressconv.readers.structure import RECOGNISER_NAMES, flat_paragraphs, recover_structure
from pressconv.writers.json import block_to_dict

LEAD = "The council approved its budget on Monday after a long debate."
AFTER = "Council tax bills will be sent to every household in March."


def only(name: str, lines: list[str]) -> tuple[Block, ...]:
    """The blocks one recogniser finds with every other one (and link finding) switched off."""
    return recover_structure(lines, skip=set(RECOGNISER_NAMES) - {name})


def paragraphs(*lines: str) -> tuple[Block, ...]:
    return tuple(Paragraph(line) for line in lines)


# End marks.


@pytest.mark.parametrize("mark", ["ENDS", "Ends", "-ends-", "- ENDS -", "End", "END", "###", "# # #", "-30-", "- 30 -", "[ENDS]",
                                  "**ENDS**", "End of press release", "DIWEDD", "-fin-", "Ende", "##"])  # fmt: skip
def test_end_marks_are_recognised_in_every_spelling(mark: str) -> None:
    assert only("end-mark", [LEAD, mark]) == (Paragraph(LEAD), EndMark(mark))


@pytest.mark.parametrize(
    "line", ["The end of an era.", "Ends on Friday", "30", "#budget2024", "## Heading", "#", "Endsleigh Road"]
)
def test_lines_that_only_mention_an_ending_are_not_end_marks(line: str) -> None:
    assert only("end-mark", [line]) == (Paragraph(line),)


# Lists.


def test_bullets_become_an_unordered_list_with_the_marker_removed_exactly() -> None:
    lines = [LEAD, "• £2m for road repairs", "•  a new library", "▪no space after the glyph"]
    assert only("list", lines) == (Paragraph(LEAD), ListBlock((Text("£2m for road repairs"), Text("a new library"),
                                                               Text("no space after the glyph"))))  # fmt: skip


def test_one_bullet_glyph_line_is_a_list_but_one_hyphen_line_is_not() -> None:
    assert only("list", ["• Only item"]) == (ListBlock((Text("Only item"),)),)
    assert only("list", ["- not a list alone", LEAD]) == paragraphs("- not a list alone", LEAD)
    assert only("list", ["* Figures are for 2023."]) == paragraphs("* Figures are for 2023.")


def test_two_hyphen_lines_or_one_after_a_colon_are_a_list() -> None:
    assert only("list", ["- first", "- second"]) == (ListBlock((Text("first"), Text("second"))),)
    assert only("list", ["The fund pays for:", "- one thing"]) == (
        Paragraph("The fund pays for:"),
        ListBlock((Text("one thing"),)),
    )


def test_numbered_items_must_count_up_and_keep_their_first_number() -> None:
    lines = ["3. Third step.", "4. Fourth step.", "6. Sixth step."]
    blocks = only("list", lines)
    assert blocks[0] == ListBlock((Text("Third step."), Text("Fourth step.")), ordered=True, start=3)
    assert blocks[1] == Paragraph("6. Sixth step.")


@pytest.mark.parametrize(
    ("lines", "start"),
    [
        (["1) one", "2) two"], 1),
        (["(1) one", "(2) two"], 1),
        (["(a) one", "(b) two", "(c) three"], 1),
        (["c. one", "d. two"], 3),
        (["i. one", "ii. two", "iii. three"], 1),
        (["iv) four", "v) five"], 4),
        (["A. one", "B. two"], 1),
    ],
)
def test_number_letter_and_roman_markers(lines: list[str], start: int) -> None:
    (block,) = only("list", lines)
    assert block == ListBlock(tuple(Text(line.split(" ", 1)[1]) for line in lines), ordered=True, start=start)


def test_markers_of_different_styles_do_not_make_one_list() -> None:
    assert only("list", ["1. one", "2) two"]) == paragraphs("1. one", "2) two")


@pytest.mark.parametrize(
    "line",
    ["2024 was a record year.", "10 Downing Street sent a letter.", "1.5 million people voted.", "A. Smith was elected.",
     "St. Albans hosted the event.", "Mrs. Jones said so.", "No. 10 responded."],
)  # fmt: skip
def test_sentences_that_start_like_a_marker_stay_paragraphs(line: str) -> None:
    assert only("list", [LEAD, line, AFTER]) == paragraphs(LEAD, line, AFTER)


def test_a_lone_number_continues_the_previous_numbered_list() -> None:
    lines = ["1. First.", "2. Second.", "A paragraph between them.", "3. Third."]
    assert only("list", lines) == (
        ListBlock((Text("First."), Text("Second.")), ordered=True),
        Paragraph("A paragraph between them."),
        ListBlock((Text("Third."),), ordered=True, start=3),
    )


def test_a_lone_first_item_needs_an_introducing_colon() -> None:
    assert only("list", [LEAD, "1. Only one."]) == paragraphs(LEAD, "1. Only one.")
    assert only("list", ["Steps:", "1. Only one."]) == (Paragraph("Steps:"), ListBlock((Text("Only one."),), ordered=True))


def test_unmarked_fragments_after_a_colon_are_a_list() -> None:
    lines = ["The budget includes:", "£2m for road repairs", "a new library in Eastford", "free parking on Sundays", AFTER]
    assert only("list", lines) == (
        Paragraph("The budget includes:"),
        ListBlock((Text("£2m for road repairs"), Text("a new library in Eastford"), Text("free parking on Sundays"))),
        Paragraph(AFTER),
    )


def test_semicolon_items_end_with_the_one_that_has_a_full_stop() -> None:
    lines = [
        "Councils should:",
        "plant trees;",
        "protect old ones; and",
        "measure canopy cover.",
        "The report was published today.",
    ]
    blocks = only("list", lines)
    assert blocks[1] == ListBlock((Text("plant trees;"), Text("protect old ones; and"), Text("measure canopy cover.")))
    assert blocks[2] == Paragraph("The report was published today.")


@pytest.mark.parametrize(
    "lines",
    [
        ["He said:", "The budget is fair", "We listened to residents"],  # speech, not items
        ["The plan:", "It is ambitious.", "It is funded."],  # sentences
        ["Residents were asked:", "Most wanted longer opening hours and more seating outside"],  # one line only
        ["The leader said:", "“This is fair.”", "“We listened.”"],  # quotes
        ["Key dates:", "march: consultation", "April: decision"],  # the case changes: not one list
    ],
)
def test_what_follows_a_colon_is_not_always_a_list(lines: list[str]) -> None:
    assert only("list", lines) == paragraphs(*lines)


def test_item_text_is_exactly_the_line_minus_its_marker() -> None:
    line = "•\u2003Tabs  and   spaces stay inside"
    (block,) = only("list", [line])
    assert isinstance(block, ListBlock)
    assert block.items[0].text == "Tabs  and   spaces stay inside"


# Subheadings.


def test_a_short_unpunctuated_line_between_paragraphs_is_a_subheading() -> None:
    assert only("heading", [LEAD, "What happens next", AFTER]) == (
        Paragraph(LEAD),
        Heading("What happens next"),
        Paragraph(AFTER),
    )


def test_a_subheading_may_follow_a_list_and_precede_one() -> None:
    blocks = recover_structure([LEAD, "Key dates", "• 1 March: bills posted", "• 1 April: new charges", "Background", AFTER])
    assert [type(block) for block in blocks] == [Paragraph, Heading, ListBlock, Heading, Paragraph]


@pytest.mark.parametrize(
    "line",
    [
        "It took two years.",  # a short sentence
        "“Fair and balanced”",  # a quote
        "Cllr Jane Smith, Leader of Northshire Council",  # a name and role
        "Jane Smith, Head of Communications",
        "Key facts:",  # introduces something
        "FOR IMMEDIATE RELEASE",  # a label
        "7 March 2024",  # a date
        "By Jane Smith",  # a byline
        "The hall will open on",  # a sentence cut short
        "Call 01632 960123 for details",  # a phone number
        "Find out more at www.northshire.gov.uk",  # ends with an address
        "this starts in lower case",
        "A line that has far too many words in it to be any kind of subheading",
    ],
)
def test_lines_that_are_not_subheadings(line: str) -> None:
    assert only("heading", [LEAD, line, AFTER]) == paragraphs(LEAD, line, AFTER)


def test_a_name_before_a_quote_is_not_a_subheading() -> None:
    lines = [LEAD, "Thanks to everyone involved", "“We could not have done it without you,” said Sue Hart."]
    assert only("heading", lines) == paragraphs(*lines)


def test_a_subheading_needs_paragraphs_around_it() -> None:
    assert only("heading", ["Key facts", AFTER]) == paragraphs("Key facts", AFTER)  # nothing before
    assert only("heading", [LEAD, "Key facts"]) == paragraphs(LEAD, "Key facts")  # nothing after
    # A run of short lines is an address or a table, not a series of headings.
    lines = [LEAD, "County Hall", "Northtown", "NT1 1AA", AFTER]
    assert only("heading", lines) == paragraphs(*lines)
    # A line broken in two by the scraper: the next line goes on in lower case.
    assert only("heading", [LEAD, "The hall will be open daily", "from 9am to 5pm."]) == paragraphs(
        LEAD, "The hall will be open daily", "from 9am to 5pm."
    )


# Notes to editors.


@pytest.mark.parametrize("heading", ["Notes to editors", "Notes to Editors:", "NOTES TO EDITORS", "Note to editors",
                                     "Notes for editors", "Editor's notes", "Editors’ notes", "Nodiadau i olygyddion",
                                     "Notes aux rédactions", "Hinweise für die Redaktion",
                                     "Notas para los editores"])  # fmt: skip
def test_notes_headings_open_a_section_anywhere(heading: str) -> None:
    blocks = only("notes", [LEAD, heading, "The council serves 300,000 residents."])
    assert blocks == (Paragraph(LEAD), NotesSection(heading, (Paragraph("The council serves 300,000 residents."),)))


def test_about_and_background_open_notes_only_after_the_end_mark() -> None:
    body = "Northshire Council is a unitary authority."
    skip = {"contact", "list", "links"}
    assert recover_structure([LEAD, "ENDS", "About Northshire Council", body], skip=skip) == (
        Paragraph(LEAD), EndMark("ENDS"), NotesSection("About Northshire Council", (Paragraph(body),))
    )  # fmt: skip
    # Before the end mark, "Background" is an ordinary subheading.
    assert recover_structure([LEAD, "Background", AFTER], skip=skip) == (Paragraph(LEAD), Heading("Background"), Paragraph(AFTER))


def test_notes_hold_lists_and_subheadings_and_end_at_a_contact_block() -> None:
    lines = ["ENDS", "Notes to editors", "1. The council serves 300,000 residents.", "2. Its budget is £1.2bn.",
             "About Northshire Council", "Northshire Council is a unitary authority.",
             "Media contact:", "Jane Smith, Press Officer", "Tel: 01632 960123"]  # fmt: skip
    blocks = recover_structure(lines)
    assert blocks == (
        EndMark("ENDS"),
        NotesSection("Notes to editors", (
            ListBlock((Text("The council serves 300,000 residents."), Text("Its budget is £1.2bn.")), ordered=True),
            Heading("About Northshire Council", level=3),
            Paragraph("Northshire Council is a unitary authority."),
        )),
        ContactBlock((Text("Jane Smith, Press Officer"), Text("Tel: 01632 960123")), heading="Media contact:"),
    )  # fmt: skip


def test_a_notes_heading_with_nothing_after_it_is_a_heading() -> None:
    assert recover_structure([LEAD, "Notes to editors"]) == (Paragraph(LEAD), Heading("Notes to editors"))


def test_a_notes_heading_with_text_after_its_colon_stays_a_paragraph() -> None:
    line = "Notes to editors: the council serves 300,000 residents."
    assert recover_structure([LEAD, line]) == paragraphs(LEAD, line)


# Contact blocks.


def test_a_contact_heading_and_its_lines_are_one_block() -> None:
    lines = [LEAD, "Media contact:", "Jane Smith", "Press Officer, Northshire Council", "01632 960123", "press@northshire.gov.uk"]
    (_, block) = recover_structure(lines)
    assert isinstance(block, ContactBlock)
    assert block.heading == "Media contact:"
    assert [line.text for line in block.lines] == lines[2:]
    assert block.lines[3].links == (Link(0, 23, "mailto:press@northshire.gov.uk"),)


@pytest.mark.parametrize("heading", ["Media contact", "MEDIA ENQUIRIES:", "Press office", "Press enquiries", "Media contacts:",
                                     "For more information contact:", "For further information, please contact:",
                                     "For media enquiries, please contact", "Investor relations", "Pressekontakt:",
                                     "Contact presse", "Contacto de prensa", "Cyswllt â'r cyfryngau"])  # fmt: skip
def test_contact_headings(heading: str) -> None:
    blocks = only("contact", [LEAD, heading, "Jane Smith", "07700 900123"])
    assert blocks == (Paragraph(LEAD), ContactBlock((Text("Jane Smith"), Text("07700 900123")), heading=heading))


def test_a_heading_with_content_after_its_colon_is_kept_whole_as_the_first_line() -> None:
    line = "Media enquiries: Northshire Police press office on 01632 960777"
    assert only("contact", [LEAD, line, "Out of hours: 07700 900456"]) == (
        Paragraph(LEAD), ContactBlock((Text(line), Text("Out of hours: 07700 900456")))
    )  # fmt: skip


def test_weak_headings_need_a_phone_number_or_email() -> None:
    lines = [LEAD, "Contact us", "Jane Smith", AFTER]
    assert only("contact", lines) == paragraphs(*lines)
    lines = [LEAD, "Contact", "Tel: 01632 960123"]
    assert only("contact", lines) == (Paragraph(LEAD), ContactBlock((Text("Tel: 01632 960123"),), heading="Contact"))


def test_a_contact_block_stops_at_a_paragraph_and_leaves_it_a_subheading() -> None:
    lines = ["Media contact:", "Tel: 01632 960123", "What happens next", AFTER]
    assert only("contact", lines) == (ContactBlock((Text("Tel: 01632 960123"),), heading="Media contact:"),
                                      *paragraphs("What happens next", AFTER))  # fmt: skip


def test_a_contact_block_at_the_top_of_an_agency_release() -> None:
    lines = ["Contact:", "Maria Gonzalez", "(212) 555-0142", "mgonzalez@helpinghands.org",
             "NEW YORK, March 5, 2024 – Helping Hands today launched its winter appeal."]  # fmt: skip
    blocks = recover_structure(lines)
    assert isinstance(blocks[0], ContactBlock) and len(blocks[0].lines) == 3
    assert blocks[1] == Paragraph(lines[-1])


def test_contact_lines_without_a_heading_close_the_release() -> None:
    lines = [LEAD, "-30-", "Claire Dubois", "Media Relations, City of Ottawa", "613-580-2400", "claire.dubois@ottawa.ca"]
    blocks = only("contact", lines)
    assert blocks[2] == ContactBlock(tuple(Text(line) for line in lines[2:]))


def test_short_lines_with_a_number_in_the_middle_of_a_release_are_not_a_contact() -> None:
    lines = [LEAD, "Tickets on 01632 960123", "Box office open daily", AFTER]
    assert only("contact", lines) == paragraphs(*lines)


def test_a_sentence_with_a_phone_number_is_not_a_contact_block() -> None:
    line = "Anyone with information is asked to call 101 or Crimestoppers on 0800 555 111."
    assert only("contact", [LEAD, line]) == paragraphs(LEAD, line)


def test_for_more_information_contact_with_details_is_a_contact() -> None:
    line = "For more information, please contact Jane Smith on 01632 960123."
    assert only("contact", [LEAD, line]) == (Paragraph(LEAD), ContactBlock((Text(line),)))


# Links.


def test_links_are_attached_to_paragraphs_headings_items_and_contact_lines() -> None:
    lines = ["Details at www.northshire.gov.uk/budget today.", "Visit northshire.gov.uk", AFTER, "• See https://x.org/a.",
             "Media contact:", "press@northshire.gov.uk"]  # fmt: skip
    blocks = recover_structure(lines)
    assert blocks[0] == Paragraph(lines[0], (Link(11, 39, "https://www.northshire.gov.uk/budget"),))
    assert blocks[3] == ListBlock((Text("See https://x.org/a.", (Link(4, 19, "https://x.org/a"),)),))
    assert blocks[4] == ContactBlock((Text(lines[5], (Link(0, 23, "mailto:press@northshire.gov.uk"),)),), "Media contact:")


def test_links_can_be_switched_off() -> None:
    assert recover_structure(["Details at www.x.org."], skip={"links"}) == (Paragraph("Details at www.x.org."),)


# Switching off.


def test_every_recogniser_can_be_switched_off_and_then_nothing_changes() -> None:
    lines = [LEAD, "Key facts", "• one", "• two", "ENDS", "Notes to editors", "Text.", "Media contact:", "Tel: 01632 960123"]
    assert recover_structure(lines, skip=RECOGNISER_NAMES) == flat_paragraphs(lines)


def test_an_unknown_recogniser_name_is_refused_with_the_list() -> None:
    with pytest.raises(ValueError, match="the recognisers are end-mark, notes, contact, list, heading, links"):
        recover_structure([LEAD], skip={"tables"})


def test_flat_paragraphs_is_one_paragraph_per_line_without_links() -> None:
    lines = ["• one", "www.x.org", "ENDS"]
    assert flat_paragraphs(lines) == (Paragraph("• one"), Paragraph("www.x.org"), Paragraph("ENDS"))


def test_no_structure_option_keeps_flat_paragraphs() -> None:
    raw = "Budget agreedPublished 07/03/2014\nThe budget includes:\n• roads\n• libraries\nENDS\n"
    release = pressconv.parse(raw, structure=False)
    assert release.blocks == paragraphs("The budget includes:", "• roads", "• libraries", "ENDS")


# The fixtures: expected blocks beside the expected paragraphs.

STRUCTURE_FIXTURES = sorted(path.stem for path in FIXTURES.glob("*.json") if "blocks" in json.loads(path.read_text("utf-8")))


@pytest.mark.parametrize("name", STRUCTURE_FIXTURES)
def test_fixture_gives_its_expected_blocks(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    raw = Path(FIXTURES / f"{name}.txt").read_bytes()
    release = pressconv.clean(pressconv.parse(raw, **expected.get("options", {}))).release
    assert [block_to_dict(block) for block in release.blocks] == expected["blocks"]


def test_there_is_a_fixture_with_blocks_for_every_block_type() -> None:
    types: set[str] = set()

    def walk(blocks: list[dict[str, object]]) -> None:
        for block in blocks:
            types.add(str(block["type"]))
            if block["type"] == "notes":
                walk(block["blocks"])  # type: ignore[arg-type]

    for name in STRUCTURE_FIXTURES:
        walk(json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))["blocks"])
    assert types == {"paragraph", "heading", "list", "notes", "contact", "end-mark"}


# Long runs.


@pytest.mark.parametrize(
    "lines",
    [
        ["Enquiries: a"] * 3000,  # each line opens a contact block that never gets a phone number
        ["Contact", *["Jane Smith"] * 3000],
        ["Notes to editors", *["Jane Smith"] * 3000],
        ["Intro:", *["item"] * 3000],
        ["Some sentence here.", "Heading"] * 1500,
    ],
    ids=["weak-contacts", "weak-heading", "notes", "items", "headings"],
)
def test_runs_of_short_lines_keep_every_line(lines: list[str]) -> None:
    # Their cost, linear, is checked by the complexity harness (`reader:structure:run:*`): a quadratic scan once
    # took over 20 seconds on the first case.
    blocks = recover_structure(lines)
    assert len(list(iter_texts(blocks))) == len(lines)


def test_an_empty_line_stays_an_empty_paragraph() -> None:
    # Readers never pass one (the text reader drops empty lines); the recognisers must not fail if another does.
    assert recover_structure(["• one", "", "• two", ""]) == (
        ListBlock((Text("one"),)),
        Paragraph(""),
        ListBlock((Text("two"),)),
        Paragraph(""),
    )


def test_a_lone_first_item_whose_successor_follows_a_sub_list_is_a_list() -> None:
    lines = ["1. Apply online.", "• by card", "• by bank transfer", "2. Wait for the letter."]
    assert only("list", lines) == (
        ListBlock((Text("Apply online."),), ordered=True),
        ListBlock((Text("by card"), Text("by bank transfer"))),
        ListBlock((Text("Wait for the letter."),), ordered=True, start=2),
    )


def test_numbered_notes_with_paragraphs_between_them() -> None:
    lines = ["Notes to editors", "1) About the fund", "The fund was set up in 2010.", "2) About the council",
             "The council serves 300,000 people."]  # fmt: skip
    (notes,) = recover_structure(lines)
    assert isinstance(notes, NotesSection)
    assert notes.blocks == (
        ListBlock((Text("About the fund"),), ordered=True),
        Paragraph("The fund was set up in 2010."),
        ListBlock((Text("About the council"),), ordered=True, start=2),
        Paragraph("The council serves 300,000 people."),
    )


def test_for_more_information_and_a_web_address_is_not_a_contact() -> None:
    lines = [LEAD, "For more information", "Read the proposal", "https://commission.europa.eu/proposal"]
    assert only("contact", lines) == paragraphs(*lines)


def test_a_heading_saying_whose_press_office_and_a_number_without_a_colon() -> None:
    # GOV.UK lays its contact out this way.
    lines = [LEAD, "Roads media enquiries", "Media enquiries 020 7944 3021", "Switchboard 0300 330 3000"]
    assert recover_structure(lines) == (
        Paragraph(LEAD),
        ContactBlock((Text(lines[2]), Text(lines[3])), heading="Roads media enquiries"),
    )


def test_labels_inside_a_contact_block_and_the_next_block() -> None:
    lines = [LEAD, "Contacts", "Media:", "Lisa Simpson", "+1 217-555-0123", "Investor Contact:", "Bart Simpson", "ir@globex.com",
             "SOURCE Globex Corporation"]  # fmt: skip
    blocks = recover_structure(lines, skip={"links"})
    assert blocks == (
        Paragraph(LEAD),
        ContactBlock((Text("Media:"), Text("Lisa Simpson"), Text("+1 217-555-0123")), heading="Contacts"),
        ContactBlock((Text("Bart Simpson"), Text("ir@globex.com")), heading="Investor Contact:"),
        Paragraph("SOURCE Globex Corporation"),
    )


@pytest.mark.parametrize("last", ["Eastford EF1 2AB", "Springfield, IL 62701", "01067 Dresden"])
def test_an_address_after_a_colon_is_not_a_list(last: str) -> None:
    lines = ["The event will be held at:", "Eastford Community Centre", "12 High Street", last, "Entry is free."]
    assert only("list", lines) == paragraphs(*lines)


def test_items_with_numbers_are_still_a_list() -> None:
    lines = ["The plan includes:", "1000 new homes", "2024 budget savings", "EF1 area improvements"]
    (_, block) = only("list", lines)
    assert isinstance(block, ListBlock) and len(block.items) == 3


def test_a_role_that_looks_like_a_heading_and_a_list_after_the_contact() -> None:
    lines = [LEAD, "Media contact:", "Jane Smith", "Press office", "01632 960123", "Police contact:", "John Doe",
             "07700 900456", "• Yes", "• No"]  # fmt: skip
    assert recover_structure(lines) == (
        Paragraph(LEAD),
        ContactBlock((Text("Jane Smith"), Text("Press office"), Text("01632 960123")), heading="Media contact:"),
        ContactBlock((Text("John Doe"), Text("07700 900456")), heading="Police contact:"),
        ListBlock((Text("Yes"), Text("No"))),
    )


def test_a_media_contact_block_above_the_title_is_a_contact_block_not_the_title() -> None:
    import pressconv
    from conftest import FIXTURES
    from pressconv.model import ContactBlock

    release = pressconv.parse((FIXTURES / "header-contact-above-title.txt").read_bytes())
    assert release.title == "Acme Corp Announces Record Third Quarter Results"
    assert isinstance(release.blocks[0], ContactBlock)
    assert [line.text for line in release.blocks[0].lines] == ["Jane Doe", "(555) 123-4567", "jdoe@acmecorp.com"]
    # "Regional Press Office" alone above a title is the issuer, not a contact block.
    office = pressconv.parse(b"Regional Press Office\nCouncil opens depot Published 07/03/2014\nThe depot opened today.")
    assert office.title == "Council opens depot" and office.issuer == "Regional Press Office"
