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

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressconv.api import atomic_output, read_input, render
from pressconv.cleaning import clean_keyed, typographic_key
from pressconv.decoding import DEFAULT_MAX_BYTES
from pressconv.errors import PressconvError
from pressconv.model import DEFAULT_LANGUAGE, Release
from pressconv.naming import render_name, unique_name
from pressconv.parsing import parse
from pressconv.sources import Source
from pressconv.writers import get_writer, make_options

CONVERTED, FAILED, DUPLICATE, SKIPPED = "converted", "failed", "duplicate", "skipped"


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Everything a worker needs to convert a release; picklable, so it can travel to other processes or machines."""

    formats: tuple[str, ...]
    output_dir: str
    settings: Mapping[str, object] = field(default_factory=dict)
    remove_duplicates: bool = True
    month_first: bool = False
    language: str = DEFAULT_LANGUAGE
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    name_template: str = "{stem}"
    skip_existing: bool = False
    overwrite: bool = False
    keep_duplicates: bool = False


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
    #: The release's notices as (code, message): unknown dates, repaired encodings…
    notices: tuple[tuple[str, str], ...] = ()

    def as_row(self) -> dict[str, Any]:
        """The report row: every field, in declaration order."""
        return {
            "index": self.index, "input": self.source, "record": self.record, "status": self.status,
            "outputs": list(self.outputs), "error": self.error, "duplicate_of": self.duplicate_of,
            "title": self.title, "date": self.date, "removed": self.removed, "url": self.url, "timestamp": self.timestamp,
            "notices": [{"code": code, "message": message} for code, message in self.notices],
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
    for name in plan.formats:
        make_options(get_writer(name), plan.settings, strict=False)  # bad formats or options fail before any work
    pool = executor or InlineExecutor()
    reads = _ordered(pool, ((read_source, index, source, plan) for index, source in enumerate(sources)), window)
    yield from _ordered(pool, _decide(reads, plan), window)


def duplicate_key(release: Release, text_keys: tuple[str, ...] | None = None) -> str:
    """Two releases with this key are the same release, as far as a reader can tell.

    `text_keys` are the typographic keys of the title and paragraphs, when the cleaner has them already.
    """
    if text_keys is None:
        text_keys = (typographic_key(release.title), *(typographic_key(p) for p in release.paragraphs))
    parts = (str(release.date), *text_keys)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


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
            "date": _iso(release),
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


def read_source(index: int, source: Source, plan: BatchPlan) -> ReadResult:
    """Worker: raw bytes → cleaned release and its duplicate key. Any failure becomes data."""
    if source.error is not None:
        return ReadResult(index, source, error=source.error)
    try:
        data = source.data if source.data is not None else read_input(Path(source.path or ""), max_bytes=plan.max_bytes)
        release = parse(
            data, month_first=plan.month_first, language=plan.language, encoding=plan.encoding,
            max_bytes=plan.max_bytes, source_name=source.name, source_url=source.url,
        )  # fmt: skip
        if plan.remove_duplicates:
            cleaned, text_keys = clean_keyed(release)
            return ReadResult(index, source, cleaned.release, key=duplicate_key(cleaned.release, text_keys))
        return ReadResult(index, source, release, key=duplicate_key(release))
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


def _write_stage(job: _WriteJob) -> Outcome:
    """Worker: render every format and write each file atomically."""
    index, name, release, paths, plan, facts = job.index, job.name, job.release, job.paths, job.plan, job.facts
    written: list[str] = []
    try:
        for format_name, path in zip(plan.formats, paths, strict=True):
            if plan.skip_existing and Path(path).exists():
                # A run killed between one release's formats: files under their final names are complete.
                written.append(path)
                continue
            writer = get_writer(format_name)
            options = make_options(writer, plan.settings, strict=False)
            with atomic_output(Path(path), overwrite=plan.overwrite) as stream:
                render(writer, release, stream, options)
            written.append(path)
    except PressconvError as error:
        return Outcome(index, name, FAILED, outputs=tuple(written), error=str(error), **facts)
    except Exception as error:  # noqa: BLE001 - one bad input must never stop the batch
        return Outcome(
            index, name, FAILED, outputs=tuple(written), error=f"internal error: {type(error).__name__}: {error}", **facts
        )
    return Outcome(index, name, CONVERTED, outputs=tuple(written), **facts)


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


def _iso(release: Release) -> str | None:
    return release.date.isoformat() if release.date else None


class InlineExecutor(Executor):
    """Runs each call at once in this thread: a batch of one needs no process pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - delivered through the future, as a pool would
            future.set_exception(error)
        return future


__all__ = ["BatchPlan", "InlineExecutor", "Outcome", "duplicate_key", "run_batch"]
