"""Features of a line that only the whole release shows: how it stands among the other lines, in any language.

`features` describes each line by itself and its near neighbours; a reader also sees the page at once — a
headline shares its words with the lead paragraph while a site's masthead or a section label does not; a run
of one- and two-word lines at the top is the site's navigation; a line that opens like its neighbours ("•",
"一、", "Tid:") is one of a list. None of this names a word of any language: it is shape and overlap.

Every feature here is computed with string methods and compiled patterns over a bounded head of each line,
so a release costs a few set operations per line (the text reader's parse + clean of a short release stays
around 2 ms).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: How much of a line the overlap looks at: a headline's words are at its start, a lead's in its first sentences.
_HEAD = 300
#: How many of the release's first body sentences stand for "the body" when a line's words are looked for in it.
_LEAD_LINES = 3
#: A body sentence: this many words (or, in a script written without spaces, characters) and a sentence's end.
_SENTENCE_WORDS = 10
_SENTENCE_CHARS = 60
_UNSPACED_SENTENCE_CHARS = 30
#: A line of at most this many words is short (a navigation item, a label, a widget).
_SHORT_WORDS = 4
#: A run of at least this many short lines is a block of the page (a menu, a tag list, related links).
_RUN = 3
#: A line of more words than this is the body's, whatever its end: its overlap with the lead says nothing.
_ECHO_WORDS = 40
#: How far down the header is searched for the headline's words.
_ECHO_LINES = 20
_SHORT_CHARS = 60
_WORD = re.compile(r"[^\W\d_]{4,}")
_UNSPACED_RUN = re.compile(r"[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")
#: A letter of a script written without spaces between words (CJK, kana, Thai, Lao, Khmer, Myanmar, Tibetan).
_UNSPACED = re.compile(r"[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: The shapes a list item opens with, beyond the ASCII bullets `features` knows: geometric and arrow glyphs,
#: circled numbers, CJK enumerations ("一、", "(一)", "（二）", "第三条"), and bracketed or dotted numbers and letters.
_ENUMERATOR = re.compile(
    r"\s*(?:[•·▪◦‣●○■□◆◇▶▷►▸➢➤→✓✔☐☑⁃∙-]"
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[.)．、]"
    r"|\(?[a-zA-Z][.)](?=\s)"
    r"|第[一二三四五六七八九十\d]{1,3}[条章節项])"
)
#: A line that is only a bullet glyph (a list whose markers the scraper put on lines of their own).
_BARE_MARKER = re.compile(r"\s*[•·▪◦‣●○■□◆◇▶▷►▸➢➤→✓✔*–—-]\s*")
#: A short field name and a colon opening the line ("Tid:", "ID :", "Plats:", "Autor:").
_FIELD = re.compile(r"\s*[^\W\d_][^\s:：]{0,18}(?:\s[^\s:：]{1,12})?\s?[:：]")
_FIELD_SPAN = 34
_ENDS = (".", "!", "?", "。", "！", "？")


def _tokens(text: str) -> set[str]:
    """Content-ish words of a line, case folded: words of four letters or more (short function words carry no
    topic in most languages) and, for scripts written without spaces, pairs of letters."""
    head = text[:_HEAD].casefold()
    found = set(_WORD.findall(head))
    if _UNSPACED.search(head) is not None:
        for run in _UNSPACED_RUN.findall(head):
            found.update(run[at : at + 2] for at in range(len(run) - 1))
    return found


def _is_sentence(text: str) -> bool:
    stripped = text.rstrip(" \"'”’»」』)")
    if not stripped.endswith(_ENDS):
        return False
    if text.count(" ", 0, 400) + 1 >= _SENTENCE_WORDS:
        return True
    return len(text) >= _UNSPACED_SENTENCE_CHARS and _UNSPACED.search(text[:40]) is not None


def _share(value: float) -> str:
    return "echo=0" if value < 0.01 else "echo=low" if value < 0.34 else "echo=mid" if value < 0.67 else "echo=high"


def context_features(texts: Sequence[str]) -> list[list[str]]:
    """The features each line takes from the whole release (see the module's docstring)."""
    count = len(texts)
    if not count:
        return []
    stripped = [text.strip() for text in texts]
    sentences = [_is_sentence(text) for text in stripped]
    first_sentence = next((index for index, sentence in enumerate(sentences) if sentence), count)
    # The body ends with its last long line (a closing sentence may be short: "Revisa la resolución.").
    last_sentence = count - 1
    while last_sentence >= 0 and not sentences[last_sentence] and len(stripped[last_sentence]) < _SENTENCE_CHARS:
        last_sentence -= 1
    reference: set[str] = set()
    for index in [index for index, sentence in enumerate(sentences) if sentence][:_LEAD_LINES]:
        reference |= _tokens(stripped[index])
    median = max(1, sorted(len(text) for text in stripped)[count // 2])
    runs = _short_runs(
        [not sentence and len(text) <= _SHORT_CHARS and text.count(" ") < _SHORT_WORDS
         for sentence, text in zip(sentences, stripped, strict=True)]
    )
    rows = [
        ["rlen=xs" if 4 * size < median else "rlen=s" if 2 * size < median else "rlen=m" if size < median
         else "rlen=l" if size < 2 * median else "rlen=xl"]
        for size in map(len, stripped)
    ]
    echoes: dict[int, int] = {}
    # Where a line stands against the lead, and how much of its words the lead takes up (header lines only: the
    # title is looked for there, and a long body costs nothing more).
    for index in range(min(first_sentence, _ECHO_LINES)):
        row = rows[index]
        gap = first_sentence - index
        row.append("to-lead=1" if gap == 1 else "to-lead=2" if gap == 2 else "to-lead=3-5" if gap < 6 else "to-lead=6+")
        if reference and stripped[index].count(" ", 0, 400) < _ECHO_WORDS:
            mine = _tokens(stripped[index])
            if len(mine) > 1:  # one word's overlap is chance ("Title", a name): said only through `echo-best`
                row.append(_share(len(mine & reference) / len(mine)))
            elif not mine:
                row.append("echo=empty")
            if mine:
                echoes[index] = len(mine & reference)
    for index in range(max(first_sentence, _ECHO_LINES), first_sentence):
        rows[index].append("to-lead=6+")
    if last_sentence >= 0:
        for index in range(last_sentence + 1, count):
            rows[index].append("after-body")
    for index, run in enumerate(runs):
        if run:
            where = "top" if index < first_sentence else "bottom" if index > last_sentence else "mid"
            rows[index] += (f"short-run={where}", "short-run-len=" + ("3-4" if run < 5 else "5+"))
    _add_list_shapes(stripped, rows)
    for text, row in zip(stripped, rows, strict=True):
        stops = text.count(". ", 0, 2000) + text.count("。", 0, 2000) + text.rstrip(" \"'”’»」』)").endswith(_ENDS)
        row.append("stops=0" if not stops else "stops=1" if stops == 1 else "stops=2+")
    # The header line that shares most words with the lead is the headline's likeliest place (the first, on a tie):
    # counted, not as a share, so that a headline's glued date and marker words do not dilute it.
    if echoes and max(echoes.values()) > 0:
        rows[max(echoes, key=lambda index: (echoes[index], -index))].append("echo-best")
    return rows


def _add_list_shapes(stripped: Sequence[str], rows: Sequence[list[str]]) -> None:
    """How a line opens beside its neighbours: a list marker (alone, or in a run of them), a bare marker on the
    line above, the same first word as a neighbour, a short field name and a colon."""
    count = len(stripped)
    enumerated = [_ENUMERATOR.match(text) is not None for text in stripped]
    bare = [len(text) <= 3 and _BARE_MARKER.fullmatch(text) is not None for text in stripped]
    heads = [text[:12].split(maxsplit=1)[0].casefold() if text else "" for text in stripped]
    for index, row in enumerate(rows):
        if enumerated[index]:
            row.append("enum")
            if (index and enumerated[index - 1]) or (index + 1 < count and enumerated[index + 1]):
                row.append("enum-run")
        if bare[index]:
            row.append("bare-marker")
        elif index and bare[index - 1]:
            row.append("after-bare-marker")
        head = heads[index]
        if head and ((index and heads[index - 1] == head) or (index + 1 < count and heads[index + 1] == head)):
            row.append("same-head")
        text = stripped[index]
        if (":" in text[:_FIELD_SPAN] or "：" in text[:_FIELD_SPAN]) and _FIELD.match(text):
            row.append("field")


def _short_runs(short: Sequence[bool]) -> list[int]:
    """For each line, the length of the run of short lines it stands in (0 when the run is shorter than `_RUN`)."""
    runs = [0] * len(short)
    start = 0
    while start < len(short):
        if not short[start]:
            start += 1
            continue
        end = start
        while end < len(short) and short[end]:
            end += 1
        if end - start >= _RUN:
            for index in range(start, end):
                runs[index] = end - start
        start = end
    return runs
