"""Hypothesis strategies for valid releases: any text and any block structure the model accepts, so every writer must take it."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

import pressconv
from pressconv.model import ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Text

# Everything but control characters, surrogates and the two non-characters — what the model accepts.
_writable = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff\u2028\u2029")
writable_text = st.text(_writable, min_size=1, max_size=200).map(lambda text: " ".join(text.split())).filter(bool)
_hrefs = st.sampled_from(["https://example.org/a?b=1&c=<2>", "mailto:press@example.org", "http://x.test/\u00e9t\u00e9"])


@st.composite
def linked_text(draw: st.DrawFn) -> tuple[str, tuple[Link, ...]]:
    """Text with zero or one link on a span of it."""
    text = draw(writable_text)
    if len(text) < 2 or not draw(st.booleans()):
        return text, ()
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, len(text)))
    return text, (Link(start, end, draw(_hrefs)),)


_texts = linked_text().map(lambda pair: Text(*pair))
_simple_blocks = st.one_of(
    linked_text().map(lambda pair: Paragraph(*pair)),
    st.builds(Heading, writable_text, st.integers(2, 4)),
    st.builds(ListBlock, st.lists(_texts, min_size=1, max_size=4).map(tuple), st.booleans(), st.integers(1, 12)),
    st.builds(ContactBlock, st.lists(_texts, min_size=1, max_size=3).map(tuple), st.none() | writable_text),
    st.builds(EndMark, st.sampled_from(["ENDS", "-30-", "###"])),
)
blocks = st.lists(
    st.one_of(
        _simple_blocks, st.builds(NotesSection, writable_text, st.lists(_simple_blocks, min_size=1, max_size=3).map(tuple))
    ),
    max_size=6,
).map(tuple)

releases = st.builds(
    pressconv.Release,
    title=writable_text,
    date=st.none() | st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
    blocks=st.lists(writable_text, max_size=6).map(tuple) | blocks,
    language=st.sampled_from(["en-GB", "en-US", "cy", "fr", "ru", "el", "zh-Hans", "ar"]),
    byline=st.none() | writable_text,
    issuer=st.none() | writable_text,
)
