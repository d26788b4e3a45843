"""Hypothesis strategies for valid releases: any text the model accepts, so every writer must take it."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

import pressconv

# Everything but control characters, surrogates and the two non-characters — what the model accepts.
_writable = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff\u2028\u2029")
writable_text = st.text(_writable, min_size=1, max_size=200).map(lambda text: " ".join(text.split())).filter(bool)

releases = st.builds(
    pressconv.Release,
    title=writable_text,
    date=st.none() | st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
    paragraphs=st.lists(writable_text, max_size=6).map(tuple),
    language=st.sampled_from(["en-GB", "en-US", "cy", "fr", "ru", "el", "zh-Hans"]),
)
