"""Small batches on two cores: one helper process, forked at start-up, shares the work with this one.

A small conversion spends most of its time starting up, not converting:
python-docx and its template cost ≈ 25 ms before the first DOCX, the readers'
patterns ≈ 20 ms before the first release, while a release takes a few
milliseconds to read and write. A process pool pays all of that again after
this process has started (its workers are forked only once the batch begins).
So the CLI forks one `Helper` as soon as it knows the formats — before it even
builds its argument parser — and the helper warms up (the slow-starting
writers) while this process parses arguments and reads. Then, by the size of the batch:

- `SplitExecutor` (one to a few releases): this process reads; the helper
  writes the formats slowest to start (`split_formats`, from `START_COST_MS`),
  this process the others; each outcome is assembled in the plan's order.
- `PairExecutor` (a few dozen releases on two cores): both processes take whole
  stages, this one running a call itself whenever the helper has enough queued;
  results come back in submission order.

Either way the outcome, files, notices and report are what one process would
have produced (the tests compare them byte for byte). The helper runs only on
Linux (it needs `fork`, so that it starts with what this process imported) with
two cores or more. If it fails in any way — it crashes, is killed, or a call
cannot be pickled — the calls it had are run here instead: the helper changes
where work runs, never what is written.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import pickle
import select
import signal
import sys
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
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
#: What this process does between forking the helper and having a release to write (building the
#: parser with every writer's flags, importing the batch driver and the readers, reading, cleaning).
_READING_COST_MS = 60.0
#: Below this, forking and pickling cost about what the helper would save.
_WORTHWHILE_MS = 15.0
#: Up to this many releases, two lanes (this process and a helper started with it) finish sooner than a
#: pool, whose start (importing multiprocessing, warming this process, forking: ≈ 100 ms) comes after
#: this process has parsed its arguments: 64 releases are ≈ 300 ms of work, ≈ 150 ms on two lanes.
PAIR_UP_TO = 64
#: Calls queued in the helper before `PairExecutor` runs one here: enough that it never waits for this
#: process, few enough that the two share the work evenly.
_AHEAD = 2


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
    if there < _WORTHWHILE_MS:
        return ()
    return tuple(name for name in formats if name in helper)


def can_split() -> bool:
    """Linux with fork, and a second core for the helper to run on."""
    return sys.platform == "linux" and hasattr(os, "fork") and len(os.sched_getaffinity(0)) >= 2


class Helper:
    """The forked helper process and the two pipes to it: calls there, results back, pickled, in order.

    Start it as early as the formats are known (`start`): the earlier it forks, the more of its
    start-up overlaps this process's own.
    """

    def __init__(self, formats: tuple[str, ...], pid: int, calls: IO[bytes], results: IO[bytes]) -> None:
        self.formats, self.pid, self._calls, self._results = formats, pid, calls, results
        self._used = False
        self._stopped = False

    @classmethod
    def start(cls, formats: tuple[str, ...]) -> Helper | None:
        """Fork a helper that starts the writers of `formats`; None where that is not possible."""
        if not formats or not can_split():
            return None
        try:
            call_read, call_write = os.pipe()
            result_read, result_write = os.pipe()
            _widen(call_write)
            _widen(result_write)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # pragma: no cover - the child; it reports through the pipe and never returns
            status = 0
            try:
                os.close(call_write)
                os.close(result_read)
                _serve(formats, os.fdopen(call_read, "rb"), os.fdopen(result_write, "wb"))
            except BaseException:  # noqa: BLE001 - whatever happens here, the parent runs the calls itself
                status = 1
            finally:
                os._exit(status)  # never the parent's cleanup, atexit handlers or buffered output
        os.close(call_read)
        os.close(result_write)
        return cls(formats, pid, os.fdopen(call_write, "wb"), os.fdopen(result_read, "rb"))

    def send(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
        """Queue `fn(*args)` in the helper; False if it cannot take it (then run it here)."""
        self._used = True
        try:
            pickle.dump((fn, args), self._calls, protocol=pickle.HIGHEST_PROTOCOL)
            self._calls.flush()
        except Exception:  # noqa: BLE001 - a closed pipe, or a call that cannot be pickled
            return False
        return True

    def receive(self) -> tuple[bool, Any] | None:
        """The next result, in the order sent: (True, value) or (False, exception); None if the helper failed."""
        try:
            message = pickle.load(self._results)
        except Exception:  # noqa: BLE001 - a dead helper, a truncated or foreign message
            return None
        if not (isinstance(message, tuple) and len(message) == 2 and isinstance(message[0], bool)):
            return None
        return message

    def ready(self) -> bool:
        """A result can be read without waiting."""
        with contextlib.suppress(OSError, ValueError):
            return bool(select.select([self._results], [], [], 0)[0])
        return False

    def stop(self, *, kill: bool = False) -> None:
        """Close the pipes (the helper exits when it sees the end of the calls) and reap the process.

        A helper that was never sent a call has written nothing and is killed at once (a usage
        error should not wait for its warm-up); so is one that answered wrongly (`kill`).
        """
        if self._stopped:
            return
        self._stopped = True
        kill = kill or not self._used
        for stream in (self._calls, self._results):
            with contextlib.suppress(OSError):
                stream.close()
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError, InterruptedError):
            pass


class SplitExecutor(InlineExecutor):
    """Runs every call here, except a release's writes in the helper's formats, which the helper makes."""

    def __init__(self, helper: Helper) -> None:
        self.formats = helper.formats
        self._helper: Helper | None = helper

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if fn is not _write_stage or self._helper is None or kwargs:
            return super().submit(fn, *args, **kwargs)
        future: Future[Any] = Future()
        try:
            future.set_result(self._write_split(args[0]))
        except BaseException as error:  # noqa: BLE001 - delivered through the future, as a pool would
            future.set_exception(error)
        return future

    def _write_split(self, job: _WriteJob) -> Outcome:
        targets = job.targets()
        theirs = [(name, path) for name, path in targets if name in self.formats]
        helper = self._helper
        sent = helper is not None and bool(theirs) and helper.send(write_formats, (job.release, theirs, job.plan))
        if helper is not None and theirs and not sent:
            self._drop_helper()
        results = {name: write_format(job.release, name, path, job.plan) for name, path in targets
                   if not (sent and name in self.formats)}  # fmt: skip
        if sent and helper is not None:
            answer = helper.receive()
            received = answer[1] if answer is not None and answer[0] else None
            if not isinstance(received, list) or sorted(result.format for result in received) != sorted(n for n, _ in theirs):
                self._drop_helper()  # it failed or answered wrongly: write its formats here
                received = write_formats(job.release, theirs, job.plan)
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


class PairExecutor(Executor):
    """Two lanes, this process and the helper: a call goes to the helper while it has fewer than
    `_AHEAD` queued, else runs here. Results come back in submission order."""

    def __init__(self, helper: Helper) -> None:
        self._helper: Helper | None = helper
        #: Calls sent to the helper and not yet answered, oldest first.
        self._queued: deque[tuple[_LaneFuture, Callable[..., Any], tuple[Any, ...]]] = deque()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self._collect(wait_for=None)
        if self._helper is not None and not kwargs and len(self._queued) < _AHEAD:
            if self._helper.send(fn, args):
                future = _LaneFuture(self)
                self._queued.append((future, fn, args))
                return future
            self._fail_over()
        return InlineExecutor().submit(fn, *args, **kwargs)

    def _collect(self, wait_for: Future[Any] | None) -> None:
        """Take the helper's answers: those ready now, and then (blocking) until `wait_for` is done."""
        while self._queued:
            helper = self._helper
            if helper is None:
                return
            waiting = wait_for is not None and not wait_for.done()
            if not waiting and not helper.ready():
                return
            answer = helper.receive()
            if answer is None:
                self._fail_over()
                return
            future, _, _ = self._queued.popleft()
            ok, value = answer
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _fail_over(self) -> None:
        """The helper is gone or confused: run here whatever it had not answered, in order."""
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop(kill=True)
        while self._queued:
            future, fn, args = self._queued.popleft()
            try:
                future.set_result(fn(*args))
            except BaseException as error:  # noqa: BLE001 - delivered through the future
                future.set_exception(error)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if not cancel_futures:
            with contextlib.suppress(Exception):
                self._collect(wait_for=self._queued[-1][0] if self._queued else None)
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop()
        for future, _, _ in self._queued:
            future.cancel()
        self._queued.clear()


class _LaneFuture(Future[Any]):
    """A result the helper will send: asking for it reads the helper's answers up to this one."""

    def __init__(self, owner: PairExecutor) -> None:
        super().__init__()
        self._owner = owner

    def result(self, timeout: float | None = None) -> Any:
        if not self.done():
            self._owner._collect(wait_for=self)
        return super().result(timeout)


def write_formats(release: Release, targets: list[tuple[str, str]], plan: BatchPlan) -> list[_Written]:
    """Write `release` in each (format, path) of `targets`: the helper's share of a release's write stage."""
    return [write_format(release, name, path, plan) for name, path in targets]


def _widen(descriptor: int) -> None:
    """Let a pipe hold a few whole releases (Linux's default is 64 KiB), so neither side waits to send one."""
    import fcntl

    with contextlib.suppress(OSError):  # a smaller pipe only means a large release waits for the other side
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


def _serve(formats: tuple[str, ...], calls: IO[bytes], results: IO[bytes]) -> None:
    """In the helper: start the writers of `formats`, then answer each call, in order, until the call pipe closes.

    The readers are not warmed here: a split run never reads in the helper, and in a paired run
    the first read pays for them at the same moment a warm-up would have.
    """
    from pressconv.writers import get_writer, make_options

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then closes the pipe
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for name in formats:
        with contextlib.suppress(Exception):  # only a warm-up: the real call reports whatever is wrong
            writer = get_writer(name)
            writer.write(_WARM_UP, io.BytesIO(), make_options(writer, {}))
    while True:
        try:
            fn, args = pickle.load(calls)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, fn(*args))
        except Exception as error:  # noqa: BLE001 - sent back, raised in the parent as a pool would
            answer = (False, error)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: BLE001 - an answer that cannot travel: say so, in a form that can
            data = pickle.dumps((False, RuntimeError(f"the helper could not send its result: {error}")))
        results.write(data)
        results.flush()


__all__ = [
    "PAIR_UP_TO",
    "START_COST_MS",
    "Helper",
    "PairExecutor",
    "SplitExecutor",
    "can_split",
    "split_formats",
    "write_formats",
]
