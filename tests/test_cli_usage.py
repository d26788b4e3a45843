"""Every usage error exits 2 with one line naming what was wrong, wherever it is found, and before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from pressconv.cli import main

SEED = FIXTURES / "blue-light-integration.txt"


def run(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--to", "rtf"], "unknown output format 'rtf'"),
        (["--to", "dcox"], "did you mean 'docx'"),
        (["--from", "markdwn"], "unknown input format 'markdwn'"),
        (["--lang", "not a tag"], "is not a language tag"),
        (["--encoding", "klingon"], "unknown encoding"),
        (["--encoding", "rot13"], "not a text encoding"),
        (["--css", "/nonexistent/style.css"], "cannot read the css"),
        (["--to", "html", "--font", str(FIXTURES / "no-date.txt")], "--font applies to pdf"),
        (["--to", "html,json", "-o", "-"], "one input file and one format"),
        (["--name", "{index:x}", "-o", "out/"], "is not a valid template"),
        (["--name", "{stem.upper}", "-o", "out/"], "must use fields from"),
        (["--to", "docx", "--reference-doc", str(FIXTURES / "no-date.txt")], "not a readable .docx"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_usage_error_exits_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("convert", SEED, *argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir()), "nothing may be written on a usage error"


def test_output_file_with_several_formats_is_refused_not_made_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "two.html"
    assert run("convert", SEED, "--to", "html,pdf", "-o", target) == 2
    assert "names one file" in capsys.readouterr().err
    assert not target.exists()


def test_output_file_with_several_inputs_is_refused(tmp_path: Path) -> None:
    assert run("convert", SEED, FIXTURES / "no-date.txt", "--to", "html", "-o", tmp_path / "one.html") == 2
    assert not (tmp_path / "one.html").exists()


def test_a_missing_css_on_a_directory_is_one_error_not_one_per_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("convert", FIXTURES, "--to", "html", "-o", f"{tmp_path}/out/", "--css", tmp_path / "nope.css") == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_report_path_that_an_output_could_take_is_refused(tmp_path: Path) -> None:
    assert (
        run("convert", SEED, "--to", "json", "-o", f"{tmp_path}/", "--report", tmp_path / "blue-light-integration.json", "-f")
        == 2
    )


def test_stdin_without_output_says_where_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert run("convert", "-", "--to", "html") == 0
    err = capsys.readouterr().err
    assert "stdin.html" in err and (tmp_path / "stdin.html").exists()


def test_bundle_help_has_its_own_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("bundle", "--help") == 0
    out = capsys.readouterr().out
    assert "pressconv bundle" in out and "pressconv convert" not in out
