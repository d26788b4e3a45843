"""The header fixtures' extra fields: byline, issuer, label and update date, beside the title and date
that test_fixtures.py checks. A fixture that names none of them must have none."""

from __future__ import annotations

import pytest

from conftest import Fixture, all_fixtures

HEADER_CASES = [pytest.param(fixture, id=fixture.name) for fixture in all_fixtures() if fixture.name.startswith("header-")]


@pytest.mark.parametrize("fixture", HEADER_CASES)
def test_header_fixture_gives_its_byline_issuer_label_and_update_date(fixture: Fixture) -> None:
    release = fixture.release()
    expected = fixture.expected
    updated = release.updated.isoformat() if release.updated else None
    got = {"byline": release.byline, "issuer": release.issuer, "label": release.label, "updated": updated}
    assert got == {key: expected.get(key) for key in got}


@pytest.mark.parametrize("fixture", HEADER_CASES)
def test_header_fixture_body_is_the_raw_lines_unchanged(fixture: Fixture) -> None:
    raw_lines = set(fixture.raw.decode("utf-8").splitlines())
    for paragraph in fixture.release().paragraphs:
        assert paragraph in raw_lines


def test_there_is_a_header_fixture_per_shape() -> None:
    assert len(HEADER_CASES) >= 30
