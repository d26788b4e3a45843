"""Third-party writers: an installed distribution with a `pressconv.writers` entry point is a format."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import pressconv
from conftest import FIXTURES

PLUGIN = """
from dataclasses import dataclass

@dataclass(frozen=True)
class ShoutOptions:
    exclamations: int = 1

class ShoutWriter:
    name = "shout"
    extension = ".shout"
    media_type = "text/plain"
    description = "the release in capitals (a toy plugin)"
    options_type = ShoutOptions

    def write(self, release, stream, options=None):
        options = options or ShoutOptions()
        lines = [release.title.upper() + "!" * options.exclamations, *(p.upper() for p in release.paragraphs)]
        stream.write("\\n".join(lines).encode("utf-8"))
"""


@pytest.fixture
def installed_plugin(tmp_path: Path) -> Iterator[Path]:
    """A real distribution on sys.path: a module plus dist-info metadata declaring the entry point."""
    (tmp_path / "shout_writer.py").write_text(PLUGIN)
    info = tmp_path / "shout_writer-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-writer\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pressconv.writers]\nshout = shout_writer:ShoutWriter\n")
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("shout_writer", None)


def test_plugin_is_listed_and_converts(installed_plugin: Path) -> None:
    formats = {info.name: info for info in pressconv.available_formats()}
    assert formats["shout"].origin == "shout-writer"
    output = pressconv.convert(FIXTURES / "blue-light-integration.txt", to="shout", exclamations=3)
    assert output is not None
    assert output.startswith(b"COMMISSIONER LLOYD ADDRESSES NATIONAL CONFERENCE ON BLUE LIGHT INTEGRATION!!!")


def test_plugin_works_from_the_command_line(installed_plugin: Path, tmp_path: Path) -> None:
    env_path = f"{installed_plugin}"
    result = subprocess.run(
        [sys.executable, "-m", "pressconv", "convert", str(FIXTURES / "blue-light-integration.txt"), "--to", "shout", "-o", "-"],
        capture_output=True,
        check=False,
        env={"PYTHONPATH": env_path, "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"COMMISSIONER")
    listing = subprocess.run(
        [sys.executable, "-m", "pressconv", "formats"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path, "PATH": ""},
    )
    assert "shout" in listing.stdout and "[shout-writer]" in listing.stdout


def test_a_plugin_cannot_shadow_a_built_in(tmp_path: Path, installed_plugin: Path) -> None:
    (installed_plugin / "shout_writer-1.0.dist-info" / "entry_points.txt").write_text(
        textwrap.dedent("""\
            [pressconv.writers]
            shout = shout_writer:ShoutWriter
            html = shout_writer:ShoutWriter
        """)
    )
    output = pressconv.convert(FIXTURES / "blue-light-integration.txt", to="html")
    assert output is not None and output.startswith(b"<!DOCTYPE html>")
