"""What two texts share when they differ only in typography: the key every comparison of text uses.

The cleaner, the title-copy check and batch de-duplication must agree on what
"the same text" means, so they all call `typographic_key`.
"""

from __future__ import annotations

import re
import unicodedata

#: The styles of one mark that typography varies, each folded to its plain ASCII form. Three scans by a
#: character class (C loops) cost less than a translation table's per-character lookups.
_FOLDS = (
    (re.compile("[\u2018\u2019\u201a\u201b\u2032\u00b4`]"), "'"),
    (re.compile("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]"), '"'),
    (re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"), "-"),
)
# Spacing next to punctuation is typography ("word , word" / "word—word" / "word — word").
# Lookarounds and an empty replacement: no template expansion per match (this is the hot loop).
# The pattern opens with its space, so the engine jumps from space to space instead of trying every character.
_SPACE_AT_PUNCTUATION = re.compile(r" (?:(?=[^\w ])|(?<=[^\w ] ))")


def typographic_key(text: str) -> str:
    """What two texts share when they differ only in typography.

    Forgets quote and dash styles, spacing and Unicode normalisation form —
    never a letter, so two texts that differ by one word never share a key.
    """
    text = unicodedata.normalize("NFKC", text)
    for styles, plain in _FOLDS:
        text = styles.sub(plain, text)
    return _SPACE_AT_PUNCTUATION.sub("", " ".join(text.split()))  # str.split's whitespace is regex \s's
