"""Complexity harness: every pattern, recogniser and cleaning step, fed crafted inputs at n and 4n.

    python benchmarks/complexity.py              # every case, full sizes
    python benchmarks/complexity.py --quick      # the sizes tests/test_complexity.py uses
    python benchmarks/complexity.py --only lexicon:share --only cleaning:

A case fails when its time grows more than `BOUND` (6x) from n to 4n: linear
grows about 4x, quadratic 16x, exponential never returns — so each group of
cases runs in a worker process the harness kills after `--timeout` seconds
(a case that does not finish is a failure, not a hang).

The cases come from `PROVIDERS`, functions that yield named `Case`s; the
inputs are built from what each pattern or step works on:

- ``lexicon:<concept>:<family>`` — every concept of `pressconv.lexicon`, so a
  concept or language added later is checked without touching this file;
- ``pattern:<module>.<name>:<family>`` — every compiled pattern of the text
  reader's and the cleaner's modules (found by walking the modules, so a new
  pattern is checked too), applied as the module applies it (`match`,
  `fullmatch`, and `search` where it searches): each call linear in the input;
- ``reader:…`` — each `structure.RECOGNISERS` rule alone, the header, the dates,
  links and the whole text reader on long runs of the lines they claim; the date
  grammar tried at every position of lines built to make it look far ahead;
- ``cleaning:<step>:…`` — each cleaning step alone (`STEPS`) on many
  paragraphs sharing their edges, long glued runs, many chrome lines.

A pattern family is a token from the pattern's own words, repeated with a
separator and ended by a character no pattern expects ("share | share | … §"),
plus generic runs (spaces, letters, digits, dots, brackets). To add cases (the
HTML reader's walks, say), write a provider — a function yielding `Case`s —
and add it to `PROVIDERS` (`html_cases` does so for the html reader).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import multiprocessing
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import ModuleType
from typing import Any

#: A case fails when its time for 4n is more than this many times its time for n.
BOUND = 6.0
#: Below this (seconds per call at 4n) a case is too fast to matter, whatever its ratio.
FLOOR = 0.00002
#: Each timing is a batch of calls lasting about this long at n.
BATCH = 0.0002


@dataclass(frozen=True)
class Case:
    """A named operation and a builder of its input of size n (repetitions of the crafted token, lines, paragraphs)."""

    name: str
    build: Callable[[int], Any]
    run: Callable[[Any], object]


@dataclass(frozen=True)
class Result:
    name: str
    small: float
    large: float
    failed: str = ""

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else 0.0


# ---------------------------------------------------------------------------------------------------------------------
# Inputs.

_SEPARATORS = (" ", " | ", ", ", " > ", ". ", "")
_QUICK_SEPARATORS = (" ", " | ", "")
_GENERIC: tuple[tuple[str, str, str], ...] = (
    # name, repeated unit, tail
    ("spaces", " ", "§"),
    ("letters", "a", "§"),
    ("capitals", "A", "!"),
    ("words", "Aa ", "§"),
    ("digits", "1 ", "§"),
    ("dots", ". ", "§"),
    ("brackets", "(", "§"),
    ("hashes", "# ", "§"),
    ("dashes", "- ", "§"),
    ("mixed", "a1.-/ ", "§"),
)
_QUICK_GENERIC = ("spaces", "letters", "words", "dots", "mixed")


def _repeat(unit: str, tail: str) -> Callable[[int], object]:
    return lambda n: unit * n + tail


def _tokens(source: str, limit: int) -> list[str]:
    """Words a pattern spells, for inputs it half-matches over and over: the first, last and middle ones."""
    words = list(dict.fromkeys(re.findall(r"[^\W\d_]{2,}", re.sub(r"\\[a-zA-Z]", " ", source).casefold())))
    if len(words) <= limit:
        return words
    picks = [words[0], words[-1], words[len(words) // 2]]
    return picks[:limit]


_ALL_USES = ("match", "fullmatch", "search")


def pattern_cases(name: str, pattern: re.Pattern[str], *, quick: bool, uses: tuple[str, ...] = _ALL_USES) -> Iterator[Case]:
    """Crafted inputs for one compiled pattern, applied as the code applies it: one `match` or `fullmatch` at the
    start must be linear in the input, and so must a `search` (every start position) where the code searches."""
    separators = _QUICK_SEPARATORS if quick else _SEPARATORS
    families: list[tuple[str, Callable[[int], object]]] = []
    for token in _tokens(pattern.pattern, 2 if quick else 3):
        for separator in separators:
            label = separator.strip() or ("space" if separator else "glued")
            families.append((f"{token}{label}", _repeat(token + separator, "§")))
        families.append((token.title(), _repeat(token.title() + " ", "§")))
    families += [(family, _repeat(unit, tail)) for family, unit, tail in _GENERIC if not quick or family in _QUICK_GENERIC]
    for use in uses:
        run = getattr(pattern, use)
        for family, build in families:
            yield Case(f"{name}:{use}:{family}", build, run)


# ---------------------------------------------------------------------------------------------------------------------
# Providers.


def lexicon_cases(*, quick: bool) -> Iterator[Case]:
    """Every concept of the lexicon (all languages), as the readers compile it: case-insensitive, grouped, and
    applied every way (whole lines, at a position, searched for)."""
    from pressconv import lexicon

    for concept in lexicon.CONCEPTS:
        yield from pattern_cases(f"lexicon:{concept}", lexicon.pattern("(?:{" + concept + "})"), quick=quick)


def _uses(module: ModuleType, name: str) -> tuple[str, ...]:
    """How the module applies the pattern named `name`: "match" always; "fullmatch", "search" (for `search`,
    `finditer`, `findall`, `sub`, `split`) where its source does."""
    import inspect

    source = inspect.getsource(module)
    methods = set(re.findall(rf"\b{re.escape(name)}(?:\(\))?\.(\w+)\(", source))
    uses = ["match"]
    if "fullmatch" in methods:
        uses.append("fullmatch")
    if methods & {"search", "finditer", "findall", "sub", "subn", "split"}:
        uses.append("search")
    return tuple(uses)


def _module_patterns(module: ModuleType) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern a module holds: compiled at import, or on first use (`lazy_pattern`, a partial of
    `lexicon.pattern`)."""
    from pressconv import lexicon

    for name, value in sorted(vars(module).items()):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            yield name, value
        elif isinstance(value, functools.partial) and value.func is lexicon.pattern:
            yield name, value()
        elif callable(value) and getattr(value, "__qualname__", "").startswith("lazy_pattern."):
            compiled = value()
            if isinstance(compiled.pattern, str):
                yield name, compiled
    if module.__name__ == "pressconv.lines":
        for kind, source in module.CHROME_PATTERNS:
            yield f"CHROME_PATTERNS[{kind}]", re.compile(source, re.IGNORECASE)


READER_MODULES = (
    "pressconv.lines",
    "pressconv.keys",
    "pressconv.readers.header",
    "pressconv.readers.structure",
    "pressconv.readers.dates",
    "pressconv.readers.links",
    "pressconv.readers.decoding",
    "pressconv.readers.text",
    "pressconv.cleaning.repeats",
    "pressconv.cleaning.chrome",
)


def reader_pattern_cases(*, quick: bool) -> Iterator[Case]:
    """Every compiled pattern of the text reader's and the cleaner's modules."""
    import importlib

    for module_name in READER_MODULES:
        module = importlib.import_module(module_name)
        short = module_name.removeprefix("pressconv.")
        for name, pattern in _module_patterns(module):
            uses = ("fullmatch",) if name.startswith("CHROME_PATTERNS[") else _uses(module, name)  # `is_chrome`
            yield from pattern_cases(f"pattern:{short}.{name}", pattern, quick=quick, uses=uses)


_STRUCTURE_LINES: dict[str, tuple[str, ...]] = {
    "end-mark": ("ENDS", "-ends-", "# # #"),
    "notes": ("Notes to editors", "About Northshire Council", "The council serves 300,000 people."),
    "contact": ("Media enquiries", "Jane Smith", "Tel: 01632 960123", "jane.smith@example.org"),
    "list": ("• Roads resurfaced this year", "1. The first item of many", "(b) another item here"),
    "heading": ("Funding Details", "The plan has three parts and a long sentence here."),
}


def recogniser_cases(*, quick: bool) -> Iterator[Case]:
    """Each text-reader recogniser alone on long runs of the lines it claims, the header, dates, links, the reader."""
    from pressconv.options import ReadOptions
    from pressconv.readers import dates, header, links, structure
    from pressconv.readers.text import parse_text

    names = [name for name, _ in structure.RECOGNISERS]
    for name in names:
        others = frozenset(names) - {name}
        lines = _STRUCTURE_LINES.get(name, ("A line of text for the recogniser.",))
        run = functools.partial(_recover, skip=others)
        yield Case(f"reader:structure.{name}:claimed", _lines(lines), run)
        yield Case(f"reader:structure.{name}:long-line", functools.partial(_long_line, lines), run)
    yield Case("reader:structure:all-kinds", _lines(tuple(line for group in _STRUCTURE_LINES.values() for line in group)),
               _recover)  # fmt: skip
    header_lines = ("PRESS RELEASE", "Published 12 March 2019 | By Jane Smith", "Title of the release here")
    yield Case("reader:header:many-lines", _lines(header_lines), header.split_header)
    yield Case(
        "reader:header:long-title",
        lambda n: ["Council opens depot Published 12 March 2019 | " * n, "Body."],
        header.split_header,
    )
    yield Case("reader:header:long-tail-tokens", lambda n: "Title " + "| 12 March 2019 " * n, header.split_title_line)
    yield Case("reader:dateline:long", lambda n: "LONDON, " * n + "12 March 2019 – text", header.dateline)
    yield Case("reader:dates:many", lambda n: "12 March 2019, " * n, lambda text: dates.match_date(text, 0))
    yield Case("reader:dates:digits", lambda n: "12.03." * n, lambda text: dates.match_date(text, 0))
    yield Case("reader:links:many", lambda n: "see https://example.org/a_(b) and " * n, links.find_links)
    yield Case("reader:links:long-url", lambda n: "https://example.org/" + "a(" * n, links.find_links)
    options = ReadOptions()
    yield Case(
        "reader:text:paragraphs",
        lambda n: "Title\nPublished 12 March 2019\n" + "A paragraph of the release here.\n" * n,
        lambda text: parse_text(text, options),
    )
    yield Case("reader:text:one-long-line", lambda n: "Title\n" + "word | " * n, lambda text: parse_text(text, options))


#: Pieces of a line mixing everything the date grammar looks at: digits, separators, month and weekday names.
_DATE_PIECES = ("12", " ", "-", "/", ".", "March", "listopad", "2019", "Μαρτίου", ",", "年", "月", "Friday", "   ",
                "1er", "de", "10:00", "GMT")  # fmt: skip
#: Lines a caller scanning for dates tries at every position (n is about the line's length / 10).
_DATE_SCANS: dict[str, Callable[[int], str]] = {
    "mixed": lambda n: _mixed_date_line(10 * n),
    "far-month": lambda n: "1" + " " * (10 * n) + "March",
    "day-runs": lambda n: "1 " * (5 * n),
    "month-runs": lambda n: "March " * (2 * n),
    "dotted": lambda n: "12." * (3 * n),
    "cjk-years": lambda n: "2019年" * (2 * n),
    "letters-then-digit": lambda n: "a" * (10 * n) + " 3",
    "time-far": lambda n: "7 March 2014 time" + " " * (10 * n) + "x",
    "clock-far": lambda n: "10:00" + " " * (10 * n) + "x",
    "particle-far": lambda n: "7" + " " * (5 * n) + "de" + " " * (5 * n) + "x",
    "spaced-months": lambda n: ("March" + " " * 100) * max(1, n // 10),
    "letter-dots": lambda n: "a." * (5 * n),
    "case-runs": lambda n: "aA" * (5 * n),
    "month-hyphens": lambda n: "Mar-" * (3 * n),
}


def _mixed_date_line(size: int) -> str:
    """The same random line for every size (a prefix of the longest), so n and 4n differ only in length."""
    rng = random.Random(7)
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(_DATE_PIECES)
        out.append(piece)
        length += len(piece)
    return "".join(out)


def _scan_dates(text: str) -> int:
    """Every date in `text`, tried at every position: what a caller scanning a line may do."""
    from pressconv.readers import dates

    return sum(dates.match_date(text, pos) is not None for pos in range(len(text)))


#: Runs of short lines that each open a block and never close it (a quadratic scan once took 20 s on the first).
_STRUCTURE_RUNS: dict[str, Callable[[int], list[str]]] = {
    "weak-contacts": lambda n: ["Enquiries: a"] * (3 * n),
    "weak-heading": lambda n: ["Contact", *["Jane Smith"] * (3 * n)],
    "notes": lambda n: ["Notes to editors", *["Jane Smith"] * (3 * n)],
    "items": lambda n: ["Intro:", *["item"] * (3 * n)],
    "headings": lambda n: ["Some sentence here.", "Heading"] * (2 * n),
}


def date_scan_cases(*, quick: bool) -> Iterator[Case]:
    """The date grammar tried at every position of long lines built to make a matcher look far ahead."""
    for name, build in _DATE_SCANS.items():
        yield Case(f"reader:dates:scan:{name}", build, _scan_dates)
    for name, build_lines in _STRUCTURE_RUNS.items():
        yield Case(f"reader:structure:run:{name}", build_lines, _recover)


def _long_line(lines: tuple[str, ...], n: int) -> list[str]:
    return [" ".join(lines) * n]


def _lines(lines: tuple[str, ...]) -> Callable[[int], object]:
    return lambda n: [f"{line} {index}" if index % 7 == 6 else line for index in range(n) for line in lines]


def _recover(lines: object, skip: frozenset[str] = frozenset()) -> object:
    from pressconv.readers.structure import recover_structure

    assert isinstance(lines, list)
    return recover_structure(lines, skip=skip)


def _built_release(build: Callable[[int], list[str]], n: int) -> object:
    return _release(build(n))


def _release(paragraphs: list[str]) -> object:
    import datetime

    import pressconv

    blocks = tuple(pressconv.Paragraph(text) for text in paragraphs)
    return pressconv.Release(title="Council opens new depot", date=datetime.date(2024, 5, 1), blocks=blocks)


_CLEANING_INPUTS: tuple[tuple[str, Callable[[int], list[str]]], ...] = (
    ("distinct-shared-end", lambda n: [f"Paragraph {i} is one of many that all end the same way here." for i in range(n)]),
    ("distinct-shared-start", lambda n: [f"These paragraphs start the same way and end with number {i}." for i in range(n)]),
    ("same", lambda n: ["The same paragraph, scraped over and over again here."] * n),
    ("glued-runs", lambda n: [" ".join(f"Sentence {i} of the run is long enough." for i in range(j, j + 3)) for j in range(n)]),
    ("one-long-glued", lambda n: [" ".join(["The depot opens in July for every resident."] * n)]),
    ("sentence-dots", lambda n: ["a. " * n + "end"]),
    ("chrome", lambda n: ["Share this page", "Home > News > Budget", "Cookie settings", "A real sentence here."] * n),
)  # fmt: skip


def cleaning_cases(*, quick: bool) -> Iterator[Case]:
    """Each cleaning step alone (the others skipped) on many paragraphs sharing their edges, long runs, chrome."""
    import pressconv
    from pressconv.cleaning import STEPS

    names = [name for name, _ in STEPS]
    for step in names:
        skip = tuple(name for name in names if name != step)
        for family, build in _CLEANING_INPUTS:
            yield Case(
                f"cleaning:{step}:{family}",
                functools.partial(_built_release, build),
                functools.partial(pressconv.clean, skip=skip),
            )


# ---------------------------------------------------------------------------------------------------------------------
# The html reader: its patterns, and whole pages built to make each walk re-read what it has read.

HTML_MODULES = (
    "pressconv.readers.html.decoding",
    "pressconv.readers.html.metadata",
    "pressconv.readers.html.page",
    "pressconv.readers.html.container",
    "pressconv.readers.html.blocks",
    "pressconv.readers.html.header",
    "pressconv.readers.html.structure",
    "pressconv.readers.html.pipeline",
)
_HEAD = "<html><head><title>A headline here | Site</title></head><body>"
_PROSE = "<p>" + "Words of the release that make a paragraph long enough to count, with commas, and more. " * 2 + "</p>"


def _page(inner: str) -> bytes:
    return (_HEAD + "<article><h1>A headline here</h1>" + _PROSE + inner + _PROSE + "</article></body></html>").encode()


def _nested(open_tag: str, close_tag: str, middle: str = "x") -> Callable[[int], bytes]:
    return lambda n: _page(open_tag * n + middle + close_tag * n)


#: Pages of size n: deep nesting of every element the html reader treats specially, many siblings under one
#: parent, long attributes and addresses. tests/readers/html/test_linear_walks.py counts the calls of the same.
HTML_PAGES: dict[str, Callable[[int], bytes]] = {
    "nested figures with an image": _nested("<figure>", "</figure>", "<img src=x>"),
    "unclosed paragraphs, no h1": lambda n: (_HEAD + "<div>" + "<p>some words " * n + "</div>").encode(),
    "many <time>s in one paragraph": lambda n: _page("<p>" + "<time>2024-01-01</time> some text " * n + "</p>"),
    "nested <time>": _nested("<time>", "</time>", "2024-03-07"),
    "nested links": lambda n: _page("<p>" + "<a href='/x'>w " * n + "</p>"),
    "nested links over line breaks": lambda n: _page("<p>" + "<a href='/x'>w<br>" * n + "</p>"),
    "nested articles": _nested("<article>", "</article>", "text"),
    "nested footers holding an end mark": _nested("<footer>", "</footer>", "ENDS"),
    "nested headers": _nested("<header>", "</header>", "text"),
    "nested tables": _nested("<table><tr><td>a</td><td>", "</td></tr></table>"),
    "nested h1": _nested("<h1>", "</h1>"),
    "nested h2 naming the title": lambda n: (
        _HEAD + "<div>" + "<h2>" * n + "A headline here" + "</h2>" * n + _PROSE + "</div>"
    ).encode(),
    "nested inline headline": lambda n: (
        _HEAD + "<div><p>" + "<b>" * n + "A headline here" + "</b>" * n + "</p>" + _PROSE + "</div>"
    ).encode(),
    "nested hidden elements": _nested("<div hidden>", "</div>"),
    "nested select": _nested("<select>", "</select>"),
    "nested list items with text": _nested("<ul><li>an item long enough to score, with a comma ", "</li></ul>"),
    "nested microdata articles": _nested("<div itemscope itemtype='http://schema.org/NewsArticle'>", "</div>"),
    "nested divs named comments": _nested("<div class='comments'>", "</div>", "a comment, long enough to score here"),
    "nested asides": _nested("<aside>", "</aside>"),
    "nested forms": _nested("<form>", "</form>"),
    "many hidden siblings": lambda n: _page("<div>" + "<span hidden>x</span>" * n + "</div>"),
    "many script siblings": lambda n: _page("<div>" + "<script>x</script>" * n + "</div>"),
    "many comment siblings": lambda n: _page("<!-- c -->" * n),
    "many figure siblings": lambda n: _page("<figure><img src=x></figure>" * n),
    "many unclosed noscript": lambda n: _page("<noscript>x " * n),
    "many noscript with open divs": lambda n: _page("<noscript><div></noscript>" * n),
    "many short paragraphs": lambda n: _page("<p>short line</p>" * n),
    "long class attribute": lambda n: _page('<div class="' + "a " * (20 * n) + '">x</div>'),
    "long style attribute": lambda n: _page('<div style="' + "display : " * (20 * n) + '">x</div>'),
    "long title": lambda n: ("<title>" + "a | " * (20 * n) + "</title><h1>a</h1>" + _PROSE).encode(),
    "long listing address by the headline": lambda n: (
        _HEAD + "<article><h1>A headline here</h1><p><a href='" + "/news?" * (20 * n) + "\nx'>News</a></p>" + _PROSE
    ).encode(),
    "charset padded with spaces": lambda n: (
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=" + " " * (100 * n) + "\r\n\r\n").encode() + _page("")
    ),
    "meta charset padded with spaces": lambda n: ('<meta charset="' + " " * min(8000, 20 * n)).encode() + _page(""),
}


def _read_page(data: bytes) -> object:
    from pressconv.errors import PressconvError
    from pressconv.options import ReadOptions
    from pressconv.readers.html import HtmlReader

    try:
        return HtmlReader().read(data, ReadOptions())
    except PressconvError as error:
        return error


def html_cases(*, quick: bool) -> Iterator[Case]:
    """The html reader: every compiled pattern of its modules, and a whole read of each page of `HTML_PAGES`."""
    import importlib

    for module_name in HTML_MODULES:
        module = importlib.import_module(module_name)
        short = module_name.removeprefix("pressconv.")
        for name, pattern in _module_patterns(module):
            yield from pattern_cases(f"pattern:{short}.{name}", pattern, quick=quick, uses=_uses(module, name))
    for name, build in HTML_PAGES.items():
        yield Case(f"html:{name}", build, _read_page)


# ---------------------------------------------------------------------------------------------------------------------
# Web archives: records whose lengths lie (run past their end, into the next record or the end of the file, or are
# missing), pages quoting WARC headers, and gzip members of one record each or one stream of many.


def _warc_record(body: bytes, *, extra_length: int = 0, length_header: str = "Content-Length") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/page\r\n"
        "WARC-Date: 2024-03-12T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        f"Content-Type: application/http; msgtype=response\r\n{length_header}: {len(http) + extra_length}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


_WARC_PAGE = b"<html><body><article><h1>Depot opens</h1><p>12 March 2024</p><p>It opens in July.</p></article></body></html>"
_QUOTING_PAGE = b"<html><body><h1>Notes</h1><pre>\r\nWARC/1.0\r\nWARC-Type: response\r\n\r\n</pre><p>Text.</p></body></html>"
_WARC_ARCHIVES: dict[str, Callable[[int], bytes]] = {
    "sound": lambda n: _warc_record(_WARC_PAGE) * n,
    "overrun-to-end": lambda n: _warc_record(_WARC_PAGE, extra_length=10**9) * n,
    "overrun-by-one-record": lambda n: _warc_record(_WARC_PAGE, extra_length=len(_warc_record(_WARC_PAGE))) * n,
    "no-length": lambda n: _warc_record(_WARC_PAGE, length_header="X-Length") * n,
    "quoting-warc": lambda n: _warc_record(_QUOTING_PAGE * 20) * n,
    "gz-members": lambda n: gzip.compress(_warc_record(_WARC_PAGE), 1) * n,
    "gz-members-overrun": lambda n: gzip.compress(_warc_record(_WARC_PAGE, extra_length=50), 1) * n,
    "gz-one-stream-overrun": lambda n: gzip.compress(_warc_record(_WARC_PAGE, extra_length=3000) * n, 1),
}


def _read_archive(data: bytes) -> object:
    import tempfile
    from pathlib import Path

    from pressconv.batch.warc import iter_warc

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory, "crawl.warc.gz" if data[:2] == b"\x1f\x8b" else "crawl.warc")
        path.write_bytes(data)
        return [source.error for source in iter_warc(path)]


def warc_cases(*, quick: bool) -> Iterator[Case]:
    """Reading a web archive of n records, for every way a record's length can lie."""
    for name, build in _WARC_ARCHIVES.items():
        yield Case(f"warc:{name}", build, _read_archive)


#: Where the cases come from; add a provider (a function of `quick` yielding `Case`s) to check more.
PROVIDERS: tuple[Callable[..., Iterable[Case]], ...] = (
    lexicon_cases,
    reader_pattern_cases,
    recogniser_cases,
    date_scan_cases,
    cleaning_cases,
    html_cases,
    warc_cases,
)


def all_cases(*, quick: bool, only: tuple[str, ...] = ()) -> list[Case]:
    cases = [case for provider in PROVIDERS for case in provider(quick=quick)]
    return [case for case in cases if not only or any(case.name.startswith(prefix) for prefix in only)]


# ---------------------------------------------------------------------------------------------------------------------
# Measuring.


def _batch_seconds(case: Case, argument: object, calls: int) -> float:
    """CPU seconds per call (the process's own time: other processes on a busy machine do not count)."""
    started = time.process_time()
    for _ in range(calls):
        case.run(argument)
    return (time.process_time() - started) / calls


def measure(case: Case, n: int, rounds: int = 7) -> Result:
    """Seconds per call at n and at 4n: the best of `rounds` short batches of each, interleaved.

    CPU time, not wall time, and the minimum over short batches (about `BATCH` at n): on a busy machine (eight
    sessions on two cores) wall time measures the neighbours.
    """
    small_input, large_input = case.build(n), case.build(4 * n)
    case.run(small_input)  # first use: compiles lazily built patterns
    calls = 1
    while _batch_seconds(case, small_input, calls) * calls < BATCH and calls < 1024:
        calls *= 2
    small = large = float("inf")
    for _ in range(rounds):
        small = min(small, _batch_seconds(case, small_input, calls))
        large = min(large, _batch_seconds(case, large_input, max(1, calls // 4)))
    failed = f"grows {large / small:.1f}x from n to 4n" if large > FLOOR and large > BOUND * small else ""
    return Result(case.name, small, large, failed)


def measure_again(case: Case, n: int, attempts: int = 3) -> Result:
    """`measure`, repeated while it fails, up to `attempts` times: the best result counts. A super-linear case
    fails every time; a linear one unlucky once (a cache flushed by a neighbour) passes the next time."""
    result = measure(case, n)
    for _ in range(attempts - 1):
        if not result.failed:
            break
        again = measure(case, n)
        result = again if again.ratio < result.ratio else result
    return result


def _worker(cases: list[Case], n: int, connection: Connection) -> None:
    for case in cases:
        connection.send(measure_again(case, n))
    connection.close()


def check(cases: list[Case], n: int, *, timeout: float) -> list[Result]:
    """Measure every case in a worker process; a case that takes longer than `timeout` fails and the worker is
    replaced (a backtracking pattern is not interruptible any other way)."""
    context = multiprocessing.get_context("fork")
    results: list[Result] = []
    while len(results) < len(cases):
        pending = cases[len(results) :]
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(pending, n, sender), daemon=True)
        process.start()
        sender.close()
        for name in (case.name for case in pending):
            if receiver.poll(timeout):
                try:
                    results.append(receiver.recv())
                    continue
                except EOFError:
                    results.append(Result(name, 0.0, 0.0, "the worker died"))
                    break
            results.append(Result(name, 0.0, 0.0, f"did not finish in {timeout:.0f} s"))
            break
        process.kill()
        process.join()
        receiver.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer input families, smaller n (what the tests run)")
    parser.add_argument("--only", action="append", default=[], help="only cases whose name starts with this")
    parser.add_argument("-n", type=int, default=0, help="the small size (default 100 quick, 400 full)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds one case may take")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case, not only failures")
    args = parser.parse_args(argv)
    n = args.n or (100 if args.quick else 400)
    cases = all_cases(quick=args.quick, only=tuple(args.only))
    started = time.perf_counter()
    results = check(cases, n, timeout=args.timeout)
    failed = [result for result in results if result.failed]
    for result in results if args.verbose else failed:
        status = f"FAIL {result.failed}" if result.failed else "ok"
        print(f"{result.name:70} {result.small * 1e3:9.3f} ms {result.large * 1e3:9.3f} ms  {result.ratio:5.1f}x  {status}")
    print(f"{len(results)} cases, {len(failed)} failed, n={n}, {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
