"""Every fixture: parse + clean gives the model written beside it in JSON."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_CASES, Fixture


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_fixture_parses_and_cleans_to_its_expected_model(fixture: Fixture) -> None:
    release = fixture.release()
    expected = fixture.expected
    assert release.title == expected["title"]
    assert (release.date.isoformat() if release.date else None) == expected["date"]
    assert list(release.paragraphs) == expected["paragraphs"]
    assert [[removal.paragraph, removal.reason] for removal in release.removed] == expected["removed"]
    assert release.language == expected.get("language", "en-GB")
    if "notices" in expected:
        codes = {notice.code for notice in release.notices}
        assert set(expected["notices"]) <= codes


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_fixture_text_is_safe_for_xml(fixture: Fixture) -> None:
    release = fixture.release()
    for text in (release.title, *release.paragraphs):
        assert text == text.strip()
        assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in text)
        assert "\u00a0" not in text and "  " not in text
