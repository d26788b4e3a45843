"""The cleaner removes repeated text and nothing else, and says what it removed."""

from __future__ import annotations

import datetime

import pressconv
from pressconv.cleaning import typographic_key


def release(*paragraphs: str, title: str = "Budget agreed") -> pressconv.Release:
    return pressconv.Release(title=title, date=datetime.date(2014, 3, 7), blocks=paragraphs)


def test_first_occurrence_is_kept_exactly_as_written() -> None:
    cleaned = pressconv.clean(release("He said \u201cyes\u201d \u2013 twice.", 'He said "yes" - twice.')).release
    assert cleaned.paragraphs == ("He said \u201cyes\u201d \u2013 twice.",)


def test_removals_say_which_paragraph_repeats_which() -> None:
    cleaned, removed = pressconv.clean(release("One two three.", "Four five six.", "One two three."))
    assert [(r.paragraph, r.reason, r.duplicate_of, r.text) for r in removed] == [(3, "repeated-paragraph", 1, "One two three.")]
    assert removed[0].message == "paragraph 3 repeats paragraph 1"
    assert cleaned.removed == removed


def test_words_that_differ_keep_both_paragraphs() -> None:
    paragraphs = ("Police patrol Watford today.", "Police patrol Stevenage today.", "Police patrol Watford tomorrow.")
    assert pressconv.clean(release(*paragraphs)).release.paragraphs == paragraphs


def test_case_is_a_difference() -> None:
    paragraphs = ("NOTES TO EDITORS follow here.", "Notes to editors follow here.")
    assert pressconv.clean(release(*paragraphs)).release.paragraphs == paragraphs


def test_glued_copies_of_any_number_are_reduced_to_one() -> None:
    unit = "The budget was agreed on Monday."
    cleaned = pressconv.clean(release(f"{unit} {unit} {unit}", f"{unit}{unit}")).release
    assert cleaned.paragraphs == (unit,)
    assert [r.reason for r in cleaned.removed] == ["glued-copy", "glued-copy", "repeated-paragraph"]


def test_a_sentence_that_merely_starts_like_another_is_not_glued() -> None:
    text = "The budget was agreed. The budget was agreed by all members."
    assert pressconv.clean(release(text)).release.paragraphs == (text,)


def test_no_repeats_returns_the_same_release() -> None:
    original = release("A one.", "B two.", "C three.")
    cleaned, removed = pressconv.clean(original)
    assert cleaned is original and removed == ()


def test_typographic_key_forgets_only_typography() -> None:
    assert typographic_key("\u201cA\u201d \u2014 b ,  c\u2026") == typographic_key('"A" - b, c...')
    assert typographic_key("caf\u00e9") == typographic_key("cafe\u0301")
    assert typographic_key("a cat") != typographic_key("a bat")


def test_three_thousand_paragraphs_clean_in_one_pass() -> None:
    # Correctness at scale (the speed is measured in benchmarks/, not asserted here).
    paragraphs = tuple(f"Paragraph number {n} says something distinct." for n in range(3000))
    cleaned = pressconv.clean(release(*paragraphs, *paragraphs)).release
    assert cleaned.paragraphs == paragraphs
    assert len(cleaned.removed) == 3000


LEDE = "The council approved the new budget on Monday after a long debate."
QUOTE = "The leader said the settlement was fair for every resident of the county."
LAST = "Further details are available from the press office on request."


def test_a_repeat_glued_onto_the_end_of_a_paragraph_is_removed() -> None:
    # The scraper lost the newline where the repeated run begins: "…request.The council approved…"
    cleaned = pressconv.clean(release(LEDE, QUOTE, LAST + LEDE, QUOTE)).release
    assert cleaned.paragraphs == (LEDE, QUOTE, LAST)
    assert [(r.paragraph, r.reason, r.duplicate_of, r.text) for r in cleaned.removed] == [
        (3, "glued-repeat", 1, LEDE),
        (4, "repeated-paragraph", 2, QUOTE),
    ]


def test_several_repeats_glued_on_one_line_and_glued_at_the_start() -> None:
    cleaned = pressconv.clean(release(LEDE, QUOTE, f"{LAST} {LEDE} {QUOTE}", f"{QUOTE}Brand new closing words here.")).release
    assert cleaned.paragraphs == (LEDE, QUOTE, LAST, "Brand new closing words here.")


def test_glued_text_is_kept_unless_it_is_a_whole_earlier_paragraph_at_a_sentence_boundary() -> None:
    paragraphs = (
        LEDE,
        "He repeated it: " + LEDE,  # no sentence boundary before the copy: a quotation, kept
        "Thank you all. Thank you all for coming.",  # short, and not a whole earlier paragraph
        LAST + " The council approved the new budget on Monday after a long debate about roads.",  # differs
    )
    assert pressconv.clean(release(*paragraphs)).release.paragraphs == paragraphs


def test_a_section_heading_stays_while_its_section_does_and_nothing_unremoved_is_reported() -> None:
    from pressconv.model import ContactBlock, Paragraph, Text

    heading = "For more information contact:"
    release = pressconv.Release("T", None, (Paragraph(heading), ContactBlock((Text("Jane Smith"),), heading=heading)))
    cleaned, removed = pressconv.clean(release)
    assert cleaned.paragraphs == release.paragraphs and removed == ()
    assert pressconv.clean(cleaned).removed == ()


def test_a_repeated_section_goes_whole() -> None:
    from pressconv.model import ContactBlock, NotesSection, Paragraph, Text

    notes = NotesSection("Notes to editors", (Paragraph("The council serves 300,000 residents across the county."),))
    contact = ContactBlock((Text("Jane Smith, Press Officer"), Text("Tel: 01632 960123")), heading="Media contact")
    release = pressconv.Release(
        "T", None, (Paragraph("The budget was agreed on Monday evening."), notes, contact, notes, contact)
    )
    cleaned, removed = pressconv.clean(release)
    assert cleaned.blocks == release.blocks[:3]
    assert len(removed) == 5 and all(removal.reason == "repeated-paragraph" for removal in removed)


def test_short_contact_lines_repeated_in_two_blocks_are_kept() -> None:
    from pressconv.model import ContactBlock, Paragraph, Text

    police = ContactBlock((Text("Police press office"), Text("Tel: 01632 960000")), heading="Police contact:")
    council = ContactBlock((Text("Council communications team"), Text("Tel: 01632 960000")), heading="Council contact:")
    release = pressconv.Release("T", None, (Paragraph("Two bodies worked together on the scheme."), police, council))
    cleaned, removed = pressconv.clean(release)
    assert cleaned.blocks == release.blocks and removed == ()


def test_long_cookie_and_browser_notices_are_still_chrome() -> None:
    from pressconv.lines import is_chrome

    padding = " to give you the best possible experience, to remember your settings and to measure how the site is used"
    assert is_chrome("We use cookies on this website" + padding + ", and we will assume you are happy with that.")
    assert is_chrome("By continuing to browse this site you agree to our use of cookies" + padding + ".")
    assert is_chrome("You are using an outdated browser. Please upgrade your browser" + padding + ".")
    assert is_chrome("JavaScript is disabled in your browser" + padding + ".")
    assert not is_chrome("The council will share its plans" + padding + " and residents can comment until 3 May 2024.")


def test_an_unwritable_character_is_named_by_its_paragraph() -> None:
    import pytest

    with pytest.raises(pressconv.InvalidReleaseError, match="paragraph 3 holds U\\+0007"):
        pressconv.Release("T", None, ("One.", "Two.", "Three \x07."))


ENDS_BODY = "The council opened its new depot on Monday.\nIt cost two million pounds to build.\n"


def test_a_body_scraped_twice_with_its_end_mark_loses_the_second_end_mark() -> None:
    # Issue 24.9: end-mark blocks escaped the repeat finder, so the copy's "ENDS" stayed.
    text = f"Council opens new depot\nPublished 1 May 2024\n{ENDS_BODY}ENDS\n{ENDS_BODY}ENDS\n"
    cleaned, removed = pressconv.clean(pressconv.parse(text))
    assert cleaned.paragraphs == ("The council opened its new depot on Monday.", "It cost two million pounds to build.", "ENDS")
    assert [(r.paragraph, r.reason, r.duplicate_of) for r in removed][-1] == (6, "repeated-paragraph", 3)
    assert [type(block).__name__ for block in cleaned.blocks] == ["Paragraph", "Paragraph", "EndMark"]


def test_a_second_end_mark_after_text_of_its_own_stays() -> None:
    text = f"Council opens new depot\nPublished 1 May 2024\n{ENDS_BODY}ENDS\nNotes to editors\nThe depot is on Mill Road.\nENDS\n"
    cleaned, removed = pressconv.clean(pressconv.parse(text))
    assert removed == ()
    assert cleaned.paragraphs.count("ENDS") == 2


def test_of_two_earlier_paragraphs_glued_on_the_earliest_is_taken_off_first() -> None:
    # The glue index looks pieces up by sentence boundary; among several that fit, the earliest paragraph wins,
    # as it did when candidates were compared in the order they came.
    long_tail = "Work starts in May and ends in June next year. The depot opens in July for every resident."
    short_tail = "The depot opens in July for every resident."
    lede = "The council agreed its budget on Monday evening."
    cleaned, removed = pressconv.clean(release(long_tail, short_tail, f"{lede} {long_tail}"))
    assert cleaned.paragraphs == (long_tail, short_tail, lede)
    assert [(r.paragraph, r.reason, r.duplicate_of) for r in removed] == [(3, "glued-repeat", 1)]
