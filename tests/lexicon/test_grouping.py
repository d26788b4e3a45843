"""Concept alternations grouped by first character (`lexicon.alternation`): the same matches, spans and
backtracking as the plain alternation of the entries, in every mode a pattern is used."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressconv import lexicon

# A concept of each shape: many plain words, words behind an optional lead, placeholders, digits first, entries
# whose first character is not plain (kept in place), scripts without case.
CONCEPTS = ("published", "updated", "share", "comments", "navigation", "caption", "label", "end_mark", "contact_heading")


@functools.cache
def _plain(concept: str) -> str:
    return "|".join(lexicon._fill(entry, None) for entry in lexicon.words(concept))


@functools.cache
def _compiled(concept: str, grouped: bool, flags: int) -> re.Pattern[str]:
    body = lexicon.alternation(concept) if grouped else _plain(concept)
    # As callers use a concept: in a group, followed by more pattern that may make it backtrack.
    return re.compile(rf"(?:{body})(?:\s*[:|-]\s*\w+|(?![^\W_]))", flags)


def _texts(concept: str) -> st.SearchStrategy[str]:
    entry = st.sampled_from(lexicon.words(concept)).map(lambda entry: lexicon._fill(entry, None))
    sample = entry.flatmap(lambda pattern: st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    case = st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase])
    tail = st.sampled_from(["", " : Facebook", "s", " 12 March 2019", ". More", "|x"])
    lead = st.sampled_from(["", " ", "x ", "— "])
    return st.tuples(lead, sample, case, tail).map(lambda parts: parts[0] + parts[2](parts[1]) + parts[3])


@pytest.mark.parametrize("concept", CONCEPTS)
@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_grouped_matches_what_the_plain_alternation_matches(concept: str, flags: int, data: st.DataObject) -> None:
    text = data.draw(_texts(concept))
    grouped, plain = _compiled(concept, True, flags), _compiled(concept, False, flags)
    for pos in range(min(len(text), 4)):
        for use in ("match", "fullmatch", "search"):
            found, expected = getattr(grouped, use)(text, pos), getattr(plain, use)(text, pos)
            assert (found and found.span()) == (expected and expected.span()), (use, pos, text)


@pytest.mark.parametrize(
    ("fragment", "first"),
    [("about|by", {"a", "b"}), (r"(?:page\s+)?last|x", {"p", "l", "x"}), (r"\d+\s+comments?", {r"\d"}),
     (r"[αά]bc", {"α", "ά"}), (r"\.net|\u095eo", {r"\.", "\u095e"}), (r"(?=[ab])(?:alpha|beta)z", {"a", "b"}),
     ("[-–]x", {r"\-", "–"})],
)  # fmt: skip
def test_first_chars_of_plain_fragments(fragment: str, first: set[str]) -> None:
    assert lexicon.first_chars(fragment) == first


@pytest.mark.parametrize(
    "fragment", [r"\w+x", r"a?", "", "x|", r"[a-z]x", r"[^a]x", r".{0,80}x", r"(?<=a)b", r"^x", r"\bx", "(x)"]
)
def test_first_chars_of_fragments_that_are_not_plain_are_unknown(fragment: str) -> None:
    assert lexicon.first_chars(fragment) is None


def test_characters_taken_for_one_another_share_a_group() -> None:
    # Groups must be disjoint: if two first characters of the lexicon match each other without regard to case,
    # entries beginning with them must be tried in one group, in the lexicon's order.
    chars = sorted(
        {
            item[-1]
            for concept in lexicon.CONCEPTS
            for entry in lexicon.words(concept)
            for item in lexicon.first_chars(lexicon._fill(entry, None)) or ()
            if item != r"\d"
        }
        | set("iIıİsSſkKKσςΣµμ")
    )
    for char in chars:
        pattern = re.compile(re.escape(char), re.IGNORECASE)
        assert all(lexicon._fold(char) == lexicon._fold(other) for other in chars if pattern.fullmatch(other)), char


def test_the_grouped_patterns_are_the_same_in_every_process() -> None:
    # Groups are built from sets of first characters: their order must not follow a process's string hash seed.
    import os
    import subprocess
    import sys

    program = "from pressconv import lexicon; print(repr([lexicon.alternation(c) for c in lexicon.CONCEPTS]))"
    outputs = {
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(outputs) == 1
