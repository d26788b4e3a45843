"""Small batches on two cores: one helper process, forked at start-up, writes the formats slowest to start.

A small conversion spends most of its time starting up, not converting:
python-docx and its template cost ≈ 40 ms before the first DOCX, ebooklib ≈ 25 ms
before the first EPUB, the readers ≈ 25 ms before the first release, while a
release takes a few milliseconds to read and write. A process pool pays all of
that again after this process has started (its workers are forked only once the
batch begins, from a process that has just warmed up). So the command line forks
one `Helper` (`pressconv.batch.helper`) as soon as it knows the formats — before
it even imports the CLI — and the helper starts the writers slowest to start
(`split_formats`) while this process parses arguments and reads.

Then `SplitExecutor` runs the batch: this process reads each release and writes
the quick formats; the helper writes the slow ones, a release behind, while this
process reads ahead (up to the driver's window). Each outcome is assembled in the
plan's order, so the files, notices and report are what one process would have
produced (the tests compare them byte for byte). The helper runs only on Linux
(it needs `fork`, so that it starts with what this process imported) with two
cores or more. If it fails in any way — it crashes, is killed, or a release
cannot be pickled — its formats are written here instead: the helper changes
where work runs, never what is written.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from pressconv.api import remove_partial_outputs
from pressconv.batch.helper import Helper
from pressconv.batch.run import InlineExecutor, _write_stage, _WriteJob, written_outcome
from pressconv.batch.writing import Written, write_format, write_formats


class SplitExecutor(InlineExecutor):
    """Runs every call here, except the helper's formats of each release's write stage, which the helper makes.

    A write stage returns at once with this process's formats written; its future completes when the
    helper's answer for that release arrives (answers come in the order sent).
    """

    def __init__(self, helper: Helper) -> None:
        self.formats = helper.formats
        self._helper: Helper | None = helper
        #: Write stages sent to the helper and not yet answered, oldest first.
        self._queued: deque[_SplitFuture] = deque()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if fn is not _write_stage or kwargs:
            return super().submit(fn, *args, **kwargs)
        job: _WriteJob = args[0]
        targets = job.targets()
        theirs = [(name, path) for name, path in targets if name in self.formats] if self._helper is not None else []
        # Which of the helper's outputs are already there: should it fail, any other file under those names
        # is its own work of this run (complete, as every write is atomic, but unreported), written again here.
        existed = {path for _, path in theirs if os.path.lexists(path)}
        sent = bool(theirs) and self._helper is not None and self._helper.send(write_formats, (job.release, theirs, job.plan))
        if theirs and not sent:
            self._fail_over()
        future = _SplitFuture(self, job, theirs if sent else [], existed)
        # write_format turns every error into data; only Ctrl-C or SIGTERM gets past it, and stops the batch.
        future.mine = [write_format(job.release, name, path, job.plan) for name, path in targets
                       if not (sent and name in self.formats)]  # fmt: skip
        if sent:
            self._queued.append(future)
        else:
            future.finish([])
        return future

    def _collect(self, until: _SplitFuture) -> None:
        """Take the helper's answers, in order, until `until` has its own."""
        while not until.done() and self._queued:
            answer = self._helper.receive() if self._helper is not None else None
            future = self._queued[0]
            received = answer[1] if answer is not None and answer[0] else None
            if not isinstance(received, list) or sorted(result.format for result in received) != sorted(
                name for name, _ in future.theirs
            ):
                self._fail_over()
                return
            self._queued.popleft().finish(received)

    def _fail_over(self) -> None:
        """The helper is gone or confused: stop it, then write here the formats of every release it had not
        answered for. What it left is removed first: temporary files, and finished files it never reported."""
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop(kill=True)
        while self._queued:
            future = self._queued.popleft()
            for _, path in future.theirs:
                remove_partial_outputs(Path(path))
                if path not in future.existed:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
            future.finish(write_formats(future.job.release, future.theirs, future.job.plan))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._queued and not cancel_futures:
            with contextlib.suppress(Exception):
                self._collect(self._queued[-1])
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop()
        for future in self._queued:
            future.cancel()
        self._queued.clear()


class _SplitFuture(Future[Any]):
    """One release's write stage: this process's formats written (`mine`), the helper's (`theirs`) to come."""

    def __init__(self, owner: SplitExecutor, job: _WriteJob, theirs: list[tuple[str, str]], existed: set[str]) -> None:
        super().__init__()
        self.owner, self.job, self.theirs, self.existed = owner, job, theirs, existed
        self.mine: list[Written] = []

    def finish(self, received: list[Written]) -> None:
        results = {result.format: result for result in (*self.mine, *received)}
        self.set_result(written_outcome(self.job, [results[name] for name, _ in self.job.targets()]))

    def result(self, timeout: float | None = None) -> Any:
        if not self.done():
            self.owner._collect(self)
        return super().result(timeout)


__all__ = ["SplitExecutor"]
