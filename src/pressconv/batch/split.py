"""Small batches on two cores: one helper process, forked at start-up, shares the work with this one.

A small conversion spends most of its time starting up, not converting:
python-docx and its template cost ≈ 25 ms before the first DOCX, the readers'
patterns ≈ 20 ms before the first release, while a release takes a few
milliseconds to read and write. A process pool pays all of that again after
this process has started (its workers are forked only once the batch begins).
So the CLI forks one `Helper` (`pressconv.batch.helper`) as soon as it knows the formats — before it
even builds its argument parser — and the helper warms up (the slow-starting
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
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from pressconv.batch.helper import Helper
from pressconv.batch.run import InlineExecutor, Outcome, _write_stage, _WriteJob, written_outcome
from pressconv.batch.writing import write_format, write_formats

#: Up to this many releases, two lanes (this process and a helper started with it) finish sooner than a
#: pool, whose start (importing multiprocessing, warming this process, forking: ≈ 100 ms) comes after
#: this process has parsed its arguments: 64 releases are ≈ 300 ms of work, ≈ 150 ms on two lanes.
PAIR_UP_TO = 64
#: Calls queued in the helper before `PairExecutor` runs one here: enough that it never waits for this
#: process, few enough that the two share the work evenly.
_AHEAD = 2


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


__all__ = ["PAIR_UP_TO", "PairExecutor", "SplitExecutor"]
