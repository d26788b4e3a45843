"""Plugins as a user meets them: a real package, pip-installed into a virtual environment, driven by the command.

One venv per test session (`python -m venv --system-site-packages`, then `pip install --no-deps
--no-index` of a tiny wheel written here); the command runs in it with this
worktree's pressconv first on the path. The package holds what broke the CLI for a new user:
a writer without options (`options_type = None`), an entry point naming a module that does not
exist, a module that fails on import, a writer whose option is named like a built-in one
(`encoding`), a reader of `.upper` files, and a writer that can write collections.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES

SRC = Path(__file__).resolve().parent.parent / "src"
SEED = FIXTURES / "blue-light-integration.txt"

PLUGIN = '''
from dataclasses import dataclass, field

from pressconv.model import Paragraph, Release
from pressconv.options import option


class BareWriter:
    """No options at all: options_type is None."""

    name = "bare"
    extension = ".bare"
    media_type = "text/plain"
    description = "the title only (a toy writer without options)"
    options_type = None

    def write(self, release, stream, options=None):
        stream.write(release.title.encode("utf-8"))

    def write_collection(self, collection, stream, options=None):
        stream.write("\\n".join(release.title for release in collection.releases).encode("utf-8"))


@dataclass(frozen=True)
class ClashOptions:
    encoding: str = field(default="utf-8", metadata=option("output encoding of the clash writer", metavar="NAME"))


class ClashWriter:
    """An option named like the reading option --encoding."""

    name = "clash"
    extension = ".clash"
    media_type = "text/plain"
    description = "the title in an encoding (a toy writer)"
    options_type = ClashOptions

    def write(self, release, stream, options=None):
        stream.write(release.title.encode((options or ClashOptions()).encoding))


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
'''

BROKEN = "raise ImportError('this plugin needs a library that is not installed')\n"

ENTRY_POINTS = """\
[pressconv.writers]
bare = toyplugin:BareWriter
clash = toyplugin:ClashWriter
ghost = toyplugin_missing:GhostWriter
broken = toyplugin_broken:Writer

[pressconv.readers]
upper = toyplugin:UpperReader
"""


def _wheel(folder: Path, modules: dict[str, str]) -> Path:
    """A minimal wheel of `modules` with the entry points above: pip installs it with no build tools at hand."""
    import base64
    import hashlib
    import zipfile

    info = "toyplugin-1.0.dist-info"
    files = {
        **modules,
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: toyplugin\nVersion: 1.0\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: pressconv-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": ENTRY_POINTS,
    }
    rows = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        rows.append(f"{name},sha256={digest},{len(text.encode())}")
    rows.append(f"{info}/RECORD,,")
    path = folder / "toyplugin-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr(f"{info}/RECORD", "\n".join(rows) + "\n")
    return path


@pytest.fixture(scope="session")
def plugin_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The python of a venv with the toy plugin package installed (once per session)."""
    root = tmp_path_factory.mktemp("plugin-venv")
    wheel = _wheel(root, {"toyplugin.py": PLUGIN, "toyplugin_broken.py": BROKEN})
    venv = root / "venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"cannot create a virtual environment here: {error}")
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    if installed.returncode != 0:
        pytest.skip(f"cannot pip-install a package into the venv here: {installed.stderr.strip()[-300:]}")
    yield python


def pressconv(python: Path, *argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in the plugin venv, with this worktree's pressconv (not another installed copy)."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [str(python), "-m", "pressconv", *map(str, argv)], capture_output=True, text=True, check=False, env=env, cwd=cwd
    )


def test_a_writer_without_options_works_and_takes_nothing_down(plugin_python: Path) -> None:
    for argv in (["convert", "--help"], ["convert", SEED, "--to", "html", "-o", "-"]):
        result = pressconv(plugin_python, *argv)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    bare = pressconv(plugin_python, "convert", SEED, "--to", "bare", "-o", "-")
    assert bare.returncode == 0, bare.stderr
    assert bare.stdout.startswith("Commissioner Lloyd")
    typo = pressconv(plugin_python, "convert", SEED, "--to", "pfd", "-o", "-")
    assert typo.returncode == 2 and "did you mean 'pdf'" in typo.stderr and "Traceback" not in typo.stderr


def test_a_plugin_that_cannot_load_is_listed_with_its_error_and_costs_only_its_format(plugin_python: Path) -> None:
    listing = pressconv(plugin_python, "formats")
    assert listing.returncode == 0, listing.stderr
    rows = {line.split()[0]: line for line in listing.stdout.splitlines() if line.startswith("  ")}
    assert "could not be loaded" in rows["ghost"] and "toyplugin_missing" in rows["ghost"]
    assert "could not be loaded" in rows["broken"] and "needs a library" in rows["broken"]
    assert "[toyplugin]" in rows["bare"] and "[toyplugin]" in rows["upper"]
    for name in ("ghost", "broken"):
        chosen = pressconv(plugin_python, "convert", SEED, "--to", name, "-o", "-")
        assert chosen.returncode == 2 and "Traceback" not in chosen.stderr
        assert len(chosen.stderr.strip().splitlines()) == 1 and "could not be loaded" in chosen.stderr


def test_a_plugin_option_named_like_a_built_in_one_does_not_crash_the_parser(plugin_python: Path) -> None:
    result = pressconv(plugin_python, "convert", SEED, "--to", "json", "-o", "-", "--encoding", "utf-8")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"].startswith("Commissioner Lloyd")
    clash = pressconv(plugin_python, "convert", SEED, "--to", "clash", "-o", "-", "--clash-encoding", "ascii")
    assert clash.returncode == 0, clash.stderr
    assert clash.stdout.startswith("Commissioner Lloyd") and "Traceback" not in clash.stderr
    refused = pressconv(plugin_python, "convert", SEED, "--to", "clash", "-o", "-", "--clash-encoding", "klingon")
    assert refused.returncode == 1 and "klingon" in refused.stderr and "Traceback" not in refused.stderr
    assert "--clash-encoding" in pressconv(plugin_python, "convert", "--help").stdout


def test_a_plugin_reader_s_files_are_found_in_a_directory_walk(plugin_python: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.upper").write_text("UPPER:a toy title\nfirst line\n")
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    result = pressconv(plugin_python, "convert", folder, "--to", "json", "-o", f"{tmp_path}/out/")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["note.json", "seed.json"]
    assert json.loads((tmp_path / "out" / "note.json").read_text())["title"] == "A TOY TITLE"


def test_bundle_takes_plugin_writers_and_several_formats(plugin_python: Path, tmp_path: Path) -> None:
    inputs = [SEED, FIXTURES / "no-date.txt"]
    result = pressconv(plugin_python, "bundle", *inputs, "--to", "bare,html", "-o", f"{tmp_path}/out/", "--title", "Spring")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["spring.bare", "spring.html"]
    assert "Commissioner Lloyd" in (tmp_path / "out" / "spring.bare").read_text()
