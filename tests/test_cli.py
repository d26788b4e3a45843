"""The command end to end: exit codes, stdout JSON, stdin, messages, no partial files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from pressconv.cli import main

SEED = FIXTURES / "blue-light-integration.txt"
SEED_TITLE = "Commissioner Lloyd addresses national conference on blue light integration"


def run(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def test_json_to_stdout_is_the_scripting_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, "--to", "json", "--output", "-") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["title"] == SEED_TITLE
    assert document["date"] == "2014-03-07"
    assert len(document["paragraphs"]) == 13 and all(isinstance(p, str) for p in document["paragraphs"])
    assert len(document["removed"]) == 12
    assert all(item["reason"] == "repeated-paragraph" and item["text"] for item in document["removed"])


def test_readme_main_job_writes_html_and_json(tmp_path: Path) -> None:
    assert run("convert", SEED, "--to", "html,json", "--output", f"{tmp_path}/out/") == 0
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["blue-light-integration.html", "blue-light-integration.json"]
    assert len(json.loads((tmp_path / "out/blue-light-integration.json").read_text())["paragraphs"]) == 13


def test_single_output_file_and_no_silent_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "release.html"
    assert run("convert", SEED, "--to", "html", "-o", target) == 0
    first = target.read_bytes()
    target.write_bytes(b"keep me")
    assert run("convert", SEED, "--to", "html", "-o", target) == 1
    assert "exists already; use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"keep me"
    assert run("convert", SEED, "--to", "html", "-o", target, "--force") == 0
    assert target.read_bytes() == first


def test_stdin_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert run("convert", "-", "--to", "json", "-o", "-") == 0
    assert json.loads(capsys.readouterr().out)["title"] == SEED_TITLE


def test_no_clean_keeps_repeats(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, "--to", "json", "-o", "-", "--no-clean") == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["paragraphs"]) == 25 and document["removed"] == []


def test_month_first_and_language_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "us.txt"
    source.write_text("Budget Published 03/07/2014\nText.\n")
    assert run("convert", source, "--to", "json", "-o", "-", "--month-first", "--lang", "en-US") == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["date"], document["language"]) == ("2014-03-07", "en-US")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "input is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"), (None, "no such file")],
    ids=["empty", "binary", "missing"],
)
def test_bad_input_is_one_line_on_stderr_and_no_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    source = tmp_path / "bad.txt"
    if content is not None:
        source.write_bytes(content)
    assert run("convert", source, "--to", "html", "-o", tmp_path / "out.html") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and str(source) in err and "Traceback" not in err
    assert list(tmp_path.glob("out*")) == [] and list(tmp_path.glob(".*part")) == []


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run("convert", tmp_path / "empty.txt", SEED, "--to", "json", "-o", tmp_path / "out") == 3  # some failed
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["blue-light-integration.json"]


def test_unknown_format_lists_the_available_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, "--to", "rtf", "-o", "-") == 2
    err = capsys.readouterr().err
    assert "unknown output format 'rtf'" in err and "html" in err and "json" in err


def test_stdout_takes_only_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, "--to", "html,json", "-o", "-") == 2
    assert "one input file and one format" in capsys.readouterr().err


def test_two_inputs_with_the_same_name_never_overwrite_each_other(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(SEED.read_bytes().replace(b"Commissioner Lloyd", folder.encode()))
    assert run("convert", tmp_path / "a/x.txt", tmp_path / "b/x.txt", "--to", "json", "-o", tmp_path / "out") == 0
    titles = {path.name: json.loads(path.read_text())["title"][0] for path in (tmp_path / "out").iterdir()}
    assert titles == {"x.json": "a", "x-2.json": "b"}


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert") == 2
    assert run() == 2
    assert run("convert", SEED, "--jobs", "0") == 2


def test_help_and_version_work_as_a_real_process() -> None:
    for argv in (["--help"], ["convert", "--help"], ["formats", "--help"], ["--version"]):
        result = subprocess.run([sys.executable, "-m", "pressconv", *argv], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "pressconv" in result.stdout


def test_help_teaches_by_example() -> None:
    result = subprocess.run([sys.executable, "-m", "pressconv", "convert", "--help"], capture_output=True, text=True, check=True)
    assert "examples:" in result.stdout and "--output -" in result.stdout and "--month-first" in result.stdout


def test_formats_lists_built_ins(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("formats") == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert {"html", "json"} <= set(names)


def test_notices_are_shown_and_quiet_silences_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "undated.txt"
    source.write_text("Budget agreed\nText.\n")
    assert run("convert", source, "--to", "json", "-o", tmp_path / "a.json") == 0
    assert "the date is unknown" in capsys.readouterr().err
    assert run("convert", source, "--to", "json", "-o", tmp_path / "b.json", "--quiet") == 0
    assert capsys.readouterr().err == ""


def test_docx_options_reach_the_writer(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "r.docx"
    assert run("convert", SEED, "--to", "docx", "-o", target, "--paper", "letter", "--author", "Press Office") == 0
    document = docx.Document(str(target))
    assert document.core_properties.author == "Press Office"
    assert round(document.sections[0].page_width.inches, 1) == 8.5


def test_every_built_in_format_from_one_call(tmp_path: Path) -> None:
    assert (
        run("convert", SEED, "--to", "html,json,docx,pdf,epub", "-o", tmp_path, "--publisher", "OPCC", "--author", "Press") == 0
    )
    assert sorted(path.suffix for path in tmp_path.iterdir()) == [".docx", ".epub", ".html", ".json", ".pdf"]


def test_small_batch_lists_each_release_with_removals_and_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", SEED, FIXTURES / "no-date.txt", "--to", "html", "-o", tmp_path, "--report", tmp_path / "r.json") == 0
    err = capsys.readouterr().err
    assert "blue-light-integration.html (removed 12 repeated or page lines)" in err
    assert "no-date.txt: note: " in err and "the date is unknown" in err
    rows = json.loads((tmp_path / "r.json").read_text())
    assert [notice["code"] for notice in rows[1]["notices"]] == ["date-missing"]
