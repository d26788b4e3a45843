"""Convert many releases: in parallel on any executor, in input order, resumable, never stopped by one bad input.

Two stages run on the executor — read (parse + clean) and write (render +
atomic file write) — and between them the driver decides, in input order,
what each release becomes: a duplicate of an earlier one, a name that no
other input has taken, or outputs that exist already. Deciding in the driver
is what makes the results independent of how many workers there are.

At most `window` releases are in flight per stage, so memory stays flat
however large the corpus. The executor is any `concurrent.futures.Executor`:
a local process pool, a Dask cluster's executor, or none (inline).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressconv.api import prepare_writers, read_input, read_release
from pressconv.batch.naming import render_name, unique_name
from pressconv.batch.sources import Source
from pressconv.batch.writing import BatchPlan, Written, write_format
from pressconv.errors import OptionError, PressconvError
from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.writers import get_writer

#: Up to this many releases (when the count is known) a batch runs in this process: a pool's start
#: (importing multiprocessing, warming this process, forking: ≈ 100 ms) costs more than the second core
#: saves on ≈ 150 ms of work. Larger batches use a pool, with every core.
INLINE_UP_TO = 32
CONVERTED, PARTIAL, FAILED, DUPLICATE, SKIPPED = "converted", "partial", "failed", "duplicate", "skipped"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: a row of the batch report."""

    index: int
    source: str
    status: str
    outputs: tuple[str, ...] = ()
    error: str | None = None
    duplicate_of: str | None = None
    record: int | None = None
    title: str | None = None
    date: str | None = None
    removed: int = 0
    url: str | None = None
    timestamp: str | None = None
    #: The release's and writers' notices as (code, message): unknown dates, repaired encodings, fallback fonts…
    notices: tuple[tuple[str, str], ...] = ()
    #: (format, error) for each format that could not be written; the others were.
    failed_formats: tuple[tuple[str, str], ...] = ()

    def as_row(self) -> dict[str, Any]:
        """The report row: every field, in declaration order."""
        return {
            "index": self.index, "input": self.source, "record": self.record, "status": self.status,
            "outputs": list(self.outputs), "error": self.error, "duplicate_of": self.duplicate_of,
            "title": self.title, "date": self.date, "removed": self.removed, "url": self.url, "timestamp": self.timestamp,
            "notices": [{"code": code, "message": message} for code, message in self.notices],
            "failed_formats": [{"format": name, "error": error} for name, error in self.failed_formats],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReadResult:
    index: int
    source: Source
    release: Release | None = None
    error: str | None = None
    key: str = ""


def run_batch(
    sources: Iterable[Source], plan: BatchPlan, executor: Executor | None = None, *, window: int = 16
) -> Iterator[Outcome]:
    """Convert every source; yields one `Outcome` per source, in input order."""
    writers = [get_writer(name) for name in plan.formats]
    prepare_writers(writers, plan.settings, strict=False)  # bad formats or options fail before any work
    pool = executor or InlineExecutor()
    reads = _ordered(pool, ((read_source, index, source, plan.read) for index, source in enumerate(sources)), window)
    yield from _ordered(pool, _decide(reads, plan), window)


def _decide(reads: Iterable[ReadResult], plan: BatchPlan) -> Iterator[tuple[Any, ...] | Outcome]:
    """The driver's part, in input order: duplicates, unique names, outputs that exist already."""
    first_seen: dict[str, str] = {}
    taken: set[str] = set()
    writers = {name: get_writer(name) for name in plan.formats}
    for read in reads:
        source, release = read.source, read.release
        origin: dict[str, Any] = {"record": source.record, "url": source.url, "timestamp": source.timestamp}
        if release is None:
            yield Outcome(read.index, source.name, FAILED, error=read.error, **origin)
            continue
        facts: dict[str, Any] = {
            **origin,
            "title": release.title,
            "date": release.date.isoformat() if release.date else None,
            "removed": len(release.removed),
            "notices": tuple((notice.code, notice.message) for notice in release.notices),
        }
        if not plan.keep_duplicates and read.key in first_seen:
            yield Outcome(read.index, source.name, DUPLICATE, duplicate_of=first_seen[read.key], **facts)
            continue
        first_seen.setdefault(read.key, source.name)
        name = unique_name(
            render_name(plan.name_template, release, stem=source.stem, record=source.record, index=read.index), taken
        )
        paths = tuple(str(Path(plan.output_dir) / f"{name}{writer.extension}") for writer in writers.values())
        if plan.skip_existing and all(Path(path).exists() for path in paths):
            yield Outcome(read.index, source.name, SKIPPED, outputs=paths, **facts)
            continue
        yield (_write_stage, _WriteJob(read.index, source.name, release, paths, plan, facts))


def read_source(index: int, source: Source, options: ReadOptions) -> ReadResult:
    """Worker: raw bytes → cleaned release and its duplicate key. Any failure becomes data."""
    if source.error is not None:
        return ReadResult(index, source, error=source.error)
    try:
        data = source.data if source.data is not None else read_input(Path(source.path or ""), max_bytes=options.max_bytes)
        reading = read_release(data, options, name=source.path or source.name, url=source.url, timestamp=source.timestamp)
        return ReadResult(index, source, reading.release, key=reading.key)
    except PressconvError as error:
        return ReadResult(index, source, error=str(error))
    except Exception as error:  # noqa: BLE001 - one bad input must never stop the batch
        return ReadResult(index, source, error=f"internal error: {type(error).__name__}: {error}")


@dataclass(frozen=True, slots=True)
class _WriteJob:
    index: int
    name: str
    release: Release
    paths: tuple[str, ...]
    plan: BatchPlan
    facts: dict[str, Any]

    def targets(self) -> list[tuple[str, str]]:
        """(format, output path) for each format of the plan, in its order."""
        return list(zip(self.plan.formats, self.paths, strict=True))


def _write_stage(job: _WriteJob) -> Outcome:
    """Worker: render every format and write each file atomically; one format failing never stops the others."""
    return written_outcome(job, [write_format(job.release, name, path, job.plan) for name, path in job.targets()])


def written_outcome(job: _WriteJob, results: list[Written]) -> Outcome:
    """The release's outcome from its formats' results (in the plan's order): converted, partial or failed."""
    facts = dict(job.facts)
    notices = [*facts.pop("notices", ()), *(notice for result in results for notice in result.notices)]
    written = tuple(result.path for result in results if result.error is None)
    failed = tuple((result.format, result.error) for result in results if result.error is not None)
    status = CONVERTED if not failed else PARTIAL if written else FAILED
    summary = "; ".join(f"{format_name}: {message}" for format_name, message in failed) or None
    return Outcome(
        job.index, job.name, status, outputs=written, error=summary, failed_formats=failed, notices=tuple(notices), **facts
    )


def _ordered(executor: Executor, items: Iterable[tuple[Any, ...] | Any], window: int) -> Iterator[Any]:
    """Run each (function, *args) item on `executor`, at most `window` at a time; yield results in order.

    Items that are not tuples are results already and pass straight through.
    """
    pending: deque[Future[Any]] = deque()
    iterator = iter(items)

    def fill() -> None:
        while len(pending) < window:
            try:
                item = next(iterator)
            except StopIteration:
                return
            if isinstance(item, tuple):
                pending.append(executor.submit(item[0], *item[1:]))
            else:
                done: Future[Any] = Future()
                done.set_result(item)
                pending.append(done)

    fill()
    while pending:
        result = pending.popleft().result()
        fill()
        yield result


class InlineExecutor(Executor):
    """Runs each call at once in this thread: a batch of one needs no process pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 - delivered through the future, as a pool would; Ctrl-C is not
            future.set_exception(error)
        return future


def make_executor(
    stack: contextlib.ExitStack,
    *,
    jobs: int,
    scheduler: str | None = None,
    formats: tuple[str, ...] = (),
    read: ReadOptions | None = None,
) -> Executor:
    """Dask's executor when a scheduler is named, inline for one job, else a local process pool whose
    workers start warm and die with this process.

    Warm: where processes fork, this process converts a small sample once before the workers start,
    so they inherit the imported libraries, compiled patterns and loaded templates instead of each
    paying for them again.
    """
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise OptionError("--scheduler needs Dask: pip install 'pressconv[dask]'") from None
        try:
            client_class: Any = Client  # distributed is not typed
            client = stack.enter_context(client_class(scheduler, timeout=30))
        except OSError as error:
            raise PressconvError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        return client.get_executor()  # type: ignore[no-any-return]
    if jobs <= 1:
        return InlineExecutor()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork (where there is one) starts workers with everything this process imported already.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux" else None
    context = multiprocessing.get_context(method)
    if method == "fork":
        warm_up(formats, read)
    return stack.enter_context(
        ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(os.getpid(), formats))
    )


#: A small release in the shapes the readers and writers handle, converted once to warm a process up.
_WARM_UP = (
    "Council opens new depot Published 07/03/2014\n"
    "The council opened its new depot on Monday, with room for forty vehicles (www.example.org/depot).\n"
    "The depot includes:\n• a workshop\n• a salt barn\nWhat happens next\n"
    "Crews move in next week, the council said.\nENDS\nNotes to editors\n1. The depot cost £2m.\n"
    "Media contact: Press Office, 01632 960123, press@example.org\n"
).encode()


def warm_up(formats: tuple[str, ...], read: ReadOptions | None = None) -> None:
    """Convert a small sample release in `formats`, discarding the output: afterwards this process has
    imported, compiled and loaded everything a conversion needs (workers forked from it inherit that)."""
    import io

    from pressconv.api import render
    from pressconv.writers import make_options

    try:
        reading = read_release(_WARM_UP, read, name="warm-up.txt")
        for name in formats:
            writer = get_writer(name)
            render(writer, reading.release, io.BytesIO(), make_options(writer, {}))
    except PressconvError:
        pass  # a warm-up that fails only means the workers start cold


def _worker_start(parent: int, formats: tuple[str, ...]) -> None:
    """In each pool worker: die with the parent (even on SIGKILL), let the parent handle Ctrl-C, warm the writers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the parent dies
    if os.getppid() != parent:
        os._exit(1)  # the parent died before we got here
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()  # where prctl is not available
    for name in formats:
        with contextlib.suppress(PressconvError):
            get_writer(name)


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def jobs_for(asked: int | None, cores: int, total: int | None) -> int:
    """Worker processes for a batch: what the caller asks for (one for a single input), else one per core,
    except that a batch of up to `INLINE_UP_TO` releases (when `total` is known) runs in this process."""
    if asked:
        return asked if total != 1 else 1
    if total is not None and total <= INLINE_UP_TO:
        return 1
    return cores


__all__ = ["INLINE_UP_TO", "BatchPlan", "InlineExecutor", "Outcome", "jobs_for", "make_executor", "run_batch", "warm_up"]
