"""A forked helper writes some formats of a small batch: the outputs, report and notices never depend on it."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES
from pressconv.batch.helper import START_COST_MS, Helper, can_split, split_formats
from pressconv.batch.run import BatchPlan, run_batch
from pressconv.batch.sources import iter_sources
from pressconv.batch.split import SplitExecutor
from pressconv.cli import main

SEED = FIXTURES / "blue-light-integration.txt"
needs_fork = pytest.mark.skipif(not can_split(), reason="the helper needs Linux, fork and two cores")


def tree(directory: Path) -> dict[str, bytes]:
    return {str(path.relative_to(directory)): path.read_bytes() for path in sorted(directory.rglob("*")) if path.is_file()}


def reaped(*helpers: Helper) -> bool:
    """Each helper process has exited and been reaped (other tests' processes may still be around)."""
    for helper in helpers:
        try:
            os.waitpid(helper.pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@given(st.lists(st.sampled_from([*START_COST_MS, "markdown", "odt"]), unique=True, max_size=6))
def test_the_helper_takes_formats_of_the_plan_in_its_order(formats: list[str]) -> None:
    chosen = split_formats(formats)
    assert set(chosen) <= set(formats)
    assert list(chosen) == [name for name in formats if name in chosen]


def test_the_helper_takes_the_slow_starters_and_nothing_for_cheap_formats() -> None:
    assert "docx" in split_formats(["docx", "epub", "html"])
    assert "pdf" in split_formats(["html", "pdf"])
    assert split_formats(["docx"]) == ("docx",)
    assert split_formats(["html", "json"]) == ()
    assert split_formats(["html"]) == ()
    # More start-up than this process's reading hides: the rest stays here.
    assert 0 < len(split_formats(["pdf", "docx", "epub", "html", "json"])) < 5


@pytest.fixture
def helpers_started(monkeypatch: pytest.MonkeyPatch) -> list[Helper]:
    """The formats of every helper the run started."""
    started: list[Helper] = []
    original = Helper.start

    def recording(formats: tuple[str, ...]) -> Helper | None:
        helper = original(formats)
        if helper is not None:
            started.append(helper)
        return helper

    monkeypatch.setattr(Helper, "start", staticmethod(recording))
    return started


@needs_fork
@pytest.mark.parametrize("formats", ["docx,epub,html", "pdf,html,json", "docx,pdf"])
def test_split_run_writes_the_same_files_and_report_as_one_process(
    tmp_path: Path, formats: str, helpers_started: list[Helper]
) -> None:
    results = {}
    for jobs in (["-j", "1"], []):
        out, report = tmp_path / f"out{len(jobs)}", tmp_path / f"report{len(jobs)}.json"
        assert main(["convert", str(SEED), str(FIXTURES / "chrome-council-page.txt"), "--to", formats, "-o", f"{out}/",
                     *jobs, "-q", "--report", str(report)]) == 0  # fmt: skip
        rows = json.loads(report.read_text("utf-8"))
        results[len(jobs)] = (tree(out), [{**row, "outputs": [Path(p).name for p in row["outputs"]]} for row in rows])
        assert bool(helpers_started) == (not jobs)  # the helper ran in the second run only
    assert results[0] == results[2]
    assert any(row["notices"] for row in results[0][1])  # the comparison covers notices, not only files
    assert reaped(*helpers_started)


@needs_fork
def test_a_helper_that_died_leaves_its_formats_to_this_process(tmp_path: Path) -> None:
    helper = Helper.start(("docx",))
    assert helper is not None
    os.kill(helper.pid, signal.SIGKILL)
    plan = BatchPlan(formats=("docx", "html"), output_dir=str(tmp_path))
    with SplitExecutor(helper) as executor:
        [outcome] = run_batch(iter_sources([str(SEED)]), plan, executor)
    assert outcome.status == "converted" and sorted(Path(path).name for path in outcome.outputs) == [
        "blue-light-integration.docx", "blue-light-integration.html"]  # fmt: skip
    assert all(Path(path).stat().st_size > 0 for path in outcome.outputs)
    assert reaped(helper)


@needs_fork
def test_a_helper_reports_a_format_s_failure_like_this_process_would(tmp_path: Path) -> None:
    (tmp_path / "blue-light-integration.docx").write_bytes(b"mine")
    plan = BatchPlan(formats=("docx", "html"), output_dir=str(tmp_path))  # no overwrite: the DOCX exists
    helper = Helper.start(("docx",))
    assert helper is not None
    with SplitExecutor(helper) as executor:
        [outcome] = run_batch(iter_sources([str(SEED)]), plan, executor)
    assert outcome.status == "partial" and [name for name, _ in outcome.failed_formats] == ["docx"]
    assert "exists already" in (outcome.error or "")
    assert (tmp_path / "blue-light-integration.docx").read_bytes() == b"mine"


@needs_fork
def test_a_usage_error_stops_the_helper_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], helpers_started: list[Helper]
) -> None:
    assert main(["convert", str(SEED), "--to", "docx,epub,html", "-o", f"{tmp_path}/", "--paper", "a0"]) == 2
    assert "a0" in capsys.readouterr().err
    assert helpers_started and reaped(*helpers_started) and not list(tmp_path.iterdir())


@needs_fork
def test_no_helper_when_the_user_sets_the_jobs_or_the_formats_start_fast(tmp_path: Path, helpers_started: list[Helper]) -> None:
    assert main(["convert", str(SEED), "--to", "docx,epub,html", "-o", f"{tmp_path}/", "-j", "1", "-q"]) == 0
    assert main(["convert", str(SEED), "--to", "docx,epub,html", "-o", f"{tmp_path}/", "-j", "2", "-q", "--force"]) == 0
    assert main(["convert", str(SEED), "--to", "html,json", "-o", f"{tmp_path}/", "-q", "--force"]) == 0
    assert main(["convert", str(SEED), "--to", "docx,html", "-o", str(tmp_path / "one.docx"), "-q"]) == 2
    assert helpers_started == []
    assert main(["convert", str(SEED), "--to", "docx,epub,html", "-o", f"{tmp_path}/", "-q", "--force"]) == 0
    assert helpers_started and "docx" in helpers_started[0].formats
    assert reaped(*helpers_started)


@needs_fork
def test_a_dozen_releases_split_write_the_same_files_and_report_as_one_process(
    tmp_path: Path, helpers_started: list[Helper]
) -> None:
    inputs = sorted(FIXTURES.glob("*.txt"))[:12]
    results = {}
    for jobs in (["-j", "1"], []):
        out, report = tmp_path / f"out{len(jobs)}", tmp_path / f"report{len(jobs)}.json"
        code = main(
            ["convert", *map(str, inputs), "--to", "docx,html,json", "-o", f"{out}/", *jobs, "-q", "--report", str(report)]
        )
        assert code in (0, 3)
        rows = json.loads(report.read_text("utf-8"))
        results[len(jobs)] = (code, tree(out), [{**row, "outputs": [Path(p).name for p in row["outputs"]]} for row in rows])
    assert helpers_started
    assert results[0] == results[2]
    assert len(results[0][2]) == len(inputs)
    assert reaped(*helpers_started)


@needs_fork
def test_a_helper_that_dies_mid_batch_leaves_the_rest_to_this_process(tmp_path: Path) -> None:
    inputs = [str(path) for path in sorted(FIXTURES.glob("*.txt"))[:6]]
    expected = tmp_path / "expected"
    plan = BatchPlan(formats=("docx", "html"), output_dir=str(expected))
    rows = [outcome.as_row() for outcome in run_batch(iter_sources(inputs), plan)]
    helper = Helper.start(("docx",))
    assert helper is not None
    out = tmp_path / "out"
    with SplitExecutor(helper) as executor:
        outcomes = run_batch(iter_sources(inputs), BatchPlan(formats=("docx", "html"), output_dir=str(out)), executor)
        split_rows = [next(outcomes).as_row()]
        os.kill(helper.pid, signal.SIGKILL)
        split_rows += [outcome.as_row() for outcome in outcomes]
    assert [{**row, "outputs": [Path(p).name for p in row["outputs"]]} for row in split_rows] == [
        {**row, "outputs": [Path(p).name for p in row["outputs"]]} for row in rows
    ]
    assert tree(out) == tree(expected)
    assert reaped(helper)


@needs_fork
def test_the_command_starts_its_helper_in_main_and_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[Helper]
) -> None:
    """`python -m pressconv` and the `pressconv` script decide on the helper in `pressconv.__main__.main`."""
    from pressconv import __main__ as command

    for jobs in (["-j", "1"], []):
        out = tmp_path / f"out{len(jobs)}"
        argv = ["pressconv", "convert", str(SEED), "--to", "docx,epub,html", "-o", f"{out}/", "-q", *jobs]
        monkeypatch.setattr("sys.argv", argv)
        assert command.main() == 0
        assert [helper.formats for helper in helpers_started] == ([] if jobs else [("docx", "epub")])
    assert tree(tmp_path / "out0") == tree(tmp_path / "out2") and len(tree(tmp_path / "out0")) == 3
    assert reaped(*helpers_started)


@needs_fork
def test_files_a_dead_helper_finished_but_never_reported_are_written_again_not_refused(tmp_path: Path) -> None:
    """Without --force an existing output is an error; a file the helper wrote in this run before it died is not one."""
    import time

    import pressconv
    from pressconv.batch.run import _write_stage, _WriteJob

    release = pressconv.clean(pressconv.parse(SEED.read_bytes())).release
    plan = BatchPlan(formats=("docx", "html"), output_dir=str(tmp_path))
    jobs = [_WriteJob(number, f"r{number}", release, (str(tmp_path / f"r{number}.docx"), str(tmp_path / f"r{number}.html")),
                      plan, {}) for number in range(3)]  # fmt: skip
    helper = Helper.start(("docx",))
    assert helper is not None
    with SplitExecutor(helper) as executor:
        futures = [executor.submit(_write_stage, job) for job in jobs]
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"r{number}.docx").exists() for number in range(3)) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # its answers follow its files into the pipe; take them away, as if it had died first
        os.read(helper._results.fileno(), 1 << 20)
        os.kill(helper.pid, signal.SIGKILL)
        outcomes = [future.result() for future in futures]
    assert [outcome.status for outcome in outcomes] == ["converted"] * 3, [outcome.error for outcome in outcomes]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"r{n}.{ext}" for n in range(3) for ext in ("docx", "html"))
    assert reaped(helper)


def test_format_names_are_read_as_the_registry_knows_them_once_each(tmp_path: Path) -> None:
    """`--to DOCX,docx` once crashed with a traceback (two names, one writer, one output path)."""
    assert main(["convert", str(SEED), "--to", "DOCX, docx,Html", "-o", f"{tmp_path}/", "-q"]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blue-light-integration.docx", "blue-light-integration.html"]
