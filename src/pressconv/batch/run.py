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
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressconv._pipeline import Reading, prepare_writers, read_input, read_release, render
from pressconv.batch.naming import TakenNames, render_name, unique_name
from pressconv.batch.sources import Source
from pressconv.errors import OptionError, OutputError, PressconvError, UsageError
from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.results import Output, Result, Status
from pressconv.writers import get_writer, make_options

#: Up to this many releases (when the count is known) a batch runs in this process: a pool's start
#: (importing multiprocessing, warming this process, forking: ≈ 100 ms) costs more than the second core
#: saves on ≈ 150 ms of work. Larger batches use a pool, with every core.
INLINE_UP_TO = 32


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Everything a worker needs to convert a release; picklable, so it can travel to other processes or machines."""

    formats: tuple[str, ...]
    output_dir: str
    settings: Mapping[str, object] = field(default_factory=dict)
    read: ReadOptions = field(default_factory=ReadOptions)
    name_template: str = "{stem}"
    skip_existing: bool = False
    overwrite: bool = False
    keep_duplicates: bool = False


def run_batch(
    sources: Iterable[Source], plan: BatchPlan, executor: Executor | None = None, *, window: int = 16
) -> Iterator[tuple[Source, Result]]:
    """Convert every source; yields each source (without its bytes) with its `Result`, in input order.

    The plan is checked when this is called, before any source is read: an unknown format, a bad
    option or an unreadable option file raises here, not once per release.
    """
    check_plan(plan)
    return _run(sources, plan, executor or InlineExecutor(), window)


def check_plan(plan: BatchPlan) -> None:
    """Raise a `UsageError` for a plan no release could be written with: an unknown format, a bad
    option, an option file that cannot be read, a reference document that is not one."""
    from pressconv.batch.naming import check_template

    check_template(plan.name_template)
    if os.path.exists(plan.output_dir) and not os.path.isdir(plan.output_dir):
        raise UsageError(f"--output {plan.output_dir} is a file, not a directory; name a directory for the outputs")
    prepare_writers([get_writer(name) for name in plan.formats], plan.settings, strict=False)


def _run(sources: Iterable[Source], plan: BatchPlan, pool: Executor, window: int) -> Iterator[tuple[Source, Result]]:
    order: deque[Source] = deque()
    reads = _ordered(pool, ((read_source, source, plan.read) for source in sources), window)
    for result in _ordered(pool, _decide(reads, plan, order), window):
        yield order.popleft(), result


def report_row(index: int, source: Source, result: Result) -> dict[str, Any]:
    """One row of the batch report (`--report`), in its documented field order."""
    release = result.release
    failed = [output for output in result.outputs if output.error is not None]
    return {
        "index": index, "input": shown_name(source.name), "record": source.record, "status": str(result.status),
        "outputs": [output.path for output in result.outputs if output.error is None], "error": result.error,
        "duplicate_of": result.duplicate_of, "title": release.title if release else None,
        "date": release.date.isoformat() if release and release.date else None,
        "removed": len(release.removed) if release else 0, "url": source.url, "timestamp": source.timestamp,
        "notices": [{"code": notice.code, "message": notice.message} for notice in result.notices],
        "failed_formats": [{"format": output.format, "error": output.error} for output in failed],
    }  # fmt: skip


def shown_name(name: str) -> str:
    """A file name as a report can carry it and a user can type it back: bytes that are not UTF-8 (kept by
    Python as lone surrogates) become \\xNN escapes, not U+FFFD, which would name no file."""
    if not any("\udc80" <= char <= "\udcff" for char in name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte: the report turns it into U+FFFD
        return name


def _decide(
    reads: Iterable[tuple[Source, Reading | str]], plan: BatchPlan, order: deque[Source]
) -> Iterator[tuple[Any, ...] | Result]:
    """The driver's part, in input order: duplicates, unique names, outputs that exist already.

    Each source is queued on `order` as its work is handed on, so `run_batch` pairs results with sources.
    """
    first_seen: dict[str, str] = {}
    taken = TakenNames()
    writers = [get_writer(name) for name in plan.formats]
    for source, reading in reads:
        order.append(replace(source, data=None) if source.data is not None else source)
        if isinstance(reading, str):
            yield Result(None, status=Status.FAILED, source=source.name, error=reading)
            continue
        release = reading.release
        facts = Result(release, notices=release.notices, removed=reading.removed, source=source.name)
        if not plan.keep_duplicates and reading.key in first_seen:
            yield replace(facts, status=Status.DUPLICATE, duplicate_of=first_seen[reading.key])
            continue
        first_seen.setdefault(reading.key, source.name)
        index = len(order) - 1
        name = unique_name(render_name(plan.name_template, release, stem=source.stem, record=source.record, index=index), taken)
        paths = tuple(str(Path(plan.output_dir) / f"{name}{writer.extension}") for writer in writers)
        if plan.skip_existing and all(Path(path).exists() for path in paths):
            outputs = tuple(Output(writer.name, path=path) for writer, path in zip(writers, paths, strict=True))
            yield replace(facts, status=Status.SKIPPED, outputs=outputs)
            continue
        if not plan.overwrite and not plan.skip_existing:
            existing = next((path for path in paths if os.path.lexists(path)), None)
            if existing is not None:
                # Stop here, not one "exists already" per release after converting each in vain.
                raise OutputError(
                    f"{existing} exists already (a previous run?); rerun with --skip-existing to convert only what "
                    "is missing, or --force to replace the outputs"
                )
        yield (_write_stage, facts, paths, plan)


def read_source(source: Source, options: ReadOptions) -> tuple[Source, Reading | str]:
    """Worker: raw bytes → cleaned release and its duplicate key, or why not. Any failure becomes data."""
    if source.error is not None:
        return source, source.error
    try:
        data = source.data if source.data is not None else read_input(Path(source.path or ""), max_bytes=options.max_bytes)
        reading = read_release(data, options, name=source.path or source.name, url=source.url, timestamp=source.timestamp)
    except PressconvError as error:
        return source, str(error)
    except Exception as error:  # noqa: BLE001 - one bad input must never stop the batch
        return source, f"internal error: {type(error).__name__}: {error}"
    # The bytes stay here: the write stage and the report need only where they came from.
    return (replace(source, data=None) if source.data is not None else source), reading


def _write_stage(facts: Result, paths: tuple[str, ...], plan: BatchPlan) -> Result:
    """Worker: render every format and write each file atomically; one format failing never stops the others."""
    assert facts.release is not None  # only read releases reach the write stage
    outputs = tuple(write_format(facts.release, name, path, plan) for name, path in zip(plan.formats, paths, strict=True))
    failed = [output for output in outputs if output.error is not None]
    status = Status.CONVERTED if not failed else Status.PARTIAL if len(failed) < len(outputs) else Status.FAILED
    summary = "; ".join(f"{output.format}: {output.error}" for output in failed) or None
    notices = (*facts.notices, *(notice for output in outputs for notice in output.notices))
    return replace(facts, outputs=outputs, notices=notices, status=status, error=summary)


def write_format(release: Release, format_name: str, path: str, plan: BatchPlan) -> Output:
    """Render one format and write its file atomically; any failure becomes data (`Output.error`)."""
    if plan.skip_existing and Path(path).exists():
        # A run killed between one release's formats: files under their final names are complete.
        return Output(format_name, path=path)
    try:
        # Built, not checked: the batch checked the options once before any release (re-checking would
        # read every option file again, for every release and format).
        writer = get_writer(format_name)
        return render(writer, release, Path(path), make_options(writer, plan.settings, strict=False), overwrite=plan.overwrite)
    except OutputError as error:
        if plan.skip_existing and not plan.overwrite and os.path.lexists(path):
            # Another run into the same folder finished this file after this one looked: it is complete (every
            # write is atomic) and it is what --skip-existing asks for, not a failure.
            return Output(format_name, path=path)
        return Output(format_name, path=path, error=str(error))
    except PressconvError as error:
        return Output(format_name, path=path, error=str(error))
    except Exception as error:  # noqa: BLE001 - one bad input must never stop the batch
        return Output(format_name, path=path, error=f"internal error: {type(error).__name__}: {error}")


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
            # How long to try: Dask's own setting, `distributed.comm.timeouts.connect` (30 s unless configured).
            client = stack.enter_context(client_class(scheduler))
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
    try:
        reading = read_release(_WARM_UP, read or ReadOptions(), name="warm-up.txt")
        for name in formats:
            writer = get_writer(name)
            render(writer, reading.release, None, make_options(writer, {}))
    except PressconvError:
        pass  # a warm-up that fails only means the workers start cold


def _worker_start(parent: int, formats: tuple[str, ...]) -> None:
    """In each pool worker: die with the parent (even on SIGKILL), leave Ctrl-C and SIGTERM to the parent, warm the writers.

    SIGTERM is ignored, not left to its default: `kill -- -PGID`, timeout(1) and systemd signal the whole
    process group, and a worker killed mid-write would leave a temporary file. The parent, on SIGTERM,
    drops the queued work and waits for the running writes, then the workers exit with the pool.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
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


__all__ = [
    "INLINE_UP_TO",
    "BatchPlan",
    "InlineExecutor",
    "check_plan",
    "jobs_for",
    "make_executor",
    "report_row",
    "run_batch",
    "warm_up",
]
