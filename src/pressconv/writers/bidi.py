"""Right-to-left text for the writers: the Unicode bidirectional algorithm (UAX #9) as a release needs it.

DOCX asks only which stretches of a text are right to left (`direction_runs`:
Word orders them itself). The PDF is drawn by pressconv, so it needs the
algorithm: the embedding level of every character (`levels`), then, line by
line, the stretches in the order they are drawn (`visual_runs`). The text
layer keeps the logical order; only the drawing is visual.

What is implemented: paragraph level (P2–P3, or given), the weak-type rules
W1–W7, neutrals N1–N2, implicit levels I1–I2, trailing whitespace L1 and
reordering L2. What is not: explicit embeddings, overrides and isolates
(X1–X10; their control characters are format characters, which pressconv
never draws, and scraped releases do not carry them), and mirroring of
brackets (L4) beyond what the font's own `rtlm` feature gives. So "Arabic
with an English name and 2024 in it" and "English with an Arabic phrase"
come out as in a browser; nested explicit embeddings would not.
"""

from __future__ import annotations

import re
import unicodedata

_STRONG_RTL = frozenset({"R", "AL"})
#: Every right-to-left letter (bidi class R or AL) lies in these blocks: Hebrew to Arabic Extended, the
#: right-to-left mark, the Hebrew and Arabic presentation forms, and the two right-to-left supplementary
#: ranges. A test checks every code point against the installed Unicode data.
_MAY_BE_RTL = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def has_rtl(text: str) -> bool:
    """Whether `text` holds any right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…). Only characters
    of the right-to-left blocks are looked up: for a text in another script that is one pattern scan in C."""
    return any(unicodedata.bidirectional(found[0]) in _STRONG_RTL for found in _MAY_BE_RTL.finditer(text))


def base_is_rtl(text: str, default: bool = False) -> bool:
    """P2–P3: the paragraph is right to left when its first strong letter is; `default` when it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return default


def direction_runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, right_to_left) stretches covering `text`; neutrals join the stretch before them."""
    if not has_rtl(text):
        return [(0, len(text), False)]
    runs: list[tuple[int, int, bool]] = []
    start, current = 0, None
    for position, char in enumerate(text):
        kind = unicodedata.bidirectional(char)
        direction = True if kind in _STRONG_RTL else False if kind == "L" else None
        if direction is None:
            continue
        if current is None:
            current = direction
        elif direction != current:
            runs.append((start, position, current))
            start, current = position, direction
    runs.append((start, len(text), bool(current)))
    return runs


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of a paragraph whose base direction is `rtl`."""
    base = 1 if rtl else 0
    sos = "R" if rtl else "L"
    types = _resolve_weak([unicodedata.bidirectional(char) or "ON" for char in text], sos)
    # N1, N2: neutrals between two stretches of one direction take it; others take the paragraph's.
    index = 0
    while index < len(types):
        if types[index] in _NEUTRAL:
            end = index
            while end < len(types) and types[end] in _NEUTRAL:
                end += 1
            before = _as_strong(types[index - 1]) if index > 0 else sos
            after = _as_strong(types[end]) if end < len(types) else sos
            fill = before if before == after else sos
            types[index:end] = [fill] * (end - index)
            index = end
        else:
            index += 1
    # I1, I2.
    resolved = []
    for kind in types:
        if base == 0:
            resolved.append(1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
        else:
            resolved.append(2 if kind in ("L", "EN", "AN") else 1)
    return resolved


def _resolve_weak(types: list[str], sos: str) -> list[str]:
    """W1–W7 over the characters' bidi classes."""
    # W1: a non-spacing mark takes the type of the character before it.
    previous = sos
    for index, kind in enumerate(types):
        if kind == "NSM":
            types[index] = "ON" if previous in ("LRI", "RLI", "FSI", "PDI") else previous
        previous = types[index]
    # W2, W3: European digits after Arabic letters are Arabic digits; AL is R.
    strong = sos
    for index, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[index] = "AN"
    types = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of the same kind joins them.
    for index in range(1, len(types) - 1):
        before, kind, after = types[index - 1], types[index], types[index + 1]
        if (kind == "ES" and before == after == "EN") or (kind == "CS" and before == after and before in ("EN", "AN")):
            types[index] = before
    # W5: terminators (%, $, °) next to European digits are digits.
    index = 0
    while index < len(types):
        if types[index] == "ET":
            end = index
            while end < len(types) and types[end] == "ET":
                end += 1
            if (index > 0 and types[index - 1] == "EN") or (end < len(types) and types[end] == "EN"):
                types[index:end] = ["EN"] * (end - index)
            index = end
        else:
            index += 1
    # W6: any other separator or terminator is neutral. W7: European digits after L are L.
    types = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]
    strong = sos
    for index, kind in enumerate(types):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"
    return types


def _as_strong(kind: str) -> str:
    return "R" if kind in ("R", "AN", "EN") else kind


def visual_runs(text: str, resolved: list[int], start: int, end: int, rtl: bool) -> list[tuple[int, int, int]]:
    """The line text[start:end] as (start, end, level) stretches in drawing order, left to right (L1, L2)."""
    base = 1 if rtl else 0
    line = resolved[start:end]
    # L1: whitespace at the end of a line goes to the paragraph's level.
    position = len(line)
    while position > 0 and unicodedata.bidirectional(text[start + position - 1]) in ("WS", "S", "B", "BN"):
        position -= 1
        line[position] = base
    runs: list[tuple[int, int, int]] = []
    for offset, level in enumerate(line):
        if runs and runs[-1][2] == level:
            runs[-1] = (runs[-1][0], start + offset + 1, level)
        else:
            runs.append((start + offset, start + offset + 1, level))
    if not runs:
        return []
    highest = max(level for _, _, level in runs)
    lowest_odd = min((level for _, _, level in runs if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index][2] >= level:
                stop = index
                while stop < len(runs) and runs[stop][2] >= level:
                    stop += 1
                runs[index:stop] = runs[index:stop][::-1]
                index = stop
            else:
                index += 1
    return runs
