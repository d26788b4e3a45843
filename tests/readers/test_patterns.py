"""Patterns compiled on first use: compiled once, when first asked for, exactly as `re.compile` would."""

from __future__ import annotations

import re

import pytest

from pressconv.readers.patterns import lazy_pattern


def test_compiled_on_first_call_not_before() -> None:
    broken = lazy_pattern("(unclosed")  # nothing is compiled yet, so nothing fails yet
    with pytest.raises(re.error):
        broken()


def test_the_same_compiled_pattern_every_call() -> None:
    pattern = lazy_pattern(r"\d+")
    assert pattern() is pattern()
    assert pattern.cache_info().misses == 1  # type: ignore[attr-defined]


def test_flags_and_bytes_as_re_compile_takes_them() -> None:
    words = lazy_pattern(r"press\s+release", re.IGNORECASE)
    assert words().fullmatch("PRESS  Release") is not None
    assert words().flags & re.IGNORECASE
    head = lazy_pattern(rb"<html\b", re.I)
    assert head().match(b"<HTML lang=en>") is not None
