"""Every walk of the html reader is linear in the page's size: deep nesting of each element it treats
specially, many siblings, long attributes.

Measured without a clock: the number of Python function calls the read makes (`sys.setprofile`), at n
and at 4n. A linear read makes about 4× the calls; one that re-reads subtrees makes about 16×. Calls
are deterministic, so the test cannot flake on a busy machine; the wall-clock version of the same
cases is `benchmarks/complexity.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from pressconv.errors import PressconvError
from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader

_HEAD = "<html><head><title>A headline here | Site</title></head><body>"
_PROSE = "<p>" + "Words of the release that make a paragraph long enough to count, with commas, and more. " * 2 + "</p>"


def _page(inner: str) -> bytes:
    return (_HEAD + "<article><h1>A headline here</h1>" + _PROSE + inner + _PROSE + "</article></body></html>").encode()


def _nested(open_tag: str, close_tag: str, middle: str = "x") -> Callable[[int], bytes]:
    return lambda n: _page(open_tag * n + middle + close_tag * n)


#: name → page of size n. Kept in step with `benchmarks/complexity.py`'s html cases.
CASES: dict[str, Callable[[int], bytes]] = {
    "nested figures with an image": _nested("<figure>", "</figure>", "<img src=x>"),
    "unclosed paragraphs, no h1": lambda n: (_HEAD + "<div>" + "<p>some words " * n + "</div>").encode(),
    "many <time>s in one paragraph": lambda n: _page("<p>" + "<time>2024-01-01</time> some text " * n + "</p>"),
    "nested <time>": _nested("<time>", "</time>", "2024-03-07"),
    "nested links": lambda n: _page("<p>" + "<a href='/x'>w " * n + "</p>"),
    "nested links over line breaks": lambda n: _page("<p>" + "<a href='/x'>w<br>" * n + "</p>"),
    "nested articles": _nested("<article>", "</article>", "text"),
    "nested footers holding an end mark": _nested("<footer>", "</footer>", "ENDS"),
    "nested tables": _nested("<table><tr><td>a</td><td>", "</td></tr></table>"),
    "nested h1": _nested("<h1>", "</h1>"),
    "nested h2 naming the title": lambda n: (
        _HEAD + "<div>" + "<h2>" * n + "A headline here" + "</h2>" * n + _PROSE + "</div>"
    ).encode(),
    "nested hidden elements": _nested("<div hidden>", "</div>"),
    "nested select": _nested("<select>", "</select>"),
    "nested list items with text": _nested("<ul><li>" + "an item long enough to score, with a comma ", "</li></ul>"),
    "nested microdata articles": _nested("<div itemscope itemtype='http://schema.org/NewsArticle'>", "</div>"),
    "nested inline headline": lambda n: (
        _HEAD + "<div><p>" + "<b>" * n + "A headline here" + "</b>" * n + "</p>" + _PROSE + "</div>"
    ).encode(),
    "many hidden siblings": lambda n: _page("<div>" + "<span hidden>x</span>" * n + "</div>"),
    "many script siblings": lambda n: _page("<div>" + "<script>x</script>" * n + "</div>"),
    "many comment siblings": lambda n: _page("<!-- c -->" * n),
    "many figure siblings": lambda n: _page("<figure><img src=x></figure>" * n),
}


def _calls(data: bytes) -> int:
    reader, options = HtmlReader(), ReadOptions()
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        reader.read(data, options)
    except PressconvError:
        pass
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", CASES)
def test_the_html_reader_does_linear_work(name: str) -> None:
    build = CASES[name]
    _calls(build(10))  # imports and first-use compilation out of the way
    small, large = _calls(build(300)), _calls(build(1200))
    assert large / small < 6, f"{name}: {small} calls at n=300, {large} at n=1200"
