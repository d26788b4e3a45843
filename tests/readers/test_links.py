"""Links inside text: where each web or e-mail address is, and where it points."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv.model import Link
from pressconv.readers.links import find_links


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[link.start : link.end], link.href) for link in find_links(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Details at www.northshire.gov.uk/budget today.", [("www.northshire.gov.uk/budget", "https://www.northshire.gov.uk/budget")]),
        ("See https://x.org/a?b=1&c=2, then", [("https://x.org/a?b=1&c=2", "https://x.org/a?b=1&c=2")]),
        ("Report it at northshire.police.uk/report.", [("northshire.police.uk/report", "https://northshire.police.uk/report")]),
        ("Email press@northshire.gov.uk.", [("press@northshire.gov.uk", "mailto:press@northshire.gov.uk")]),
        ("jane.smith+news@x.co.uk; or", [("jane.smith+news@x.co.uk", "mailto:jane.smith+news@x.co.uk")]),
        ("(see https://en.wikipedia.org/wiki/Foo_(bar))", [("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)")]),
        ("“www.x.org”", [("www.x.org", "https://www.x.org")]),
        ("HTTPS://X.ORG/A", [("HTTPS://X.ORG/A", "https://X.ORG/A")]),
        ("Visit Amazon.com today", [("Amazon.com", "https://Amazon.com")]),
        ("DOI: https://doi.org/10.1016/j.uclim.2024.101234.", [("https://doi.org/10.1016/j.uclim.2024.101234", "https://doi.org/10.1016/j.uclim.2024.101234")]),
        ("Two: a.org and b@c.de", [("a.org", "https://a.org"), ("b@c.de", "mailto:b@c.de")]),
        ("See railmadad.indianrailways.gov.in.", [("railmadad.indianrailways.gov.in", "https://railmadad.indianrailways.gov.in")]),
        ("At health.govt.nz/flu", [("health.govt.nz/flu", "https://health.govt.nz/flu")]),
    ],
)  # fmt: skip
def test_addresses_are_found_with_sentence_punctuation_left_out(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    ["The year ended.The next began.", "J.Smith and e.g. i.e. 2.5m", "it.is in.to", "www.northshire", "http://localhost",
     "Follow @northshirecc", "The U.S. and E.U. agreed.", "file.txt and report.pdf", "Version 1.2.3"],
)  # fmt: skip
def test_prose_that_only_looks_like_an_address_is_not_a_link(text: str) -> None:
    assert find_links(text) == ()


@settings(max_examples=200)
@given(st.text(max_size=120))
def test_every_link_lies_inside_its_text_and_points_at_what_it_covers(text: str) -> None:
    for link in find_links(text):
        assert isinstance(link, Link)
        assert 0 <= link.start < link.end <= len(text)
        covered = text[link.start : link.end]
        assert link.href.endswith(covered) or link.href.lower().endswith(covered.lower())
        assert link.href.startswith(("https://", "http://", "mailto:"))
        assert covered[-1] not in ".,;:!?"
