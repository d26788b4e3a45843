"""Every walk of the html reader is linear in the page's size: deep nesting of each element it treats
specially, many siblings, long attributes.

Measured without a clock: the number of Python function calls the read makes (`sys.setprofile`), at n
and at 4n. A linear read makes about 4× the calls; one that re-reads subtrees makes about 16×. Calls
are deterministic, so the test cannot flake on a busy machine; the wall-clock version of the same
cases is `benchmarks/complexity.py`.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from pressconv.errors import PressconvError
from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader


def _harness_pages() -> dict[str, Callable[[int], bytes]]:
    """The html cases of the complexity harness (benchmarks/complexity.py), one registry for both."""
    path = Path(__file__).resolve().parents[3] / "benchmarks" / "complexity.py"
    spec = importlib.util.spec_from_file_location("pressconv_benchmark_complexity", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    if spec.name not in sys.modules:
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    pages: dict[str, Callable[[int], bytes]] = module.HTML_PAGES
    return pages


CASES = _harness_pages()


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
