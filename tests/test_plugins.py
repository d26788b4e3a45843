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
from pressconv.registry import installed_entry_points

PLUGIN = """
from dataclasses import dataclass, field

from pressconv.model import Paragraph, Release
from pressconv.options import option

@dataclass(frozen=True)
class ShoutOptions:
    exclamations: int = field(default=1, metadata=option("how many ! after the title", metavar="N", parse=int))

class UpperReader:
    name = "upper"
    description = "a toy reader for .upper files"
    media_types = ("text/x-upper",)
    extensions = (".upper",)

    def sniff(self, head):
        return head.startswith(b"UPPER:")

    def read(self, data, options):
        lines = data.decode("utf-8").removeprefix("UPPER:").split("\\n")
        return Release(lines[0].upper(), None, tuple(Paragraph(line.upper()) for line in lines[1:] if line))

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
    (info / "entry_points.txt").write_text(
        "[pressconv.writers]\nshout = shout_writer:ShoutWriter\n[pressconv.readers]\nupper = shout_writer:UpperReader\n"
    )
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    installed_entry_points.cache_clear()  # what is installed changed under this process
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("shout_writer", None)
    installed_entry_points.cache_clear()


def test_plugin_is_listed_and_converts(installed_plugin: Path) -> None:
    formats = {info.name: info for info in pressconv.available_formats()}
    assert formats["shout"].origin == "shout-writer"
    output = pressconv.convert(FIXTURES / "blue-light-integration.txt", to="shout", exclamations=3).data
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
    installed_entry_points.cache_clear()
    assert "html" in {entry.name for entry in installed_entry_points("pressconv.writers")}
    output = pressconv.convert(FIXTURES / "blue-light-integration.txt", to="html").data
    assert output.startswith(b"<!DOCTYPE html>")


def test_plugin_writer_option_is_a_command_line_flag(installed_plugin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pressconv.cli import main

    seed = str(FIXTURES / "blue-light-integration.txt")
    assert main(["convert", seed, "--to", "shout", "--exclamations", "4", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("COMMISSIONER LLOYD ADDRESSES NATIONAL CONFERENCE ON BLUE LIGHT INTEGRATION!!!!\n")
    assert main(["convert", "--help"]) == 0
    assert "--exclamations N" in capsys.readouterr().out
    assert main(["convert", seed, "--to", "html", "--exclamations", "4"]) == 2
    assert "--exclamations applies to shout" in capsys.readouterr().err


def test_plugin_reader_is_chosen_by_extension_content_or_name(installed_plugin: Path, tmp_path: Path) -> None:
    from pressconv.readers import READERS

    source = tmp_path / "note.upper"
    source.write_bytes(b"UPPER:a toy title\nfirst line\nsecond line")
    by_extension = pressconv.convert(source, to="json").release
    assert by_extension is not None and by_extension.title == "A TOY TITLE"
    assert by_extension.paragraphs == ("FIRST LINE", "SECOND LINE")
    by_content = pressconv.convert(source.read_bytes(), to="json").release
    by_name = pressconv.convert(source.read_bytes(), to="json", read_options=pressconv.ReadOptions(reader="upper")).release
    for release in (by_content, by_name):
        assert release is not None and (release.title, release.paragraphs) == (by_extension.title, by_extension.paragraphs)
    assert "upper" in {reader.name for reader, _ in READERS.items()}
