"""Where releases come from in a batch: files, directories, standard input and JSON Lines corpora.

Everything here is lazy: a corpus of millions of records is read one record
at a time, so memory does not grow with its size. A source that cannot be
read is still yielded — with its error — so the batch can report it and go on.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Source:
    """One release to convert, as it was found.

    `name` is what reports show ("archive/2014/x.txt", "corpus.jsonl:17");
    `stem` names outputs by default. Exactly one of `path` (read by whoever
    converts it, which may be another process or machine), `data` or `error`
    is set.
    """

    name: str
    stem: str
    path: str | None = None
    data: bytes | None = None
    error: str | None = None
    record: int | None = None
    url: str | None = None
    timestamp: str | None = None


def iter_sources(inputs: Iterable[str], *, glob: str = "*.txt", text_field: str = "text") -> Iterator[Source]:
    """Expand command-line inputs into sources, in a stable order (directories sorted)."""
    for item in inputs:
        if item == "-":
            yield Source("<stdin>", "stdin", data=sys.stdin.buffer.read())
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in sorted(path.rglob(glob)):
                if file.is_file():
                    found = True
                    yield from _file_sources(file, text_field)
            if not found:
                yield Source(item, path.name or "input", error=f"no files matching {glob!r} in this directory")
        else:
            yield from _file_sources(path, text_field)


def is_corpus(path: Path) -> bool:
    return path.name.lower().endswith(CORPUS_SUFFIXES)


def _file_sources(path: Path, text_field: str) -> Iterator[Source]:
    if is_corpus(path):
        yield from iter_corpus(path, text_field=text_field)
    else:
        yield Source(str(path), path.stem or "release", path=str(path))


def iter_corpus(path: Path, *, text_field: str = "text") -> Iterator[Source]:
    """One source per JSON Lines record; `url` and `timestamp` fields travel with it when present."""
    stem = path.name
    for suffix in CORPUS_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield _record(path, stem, number, line, text_field)
    except (OSError, EOFError) as error:
        yield Source(str(path), stem, error=f"cannot read the corpus: {getattr(error, 'strerror', None) or error}")


def _record(path: Path, stem: str, number: int, line: bytes, text_field: str) -> Source:
    name, record_stem = f"{path}:{number}", f"{stem}-{number:06d}"
    try:
        record = json.loads(line)
    except ValueError as error:
        return Source(name, record_stem, record=number, error=f"record is not valid JSON ({error})")
    if not isinstance(record, dict):
        return Source(name, record_stem, record=number, error="record is not a JSON object")
    text = record.get(text_field)
    if not isinstance(text, str):
        return Source(name, record_stem, record=number, error=f"record has no {text_field!r} text field (use --text-field)")
    url, timestamp = record.get("url"), record.get("timestamp")
    return Source(
        name,
        record_stem,
        data=text.encode("utf-8", errors="surrogatepass"),
        record=number,
        url=url if isinstance(url, str) else None,
        timestamp=str(timestamp) if isinstance(timestamp, (str, int, float)) else None,
    )


def count_files(inputs: Iterable[str], *, glob: str = "*.txt") -> int | None:
    """How many sources there will be, when that is cheap to know (no corpora, no stdin); else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or is_corpus(path):
            return None
        if path.is_dir():
            for file in path.rglob(glob):
                if is_corpus(file):
                    return None
                total += file.is_file()
        else:
            total += 1
    return total


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def as_sources(items: Iterable[Source | bytes | str | os.PathLike[str]]) -> Iterator[Source]:
    """Sources from what an API caller has: `Source`s, bytes, or paths (files, directories, corpora)."""
    for number, item in enumerate(items, start=1):
        if isinstance(item, Source):
            yield item
        elif isinstance(item, bytes):
            yield Source(f"<input {number}>", f"input-{number}", data=item)
        else:
            yield from iter_sources([os.fspath(item)])
