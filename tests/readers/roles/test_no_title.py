"""A release may have no title: the labeller says so when no line is likely enough to be the headline (`NO_TITLE`),
the line it would have taken stays in the body, and only an input with no text of a release is refused."""

from __future__ import annotations

import datetime

import pytest

import pressconv
from pressconv.notices import Code
from pressconv.readers.roles import NO_TITLE, has_title, label_texts
from pressconv.readers.roles.signals import rule_reading

# A scrape that lost its headline: the date line, then the body (the shape of the corpus's untitled releases).
UNTITLED = [
    "Published 3 June 2025",
    "The county library service will open its mobile library van at four new village stops from Tuesday, "
    "after residents in the northern parishes asked for a service closer to home.",
    "The van carries around 3,000 books, large-print titles and audiobooks, and staff can order any title "
    "from the county's other branches for collection at the next visit.",
    "Opening times for each stop are listed on the library service's pages and at every village hall.",
]


def labels_of(lines: list[str]) -> tuple[bool, tuple[float, ...]]:
    labels = label_texts(lines, rule_reading(lines).roles)
    return has_title(labels), labels.title_probability


def test_no_line_likely_enough_to_be_the_title_gives_no_title_line() -> None:
    titled, probability = labels_of(UNTITLED)
    assert max(probability) < NO_TITLE and not titled


def test_the_release_has_no_title_a_notice_and_every_line_in_its_body() -> None:
    release = pressconv.parse("\n".join(UNTITLED) + "\n")
    assert release.title is None
    assert release.date == datetime.date(2025, 6, 3)
    assert release.paragraphs == tuple(UNTITLED[1:])  # the first sentence stays a paragraph: nothing lost or promoted
    assert Code.TITLE_MISSING in {notice.code for notice in release.notices}


def test_a_headline_above_the_same_body_is_its_title() -> None:
    release = pressconv.parse("\n".join(["Mobile library reaches four more villages", *UNTITLED]) + "\n")
    assert release.title == "Mobile library reaches four more villages"
    assert Code.TITLE_MISSING not in {notice.code for notice in release.notices}


@pytest.mark.parametrize("first", ["Budget agreed", "Title", "Road to close for repairs"])
def test_a_headline_shaped_first_line_keeps_the_title_however_unsure_the_model(first: str) -> None:
    # The text format's own shape: the model, trained on long pages, is unsure of so short a release; the
    # `_headline` guard keeps the grammar's title line.
    release = pressconv.parse(f"{first}\nThe council agreed the plan on Monday.\n")
    assert release.title == first and release.paragraphs == ("The council agreed the plan on Monday.",)


def test_a_headline_with_its_date_glued_on_keeps_its_title() -> None:
    # The line ends as a sentence only because of its date: the guard judges a title+date line by its length.
    release = pressconv.parse(
        "Council opens new recycling depot - Published JANUARY 1ST. 2000.\n"
        "The council said the work would be finished by the end of the year.\n"
    )
    assert (release.title, release.date) == ("Council opens new recycling depot", datetime.date(2000, 1, 1))


def test_a_sentence_first_line_is_never_taken_for_the_headline_by_the_guard() -> None:
    lines = UNTITLED[1:]  # no date line either: the body alone
    release = pressconv.parse("\n".join(lines) + "\n")
    assert release.title is None and release.paragraphs == tuple(lines)


@pytest.mark.parametrize("text", ["Published 07/03/2014\n", "PRESS RELEASE\nPublished 07/03/2014\n"])
def test_an_input_with_no_title_and_no_text_is_refused(text: str) -> None:
    with pytest.raises(pressconv.InputError, match="no title"):
        pressconv.parse(text)


def test_an_untitled_release_cleans_without_a_title_to_repeat() -> None:
    lines = [*UNTITLED, UNTITLED[1]]  # the scrape repeats the first paragraph
    release, removed = pressconv.clean(pressconv.parse("\n".join(lines) + "\n"))
    assert release.title is None and release.paragraphs == tuple(UNTITLED[1:])
    assert [(removal.reason, removal.duplicate_of) for removal in removed] == [("repeated-paragraph", 1)]


def test_every_format_writes_the_parsed_untitled_release() -> None:
    release = pressconv.parse("\n".join(UNTITLED) + "\n")
    for name in ("html", "json", "epub", "docx", "pdf"):
        assert pressconv.convert("\n".join(UNTITLED).encode() + b"\n", to=name).data, name
    assert release.title is None


def test_a_paragraph_long_sentence_is_never_the_title() -> None:
    sentence = UNTITLED[1]
    assert len(sentence.split()) >= 26 and sentence.endswith(".")
    _, probability = labels_of([sentence, "A short line"])
    assert probability[0] == 0.0


def test_a_label_under_the_lede_of_an_untitled_release_is_its_label() -> None:
    release = pressconv.parse("\n".join([UNTITLED[1], "COMUNICATO STAMPA", UNTITLED[2]]) + "\n")
    assert (release.title, release.label) == (None, "COMUNICATO STAMPA")
    assert release.paragraphs == (UNTITLED[1], UNTITLED[2])  # a label is data, not text (as under a title)
