"""Notice codes are one enumeration, and docs/notices.md documents exactly that enumeration."""

from __future__ import annotations

import re

from conftest import ROOT
from pressconv.notices import QUIET, Code, notice


def test_every_code_is_documented_and_every_documented_code_exists() -> None:
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", (ROOT / "docs" / "notices.md").read_text("utf-8"), re.MULTILINE))
    assert documented == {code.value for code in Code}


def test_notices_carry_plain_string_codes() -> None:
    made = notice(Code.DATE_MISSING, "no date")
    assert made.code == "date-missing" and type(made.code) is str
    assert Code.DATE_AMBIGUOUS in QUIET and "date-ambiguous" in QUIET
