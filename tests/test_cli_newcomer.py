"""A new user's first hour (issue 27): hints instead of walls, where the user meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pressconv
from conftest import FIXTURES
from pressconv.cli import main

SEED = FIXTURES / "blue-light-integration.txt"
SRC = Path(__file__).resolve().parent.parent / "src"


def run(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def test_rerunning_a_batch_into_the_same_folder_says_so_once_and_does_no_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"r{number}.txt").write_bytes(SEED.read_bytes().replace(b"Commissioner", f"C{number}".encode()))
    assert run("convert", folder, "--to", "html,json", "-o", f"{tmp_path}/out/", "-q") == 0
    capsys.readouterr()
    before = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "out").iterdir()}
    code = run("convert", folder, "--to", "html,json", "-o", f"{tmp_path}/out/")
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "--skip-existing" in err and "--force" in err and "converted" not in err
    assert {path.name: path.stat().st_mtime_ns for path in (tmp_path / "out").iterdir()} == before


def test_an_ambiguous_date_is_told_once_per_run_at_the_default_verbosity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"r{number}.txt").write_text(f"Budget {number} agreed Published 07/03/2014\nText {number}.\n")
    assert run("convert", folder, "--to", "json", "-o", f"{tmp_path}/a/") == 0
    err = capsys.readouterr().err
    assert err.count("reads both ways") == 1 and "--month-first" in err
    assert run("convert", folder, "--to", "json", "-o", f"{tmp_path}/b/", "--month-first") == 0
    assert "reads both ways" not in capsys.readouterr().err
    assert run("convert", folder / "r0.txt", "--to", "json", "-o", tmp_path / "one.json") == 0
    assert capsys.readouterr().err.count("reads both ways") == 1
    assert run("convert", folder, "--to", "json", "-o", f"{tmp_path}/c/", "-v") == 0
    assert capsys.readouterr().err.count("reads both ways") == 3


def test_a_binary_format_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pressconv", "convert", str(SEED), "--to", "pdf", "-o", "-"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            check=False,
            timeout=120,
        )  # fmt: skip  (a PDF written to a terminal nobody reads would block: the timeout makes that a failure)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert b"terminal" in result.stderr and b"-o FILE" in result.stderr


def test_a_text_format_still_goes_to_a_terminal_and_a_binary_one_to_a_pipe(tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "pressconv", "convert", str(SEED), "--to", "pdf", "-o", "-"],
        capture_output=True, env={**os.environ, "PYTHONPATH": str(SRC)}, check=False,
    )  # fmt: skip
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF")


def test_convert_given_the_release_text_says_to_pass_bytes() -> None:
    text = SEED.read_text("utf-8")
    with pytest.raises(pressconv.InputError, match=r"pass it as bytes \(text.encode\(\)\)"):
        pressconv.convert(text, to="html")
    with pytest.raises(pressconv.InputError, match=r"no such file: 'nowhere/release\.txt'"):
        pressconv.convert("nowhere/release.txt", to="html")


def test_a_misspelt_option_gets_a_did_you_mean() -> None:
    with pytest.raises(pressconv.OptionError, match="did you mean 'paper'"):
        pressconv.convert(SEED, to="pdf", papr="letter")


def test_hasattr_data_on_a_multi_format_result_is_false(tmp_path: Path) -> None:
    several = pressconv.convert(SEED, to=["html", "json"])
    assert not hasattr(several, "data")
    assert hasattr(pressconv.convert(SEED, to="json"), "data")


def test_the_api_overwrites_unless_told_not_to_as_documented(tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    target.write_bytes(b"keep me")
    with pytest.raises(pressconv.OutputError, match="exists already"):
        pressconv.convert(SEED, to="html", output=target, overwrite=False)
    assert target.read_bytes() == b"keep me"
    pressconv.convert(SEED, to="html", output=target)
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_file_named_without_the_command_gets_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(SEED) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and f"pressconv convert {SEED}" in err


def test_pandoc_s_format_flag_points_to_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, "--format", "pdf") == 2
    assert "--to FORMAT" in capsys.readouterr().err


def test_formats_rows_keep_their_columns(capsys: pytest.CaptureFixture[str]) -> None:
    from pressconv.readers import available_readers

    assert run("formats") == 0
    out = capsys.readouterr().out
    infos = [*available_readers(), *pressconv.available_formats()]
    rows = {info.description: next(line for line in out.splitlines() if info.description in line) for info in infos}
    assert len({row.index(description) for description, row in rows.items()}) == 1, out
