"""The JSON output is a contract: every fixture's output, and hand-built releases, validate against docs/release.schema.json."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

import pressconv
from conftest import FIXTURE_CASES, ROOT, Fixture
from samples import structured_release
from strategies import releases

SCHEMA = json.loads((ROOT / "docs" / "release.schema.json").read_text("utf-8"))


def validate(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def as_json(release: pressconv.Release) -> dict[str, Any]:
    import io

    buffer = io.BytesIO()
    pressconv.write(release, "json", buffer)
    document: dict[str, Any] = json.loads(buffer.getvalue())
    return document


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_every_fixture_s_json_validates(fixture: Fixture) -> None:
    validate(as_json(fixture.release()))


def test_every_block_type_validates_in_the_documented_shape() -> None:
    document = as_json(structured_release())
    validate(document)
    assert [block["type"] for block in document["blocks"]] == [
        "paragraph", "paragraph", "list", "heading", "paragraph", "list", "end-mark", "notes", "contact",
    ]  # fmt: skip
    lede = document["blocks"][0]
    [link] = lede["links"]
    assert lede["text"][link["start"] : link["end"]] == "www.northshire.gov.uk/budget"
    assert link["href"] == "https://www.northshire.gov.uk/budget"
    assert document["blocks"][5] == {
        "type": "list",
        "ordered": True,
        "start": 3,
        "items": ["Bills are posted.", "Payments start in April."],
    }
    assert document["blocks"][8]["links"] == [{"line": 2, "start": 0, "end": 23, "href": "mailto:press@northshire.gov.uk"}]
    assert (document["byline"], document["issuer"], document["label"]) == ("Jane Smith", "Northshire Council", "PRESS RELEASE")


def test_paragraphs_stay_the_flat_view_of_the_blocks() -> None:
    document = as_json(structured_release())
    assert document["paragraphs"][2:5] == ["£2m for road repairs", "a new library in Eastford", "free parking on Sundays"]
    assert "Notes to editors" in document["paragraphs"] and "Media contact" in document["paragraphs"]


def test_a_schema_violation_is_caught() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = as_json(structured_release())
    document["blocks"][2]["ordered"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


@settings(max_examples=50, deadline=None)
@given(releases)
def test_any_release_s_json_validates(release: pressconv.Release) -> None:
    validate(as_json(release))
