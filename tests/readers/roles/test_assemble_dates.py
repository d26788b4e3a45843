"""How the publication date is chosen among a release's date candidates, once the labeller has given each line
a role (`roles.assemble`). The roles are given here, not predicted, so each test pins the choice alone."""

from __future__ import annotations

import datetime

from pressconv.readers.roles import Labels, Role
from pressconv.readers.roles.assemble import Assembled, assemble_header
from pressconv.readers.roles.signals import rule_reading

TITLE = "Harbour trust opens a new ferry terminal"
BODY = "The terminal will serve about 4,000 passengers a day once the second berth is finished next spring."


def assemble(lines: list[str], roles: list[Role]) -> Assembled:
    title = [1.0 if role in (Role.TITLE, Role.TITLE_DATE) else 0.0 for role in roles]
    return assemble_header(lines, Labels(tuple(roles), tuple(title)), rule_reading(lines), month_first=False)


def test_the_dateline_paragraph_below_a_list_of_highlights_gives_the_date() -> None:
    lines = [
        TITLE,
        "- Passenger numbers up by a fifth",
        "- Second berth to open in spring",
        "PORTLOW, 14 May 2021 – Harbour Trust Ltd today opened its new terminal on the east quay.",
        BODY,
    ]
    roles = [Role.TITLE, Role.LIST_ITEM, Role.LIST_ITEM, Role.DATELINE_PARAGRAPH, Role.PARAGRAPH]
    found = assemble(lines, roles)
    assert found.date == datetime.date(2021, 5, 14)
    assert any(item.code == "date-from-dateline" for item in found.notices)


def test_a_dateline_the_labeller_does_not_see_is_read_only_in_the_first_paragraph() -> None:
    lines = [TITLE, BODY, "PORTLOW, 14 May 2021 – Harbour Trust Ltd today opened its new terminal on the east quay."]
    found = assemble(lines, [Role.TITLE, Role.PARAGRAPH, Role.PARAGRAPH])
    assert found.date is None


def test_an_edit_stamp_on_a_date_line_is_the_update_date() -> None:
    for stamp in ("ページID 4411  更新日 2021年5月14日", "2021年05月14日 09時30分更新", "Page 88 | Last updated 14 May 2021"):
        found = assemble([TITLE, stamp, BODY], [Role.TITLE, Role.DATE, Role.PARAGRAPH])
        assert (found.date, found.updated) == (None, datetime.date(2021, 5, 14)), stamp


def test_an_update_time_after_the_date_leaves_the_date_the_publication_date() -> None:
    found = assemble([TITLE, "14/05/21 om 10:02 - Bijgewerkt om 18:40", BODY], [Role.TITLE, Role.DATE, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)


def test_the_releases_own_date_below_the_title_beats_a_bare_date_above_it() -> None:
    lines = ["Sunday, 16 May 2021", TITLE, "14 May 2021", BODY]
    found = assemble(lines, [Role.CHROME, Role.TITLE, Role.DATE, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)
    lines = ["Sunday, 16 May 2021", f"{TITLE} – 14 May 2021", BODY]
    assert assemble(lines, [Role.CHROME, Role.TITLE_DATE, Role.PARAGRAPH]).date == datetime.date(2021, 5, 14)


def test_a_marked_date_above_the_title_stays_the_publication_date() -> None:
    lines = ["Published 16 May 2021", TITLE, "14 May 2021", BODY]
    found = assemble(lines, [Role.DATE, Role.TITLE, Role.DATE, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 16)


def test_a_date_in_the_middle_of_a_sentence_is_no_date_line() -> None:
    line = "Speech to the assembly at Portlow on 14.05.2021, 18:00, in the hall of the harbour trust"
    found = assemble([TITLE, line, BODY], [Role.TITLE, Role.DATE, Role.PARAGRAPH])
    assert found.date is None
    assert line in found.body  # it stays text


def test_a_date_line_with_a_word_or_a_time_around_its_date_is_one() -> None:
    for line in ("Le 14 mai 2021 – Portlow (Nordshire)", "Informationen lämnades 2021-05-14 kl 08:30"):
        found = assemble([TITLE, line, BODY], [Role.TITLE, Role.DATE, Role.PARAGRAPH])
        assert found.date == datetime.date(2021, 5, 14), line


def test_a_date_line_just_below_the_title_is_read_whatever_its_role() -> None:
    lines = [TITLE, "  • 2021/5/14 下午 03:20:00", BODY]
    found = assemble(lines, [Role.TITLE, Role.LIST_ITEM, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)


def test_a_published_line_at_the_foot_or_among_the_metadata_gives_the_date() -> None:
    foot = [TITLE, BODY, BODY.replace("spring", "summer"), "Cyhoeddwyd ar 14 May 2021 gan y Clerc"]
    found = assemble(foot, [Role.TITLE, Role.PARAGRAPH, Role.PARAGRAPH, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)
    assert any(item.code == "date-from-page" for item in found.notices)
    head = [TITLE, "发布机构:港务局", "公开日期: 2021-05-14 有效性: 有效", BODY]
    found = assemble(head, [Role.TITLE, Role.LIST_ITEM, Role.LIST_ITEM, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)


def test_a_published_line_inside_the_body_or_a_bare_date_word_gives_no_date() -> None:
    inside = [TITLE, BODY, "Published 14 May 2021", BODY.replace("spring", "summer")]
    assert assemble(inside, [Role.TITLE, Role.PARAGRAPH, Role.PARAGRAPH, Role.PARAGRAPH]).date is None
    event = [TITLE, BODY, "Date: 14 May 2021"]
    assert assemble(event, [Role.TITLE, Role.PARAGRAPH, Role.LIST_ITEM]).date is None


def test_a_note_under_the_title_that_says_when_it_was_issued_gives_the_date() -> None:
    note = "The statement issued by the Harbour Trust of the Borough of Portlow on 14 May 2021."
    found = assemble([TITLE, note, BODY], [Role.TITLE, Role.SUBHEADING, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)


def test_a_short_dated_line_at_the_foot_gives_the_date() -> None:
    for foot in ("Mitteilung der Hafenverwaltung vom 14.05.2021", "2021-05-14 3면"):
        found = assemble([TITLE, BODY, foot], [Role.TITLE, Role.PARAGRAPH, Role.SUBHEADING])
        assert found.date == datetime.date(2021, 5, 14), foot


def test_a_build_stamp_or_an_event_date_at_the_foot_gives_no_date() -> None:
    for foot in ("2021-05-14 11:45 V22.4.27-2", "Date: Friday, 14 May 2021"):
        found = assemble([TITLE, BODY, foot], [Role.TITLE, Role.PARAGRAPH, Role.LIST_ITEM])
        assert found.date is None, foot


def test_the_date_line_below_the_title_beats_the_date_the_title_ends_in() -> None:
    lines = ["Statement by the harbour master (13 May 2021)", "Date: 14/05/2021", BODY]
    found = assemble(lines, [Role.TITLE_DATE, Role.DATE, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)


def test_the_releases_own_date_under_a_deck_beats_a_today_widget_above_the_title() -> None:
    lines = ["Sunday, 16 May 2021", "News", TITLE, "Photo: the new terminal", "Ferries", "A deck under it", "14 May 2021", BODY]
    roles = [Role.DATE, Role.CHROME, Role.TITLE, Role.CAPTION, Role.CHROME, Role.SUBHEADING, Role.DATE, Role.PARAGRAPH]
    assert assemble(lines, roles).date == datetime.date(2021, 5, 14)


def test_a_dated_line_above_the_pages_copyright_line_is_at_the_foot() -> None:
    lines = [TITLE, BODY, "2021-05-14 3면", "Copyright ⓒ Portlow Gazette. All rights reserved."]
    found = assemble(lines, [Role.TITLE, Role.PARAGRAPH, Role.SUBHEADING, Role.PARAGRAPH])
    assert found.date == datetime.date(2021, 5, 14)
