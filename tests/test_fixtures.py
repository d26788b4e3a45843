"""Every fixture: parse + clean gives the model written beside it in JSON.

The expected JSON always has title, date, paragraphs and removed; where it
also has blocks, byline, issuer, label or updated, those are compared too —
so a new quirk is a new pair of files, no code.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURE_CASES, Fixture
from pressconv.writers.json import block_to_dict

OPTIONAL_FIELDS = ("byline", "issuer", "label")


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
    if "blocks" in expected:
        assert [block_to_dict(block) for block in release.blocks] == expected["blocks"]
    for name in OPTIONAL_FIELDS:
        if name in expected:
            assert getattr(release, name) == expected[name], name
    if "updated" in expected:
        assert (release.updated.isoformat() if release.updated else None) == expected["updated"]


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_fixture_text_is_safe_for_xml(fixture: Fixture) -> None:
    release = fixture.release()
    for text in (*((release.title,) if release.title is not None else ()), *release.paragraphs):
        assert text == text.strip()
        assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in text)
        assert "\u00a0" not in text and "  " not in text


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_no_structure_gives_flat_paragraphs_with_the_same_text(fixture: Fixture) -> None:
    """`--no-structure` keeps every line a paragraph; with structure, no text is lost (list markers aside)."""
    flat = fixture.release(structure=False)
    assert all(type(block).__name__ == "Paragraph" for block in flat.blocks)
    structured = fixture.release()
    assert len(" ".join(structured.paragraphs)) <= len(" ".join(flat.paragraphs))
