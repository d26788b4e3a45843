"""One release, several formats, two cores: a forked helper writes the formats that are slowest to start.

A one-release conversion spends most of its time starting up, not converting:
python-docx and the house template cost ≈ 25 ms before the first DOCX, while
the release itself takes ≈ 2 ms to write. A pool of workers would not help (each
worker would pay the same imports), but the formats of one release are
independent: so `SplitExecutor` forks one helper process at the start of the
run, before anything is read. The helper imports the writers it was given and
writes a warm-up document while this process imports the readers, reads and
cleans the release and writes the other formats; then the helper writes its
formats of that release, and the outcome is assembled here in the plan's order,
exactly as if one process had written everything.

Which formats go to the helper is decided by `split_formats` from what each
writer costs to start (`START_COST_MS`, measured with `python -X importtime`
and timestamps around the first document). The helper runs only on Linux (it
needs `fork`, where the child starts with everything this process imported),
only with two cores or more, and only when its share is worth a process. If it
fails in any way — it crashes, it is killed, a release cannot be pickled — its
formats are written here instead: the split changes where work runs, never
what is written.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import IO, Any

from pressconv.batch.run import (
    BatchPlan,
    InlineExecutor,
    Outcome,
    _write_stage,
    _WriteJob,
    _Written,
    write_format,
    written_outcome,
)
from pressconv.model import ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Release, Text

#: What a writer costs before its first document in a fresh process (imports, templates, fonts), in ms,
#: on the development machine; a format not named costs `_UNKNOWN_COST_MS`.
START_COST_MS: dict[str, float] = {"pdf": 45.0, "docx": 30.0, "epub": 12.0, "html": 2.0, "json": 1.0}
_UNKNOWN_COST_MS = 10.0
#: What this process spends on reading (importing the readers, parsing, cleaning) while the helper starts.
_READING_COST_MS = 25.0
#: Below this, forking and pickling cost about what the helper would save.
_WORTHWHILE_MS = 15.0


def split_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats a helper should write: a greedy balance of start costs against this process's reading.

    Costliest first, each format goes to whichever side is less loaded; `()` when the
    helper's share would be too small to pay for a process.
    """
    here, there = _READING_COST_MS, 0.0
    helper: list[str] = []
    for name in sorted(formats, key=lambda name: -START_COST_MS.get(name, _UNKNOWN_COST_MS)):
        cost = START_COST_MS.get(name, _UNKNOWN_COST_MS)
        if there <= here:
            helper.append(name)
            there += cost
        else:
            here += cost
    if there < _WORTHWHILE_MS or len(helper) == len(formats):
        return ()
    return tuple(name for name in formats if name in helper)


def can_split() -> bool:
    """Linux with fork, and a second core for the helper to run on."""
    return sys.platform == "linux" and hasattr(os, "fork") and len(os.sched_getaffinity(0)) >= 2


class SplitExecutor(InlineExecutor):
    """Runs every call in this process, except a release's writes in the helper's formats, which go to the helper."""

    def __init__(self, helper: Helper) -> None:
        self.formats = helper.formats
        self._helper: Helper | None = helper

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if fn is _write_stage and self._helper is not None and not kwargs:
            future: Future[Any] = Future()
            try:
                future.set_result(self._write_split(args[0]))
            except BaseException as error:  # noqa: BLE001 - delivered through the future, as a pool would
                future.set_exception(error)
            return future
        return super().submit(fn, *args, **kwargs)

    def _write_split(self, job: _WriteJob) -> Outcome:
        targets = job.targets()
        theirs = [(name, path) for name, path in targets if name in self.formats]
        helper = self._helper
        sent = helper is not None and bool(theirs) and helper.send((job.release, theirs, job.plan))
        if helper is not None and theirs and not sent:
            self._drop_helper()
        results = {name: write_format(job.release, name, path, job.plan) for name, path in targets
                   if not (sent and name in self.formats)}  # fmt: skip
        if sent and helper is not None:
            received = helper.receive()
            if received is None or sorted(result.format for result in received) != sorted(name for name, _ in theirs):
                self._drop_helper()  # it failed or answered wrongly: write its formats here
                received = [write_format(job.release, name, path, job.plan) for name, path in theirs]
            results.update((result.format, result) for result in received)
        return written_outcome(job, [results[name] for name, _ in targets])

    def _drop_helper(self) -> None:
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop(kill=True)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop()


class Helper:
    """The forked helper process and the two pipes to it (jobs there, results back), pickled.

    Start it as early as the formats are known (`start`): the earlier it forks, the more of its
    start-up overlaps this process's own.
    """

    def __init__(self, formats: tuple[str, ...], pid: int, jobs: IO[bytes], results: IO[bytes]) -> None:
        self.formats, self.pid, self._jobs, self._results = formats, pid, jobs, results
        self._used = False
        self._stopped = False

    @classmethod
    def start(cls, formats: tuple[str, ...]) -> Helper | None:
        """Fork a helper that starts the writers of `formats`; None where that is not possible."""
        if not formats or not can_split():
            return None
        try:
            job_read, job_write = os.pipe()
            result_read, result_write = os.pipe()
            _widen(job_write)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # pragma: no cover - the child; it reports through the pipe and never returns
            status = 0
            try:
                os.close(job_write)
                os.close(result_read)
                _serve(formats, os.fdopen(job_read, "rb"), os.fdopen(result_write, "wb"))
            except BaseException:  # noqa: BLE001 - whatever happens here, the parent writes the formats itself
                status = 1
            finally:
                os._exit(status)  # never the parent's cleanup, atexit handlers or buffered output
        os.close(job_read)
        os.close(result_write)
        return cls(formats, pid, os.fdopen(job_write, "wb"), os.fdopen(result_read, "rb"))

    def send(self, job: tuple[Release, list[tuple[str, str]], BatchPlan]) -> bool:
        self._used = True
        try:
            pickle.dump(job, self._jobs, protocol=pickle.HIGHEST_PROTOCOL)
            self._jobs.flush()
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return False
        return True

    def receive(self) -> list[_Written] | None:
        try:
            results = pickle.load(self._results)
        except Exception:  # noqa: BLE001 - a dead helper, a truncated or foreign message: the parent writes instead
            return None
        return results if isinstance(results, list) else None

    def stop(self, *, kill: bool = False) -> None:
        """Close the pipes (the helper exits when it sees the end of the jobs) and reap the process.

        A helper that was never sent a job has written nothing and is killed at once (a usage
        error should not wait for its warm-up); so is one that answered wrongly (`kill`).
        """
        if self._stopped:
            return
        self._stopped = True
        kill = kill or not self._used
        for stream in (self._jobs, self._results):
            with contextlib.suppress(OSError):
                stream.close()
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError, InterruptedError):
            pass


def _widen(descriptor: int) -> None:
    """Let the job pipe hold a whole release (Linux's default is 64 KiB), so sending one never waits for the helper."""
    import fcntl

    with contextlib.suppress(OSError):  # a smaller pipe only means a large release waits for the helper's warm-up
        fcntl.fcntl(descriptor, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)


#: A small release with each kind of block the writers lay out, written once by the helper to warm up.
_WARM_UP = Release(
    "Warm-up",
    datetime.date(2014, 3, 7),
    (
        Paragraph("A paragraph at example.org.", (Link(13, 24, "https://example.org"),)),
        Heading("A heading"),
        ListBlock((Text("One"), Text("Two")), ordered=True),
        EndMark("ENDS"),
        NotesSection("Notes to editors", (Paragraph("A note."),)),
        ContactBlock((Text("Press office"), Text("press@example.org")), "Media contact"),
    ),
)


def _serve(formats: tuple[str, ...], jobs: IO[bytes], results: IO[bytes]) -> None:
    """In the helper: start the writers, then write each job's formats until the job pipe closes."""
    from pressconv.writers import get_writer, make_options

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then closes the pipe
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for name in formats:
        try:
            writer = get_writer(name)
            writer.write(_WARM_UP, io.BytesIO(), make_options(writer, {}))
        except Exception:  # noqa: BLE001 - only a warm-up: the real job reports whatever is wrong
            pass
    while True:
        try:
            release, targets, plan = pickle.load(jobs)
        except EOFError:
            return
        written = [write_format(release, name, path, plan) for name, path in targets]
        pickle.dump(written, results, protocol=pickle.HIGHEST_PROTOCOL)
        results.flush()


__all__ = ["START_COST_MS", "Helper", "SplitExecutor", "can_split", "split_formats"]
