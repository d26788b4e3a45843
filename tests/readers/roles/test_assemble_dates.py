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
