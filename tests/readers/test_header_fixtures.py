"""The header fixtures (fixtures/header-*): their extra fields, byline, issuer, label and update date, beside the
title and date that test_fixtures.py checks (a fixture that names none of them must have none); the body lines
unchanged; and between them, a fixture for every field and date notice of the header reader."""

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


#: What the header reader finds, and what it says about a date, each shown on a whole release by some header fixture.
HEADER_FIELDS = ("byline", "issuer", "label", "updated")
HEADER_NOTICES = {"label-dropped", "byline-found", "issuer-found", "updated-found", "date-from-dateline", "date-no-year",
                  "date-missing", "date-ambiguous", "date-unmarked"}  # fmt: skip


def test_every_header_field_and_date_notice_has_a_fixture_and_each_fixture_its_own_shape() -> None:
    fixtures = [case.values[0] for case in HEADER_CASES]
    releases = [fixture.release() for fixture in fixtures]  # type: ignore[attr-defined]
    for name in HEADER_FIELDS:
        assert any(getattr(release, name) for release in releases), f"no header fixture gives a {name}"
    said = {str(notice.code) for release in releases for notice in release.notices}
    assert HEADER_NOTICES - said == set(), "no header fixture shows these"
    shapes = [fixture.expected.get("about") for fixture in fixtures]  # type: ignore[attr-defined]
    assert None not in shapes and len(set(shapes)) == len(shapes), "each header fixture says which shape it is, once"
