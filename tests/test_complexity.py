"""No input costs more than linear time: the complexity harness (benchmarks/complexity.py), fast and in full.

Every pattern of the lexicon and of the text reader's and cleaner's modules, every text-reader recogniser and
every cleaning step is fed crafted inputs at n and 4n; a case fails when its CPU time grows more than 6x (linear
grows 4x, quadratic 16x) or does not finish (exponential backtracking). The harness walks the lexicon and the
modules, so a pattern or language added later is checked without touching this file. Growth is measured in the
process's own CPU time, best of several short batches, so a busy machine does not make it fail.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pressconv_benchmark_complexity", ROOT / "benchmarks" / "complexity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


HARNESS = _harness()


@pytest.mark.parametrize("provider", HARNESS.PROVIDERS, ids=lambda provider: provider.__name__)
def test_every_case_grows_linearly(provider: object) -> None:
    cases = list(provider(quick=True))  # type: ignore[operator]
    assert cases, "a provider that yields no case checks nothing"
    failed = [result for result in HARNESS.check(cases, 100, timeout=20.0) if result.failed]
    assert failed == [], "\n".join(f"{result.name}: {result.failed}" for result in failed)


def test_the_harness_sees_exponential_and_quadratic_cases() -> None:
    # The two shapes issue 24 found (a separator whose spaces two quantifiers can take; a scan over every earlier
    # paragraph): the harness must fail them, or it proves nothing.
    import re

    exponential = HARNESS.Case("exponential", lambda n: "share " * (n // 4) + "!", re.compile(r"(?:\s*,?\s*share)+").fullmatch)
    quadratic = HARNESS.Case(
        "quadratic", lambda n: "a" * (20 * n), lambda text: [text[i:].count("a") for i in range(0, len(text), 50)]
    )
    results = HARNESS.check([exponential, quadratic], 100, timeout=5.0)
    assert [bool(result.failed) for result in results] == [True, True], results


def test_the_lexicon_is_walked_whole() -> None:
    from pressconv import lexicon

    names = {case.name.split(":")[1] for case in HARNESS.lexicon_cases(quick=True)}
    assert names == set(lexicon.CONCEPTS)


@pytest.mark.slow
def test_every_case_grows_linearly_at_full_size() -> None:
    cases = HARNESS.all_cases(quick=False)
    failed = [result for result in HARNESS.check(cases, 400, timeout=60.0) if result.failed]
    assert failed == [], "\n".join(f"{result.name}: {result.failed}" for result in failed)
