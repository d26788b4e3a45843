"""Where releases come from in a batch: files, directories, standard input and JSON Lines corpora.

Everything here is lazy: a corpus of millions of records is read one record
at a time, so memory does not grow with its size. A source that cannot be
read is still yielded — with its error — so the batch can report it and go on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressconv.options import DEFAULT_MAX_BYTES

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
#: Files taken from a directory when no --glob is given: raw releases and saved pages, and the
#: extensions of any plugin reader (`default_globs`).
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNSAFE_FIELD = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


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


def iter_sources(
    inputs: Iterable[str],
    *,
    glob: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Source]:
    """Expand command-line inputs into sources, in a stable order (directories sorted).

    A directory walk never leaves the directory: a link inside it that points
    outside is reported, not followed (a link named on the command line is the
    user's choice and is read).
    """
    for item in inputs:
        if item == "-":
            yield Source("<stdin>", "stdin", data=sys.stdin.buffer.read(max_bytes + 1))
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            root = path.resolve()
            for file in _walk(path, glob):
                found = True
                odd = _not_a_file(file)
                if odd is not None:
                    yield Source(str(file), file.stem or "release", error=odd)
                    continue
                if not file.resolve().is_relative_to(root):
                    yield Source(str(file), file.stem or "release", error="a link to a file outside the directory; not followed")
                    continue
                yield from _file_sources(file, text_field, max_bytes)
            if not found:
                patterns = glob or ", ".join(default_globs())
                yield Source(item, path.name or "input", error=f"no files matching {patterns} in this directory")
        else:
            yield from _file_sources(path, text_field, max_bytes)


def default_globs() -> tuple[str, ...]:
    """What a directory walk takes without --glob: `DEFAULT_GLOBS`, and every plugin reader's extensions."""
    from pressconv.readers import plugin_extensions

    return tuple(dict.fromkeys((*DEFAULT_GLOBS, *(f"*{extension}" for extension in plugin_extensions()))))


def _walk(directory: Path, glob: str | None) -> list[Path]:
    """Every entry the patterns match, files or not: what is not a file is reported by the caller, never
    skipped without a word (a FIFO, a device, a link to nothing). Directories are walked, not listed."""
    patterns = (glob,) if glob else default_globs()
    entries = {entry for pattern in patterns for entry in directory.rglob(pattern) if not entry.is_dir()}
    return sorted(entries)


def _not_a_file(entry: Path) -> str | None:
    """Why a matching entry of a directory cannot be read as a release, or None for a regular file."""
    import stat

    try:
        mode = entry.stat().st_mode
    except FileNotFoundError:
        return "a link to nothing (dangling); skipped"
    except OSError as error:
        return f"cannot look at it: {error.strerror or error}; skipped"
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"
    return f"{kind}, not a release file; skipped"


def is_corpus(path: Path) -> bool:
    return path.name.lower().endswith(CORPUS_SUFFIXES)


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def is_collection_file(path: Path) -> bool:
    """A file that holds many releases (a JSON Lines corpus or a web archive)."""
    return is_corpus(path) or is_archive(path)


def _file_sources(path: Path, text_field: str, max_bytes: int) -> Iterator[Source]:
    if is_corpus(path):
        yield from iter_corpus(path, text_field=text_field, max_bytes=max_bytes)
    elif is_archive(path):
        from pressconv.batch.warc import iter_warc

        yield from iter_warc(path, max_bytes=max_bytes)
    else:
        yield Source(str(path), path.stem or "release", path=str(path))


def iter_corpus(path: Path, *, text_field: str = "text", max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """One source per JSON Lines record; `url` and `timestamp` fields travel with it when present.

    A record longer than `max_bytes` (and some room for its JSON) is refused while
    it is read, so a huge record never sits in memory.
    """
    stem = path.name
    for suffix in CORPUS_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    limit = max_bytes * 2 + 4096  # JSON escaping can double the text
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as lines:
            number = 0
            while True:
                line = lines.readline(limit + 1)
                if not line:
                    break
                number += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    _skip_rest_of_line(lines)
                    yield Source(f"{path}:{number}", f"{stem}-{number:06d}", record=number,
                                 error=f"record is over the limit of {max_bytes:,} bytes; raise it with --max-size")  # fmt: skip
                    continue
                if line.strip():
                    yield _record(path, stem, number, line, text_field)
    except (OSError, EOFError) as error:
        yield Source(str(path), stem, error=f"cannot read the corpus: {getattr(error, 'strerror', None) or error}")


def _skip_rest_of_line(lines: Any) -> None:
    while True:
        chunk = lines.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


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
        # An escaped lone surrogate is no character at all: U+FFFD marks the spot, the rest stays UTF-8.
        data=_SURROGATES.sub("\ufffd", text).encode("utf-8"),
        record=number,
        url=_web_address(url) if isinstance(url, str) else None,
        timestamp=_field(str(timestamp)) if isinstance(timestamp, (str, int, float)) else None,
    )


def _web_address(value: str) -> str | None:
    """A record's `url`, if it is a web address (http or https): it becomes the canonical link and the
    identifier of every output, where a `javascript:` or `data:` URL would be a live link in the document."""
    cleaned = _field(value)
    if cleaned is None or not cleaned.lower().startswith(("http://", "https://")):
        return None
    return cleaned


def _field(value: str) -> str | None:
    """A record's metadata field made safe for every output: no control characters, no lone surrogates."""
    cleaned = _UNSAFE_FIELD.sub("", value).strip()[:2048]
    return cleaned or None


def count_files(inputs: Iterable[str], *, glob: str | None = None) -> int | None:
    """How many sources there will be, when that is cheap to know (no corpora, no stdin); else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-":
            total += 1
            continue
        if is_collection_file(path):
            return None
        if path.is_dir():
            for file in _walk(path, glob):
                if is_collection_file(file):
                    return None
                total += 1
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
