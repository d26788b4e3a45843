"""Disks and outputs that refuse (issue 24 points 12 and 13): one line each, never a traceback, never a half file.

A full disk is made with a file size limit (RLIMIT_FSIZE) on the command's process: every write past
the limit fails with EFBIG, exactly where a full disk fails with ENOSPC (Python ignores SIGXFSZ).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from pressconv.cli import main

SEED = FIXTURES / "blue-light-integration.txt"
SRC = Path(__file__).resolve().parent.parent / "src"


def run(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def on_a_small_disk(*argv: str | Path, limit: int = 1500) -> subprocess.CompletedProcess[bytes]:
    """The command with files limited to `limit` bytes: past it, every write fails as on a full disk."""

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pressconv", *map(str, argv)]
    return subprocess.run(command, capture_output=True, check=False, preexec_fn=small_disk, env=env)


def test_a_full_disk_is_one_line_per_output_and_leaves_no_part_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = on_a_small_disk("convert", SEED, FIXTURES / "no-date.txt", "--to", "epub,docx,pdf", "-o", f"{out}/")
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "File too large" in err
    assert [path.name for path in out.iterdir() if path.name.endswith(".part")] == []


def test_one_document_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    result = on_a_small_disk("convert", SEED, "--to", "docx", "-o", tmp_path / "x.docx")
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err and "Exception ignored" not in err, err
    assert len(err.strip().splitlines()) == 1 and "File too large" in err
    assert list(tmp_path.iterdir()) == []


def test_standard_output_on_a_full_disk_is_one_line() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "pressconv", "convert", str(SEED), "--to", "json", "-o", "-"],
            stdout=full, stderr=subprocess.PIPE, check=False, env={**os.environ, "PYTHONPATH": str(SRC)},
        )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "cannot write to standard output" in err and len(err.strip().splitlines()) == 1


def test_a_report_cut_short_never_replaces_the_previous_one(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text('[{"previous": "run"}]\n')
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):
        (folder / f"r{number}.txt").write_bytes(SEED.read_bytes().replace(b"Commissioner", f"C{number}".encode()))
    result = on_a_small_disk("convert", folder, "--to", "json", "-o", f"{tmp_path}/out/", "--report", report, limit=4000)
    err = result.stderr.decode()
    assert "Traceback" not in err and "cannot write the report" in err, err
    assert json.loads(report.read_text()) == [{"previous": "run"}]
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")] == []


def test_an_output_directory_that_is_a_file_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "outputs"
    target.write_text("a file")
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"r{number}.txt").write_bytes(SEED.read_bytes())
    assert run("convert", folder, "--to", "html", "-o", target) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "outputs" in err
    assert target.read_text() == "a file"
    assert run("convert", SEED, FIXTURES / "no-date.txt", "--to", "html", "-o", target) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_dev_null_is_an_output_file_not_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    before = set(os.listdir("/dev"))
    assert run("convert", SEED, "--to", "html", "-o", "/dev/null") == 0
    assert "error" not in capsys.readouterr().err
    assert {name for name in set(os.listdir("/dev")) - before if name.endswith(".part")} == set()


def test_a_legal_long_file_name_is_written(tmp_path: Path) -> None:
    """255 bytes is the limit of one name; the temporary name must fit wherever the final one does."""
    target = tmp_path / ("x" * 236 + ".html")  # 241 bytes
    assert run("convert", SEED, "--to", "html", "-o", target) == 0
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_directory_walk_reports_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    report = tmp_path / "report.json"
    assert run("convert", folder, "--to", "json", "-o", f"{tmp_path}/out/", "--report", report) == 3
    err = capsys.readouterr().err
    assert "pipe.txt: a FIFO" in err and "gone.txt: a link to nothing" in err
    rows = {Path(row["input"]).name: row for row in json.loads(report.read_text())}
    assert rows["seed.txt"]["status"] == "converted"
    assert rows["pipe.txt"]["status"] == rows["gone.txt"]["status"] == "failed"


def test_an_undecodable_file_name_is_reported_so_it_can_be_found(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_bytes(SEED.read_bytes())
    report = tmp_path / "report.json"
    assert run("convert", folder, "--to", "json", "-o", f"{tmp_path}/out/", "--report", report, "-q") == 0
    [row] = json.loads(report.read_text())
    assert row["input"].endswith("caf\\xe9.txt")
    shown = row["input"].encode("ascii").decode("unicode_escape").encode("latin-1")
    assert os.path.exists(shown)


def test_a_corpus_record_s_javascript_url_is_not_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"text": SEED.read_text("utf-8"), "url": "javascript:alert(document.cookie)"},
        {"text": SEED.read_text("utf-8").replace("Commissioner", "Chief"), "url": "https://example.org/a"},
    ]
    corpus.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    assert run("convert", corpus, "--to", "json,html", "-o", f"{tmp_path}/out/", "-q") == 0
    first, second = sorted((tmp_path / "out").glob("*.json"))
    assert json.loads(first.read_text())["source_url"] is None
    assert json.loads(second.read_text())["source_url"] == "https://example.org/a"
    assert not any("javascript:" in path.read_text() for path in (tmp_path / "out").iterdir())


def test_broken_utf16_found_by_its_bom_is_not_told_to_drop_an_option_never_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.txt"
    source.write_bytes(b"\xff\xfe" + "Title\nText\n".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    assert run("convert", source, "--to", "json", "-o", "-") == 1
    err = capsys.readouterr().err
    assert "byte-order mark" in err and "drop --encoding" not in err
