"""The pipeline's parts that `pressconv.api`, the batch and the service share; private to pressconv.

Reading half: `read_input` (a file, bounded), `read_bytes` (bytes → release, with
the reader the name or content suggests), `read_release` (read and clean, with the
release's duplicate key). Writing half: `prepare_writers` (options built and checked
once, before any work) and `render` — the one way a writer is run, into memory, a
path (atomically, through `atomic_output`) or a stream.

Nothing here prints; every failure is a `PressconvError`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeAlias

from pressconv.errors import InputError, OptionError, OutputError, PressconvError
from pressconv.model import Collection, Notice, Release, Removal
from pressconv.options import DEFAULT_MAX_BYTES, ReadOptions, option_names
from pressconv.results import Output
from pressconv.writers import CollectionWriter, Writer, check_options, make_options

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    #: A writer's options: an instance of its `options_type` dataclass, or None for a writer without options.
    WriterOptions: TypeAlias = DataclassInstance | None
else:
    WriterOptions: TypeAlias = object

#: Where a document goes: a binary stream, or a path (written atomically).
Target: TypeAlias = BinaryIO | str | os.PathLike[str]

#: Keywords of `convert` and `bundle` that are reading options, not writer options.
READING_KEYWORDS = frozenset({f.name for f in dataclasses.fields(ReadOptions)} | {"remove_duplicates"})


@dataclass(frozen=True, slots=True)
class Reading:
    """A read and cleaned release, what cleaning removed, and the key that tells it from other releases."""

    release: Release
    removed: tuple[Removal, ...]
    key: str


# ---------------------------------------------------------------------------------------------- reading


def read_input(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read an input file, at most `max_bytes` (a device or a pipe named by path included)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError("input is a directory; name the release files inside it") from None
    except FileNotFoundError:
        raise InputError("no such file; check the path") from None
    except OSError as error:
        if error.errno == errno.EISDIR:
            raise InputError("input is a directory; name the release files inside it") from None
        raise InputError(f"cannot read it: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(
            f"input is over the limit of {max_bytes:,} bytes; raise it with --max-size if this really is one release"
        )
    return data


def read_bytes(
    data: bytes,
    options: ReadOptions,
    *,
    name: str | None = None,
    url: str | None = None,
    timestamp: str | None = None,
) -> Release:
    """One release from its bytes, with the reader `options.reader` names, or the one the name or content suggests."""
    if len(data) > options.max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {options.max_bytes:,}; "
            "raise it with --max-size if this really is one release"
        )
    # Imported here, not at the top: a process that only writes never compiles the readers' patterns.
    from pressconv.readers import choose_reader

    reader = choose_reader(options.reader, filename=name, head=data[:4096])
    try:
        release = reader.read(data, options)
    except PressconvError:
        raise
    except RecursionError:
        raise InputError("input is nested too deeply to read") from None
    except Exception as error:  # a reader's library failing on hostile input is still an input problem
        raise InputError(f"the {reader.name} reader could not read it: {type(error).__name__}: {error}") from error
    return with_origin(release, options, name=name, url=url, timestamp=timestamp)


def read_release(
    data: bytes,
    options: ReadOptions,
    *,
    name: str | None = None,
    url: str | None = None,
    timestamp: str | None = None,
) -> Reading:
    """Read and (unless `options.clean` is off) clean one release: the reading half of every conversion."""
    from pressconv.batch.dedupe import duplicate_key

    release = read_bytes(data, options, name=name, url=url, timestamp=timestamp)
    if not options.clean:
        return Reading(release, (), duplicate_key(release))
    from pressconv.cleaning import clean_keyed

    cleaned, keys = clean_keyed(release, skip=() if not options.keep_chrome else {"page-chrome"})
    return Reading(cleaned.release, cleaned.removed, duplicate_key(cleaned.release, keys))


def merge_read_options(options: ReadOptions | None, settings: Mapping[str, object]) -> ReadOptions:
    """`options`, with any reading keywords of `settings` (`month_first=True`) laid over it."""
    if options is None:
        return ReadOptions.from_settings(settings)
    if not settings:
        return options
    given = ReadOptions.from_settings(settings)
    fields = ["clean" if key == "remove_duplicates" else key for key in settings]
    return dataclasses.replace(options, **{field: getattr(given, field) for field in fields})


def with_origin(
    release: Release, options: ReadOptions, *, name: str | None, url: str | None, timestamp: str | None = None
) -> Release:
    """The release with where it came from (when the reader did not say) and the language the caller set."""
    changes: dict[str, Any] = {}
    if name is not None and release.source is None:
        changes["source"] = name
    if url and not release.source_url:
        changes["source_url"] = url
    if timestamp and not release.timestamp:
        changes["timestamp"] = timestamp
    if options.language is not None and release.language != options.language:
        changes["language"] = options.language
    return dataclasses.replace(release, **changes) if changes else release


# ---------------------------------------------------------------------------------------------- writing


def prepare_writers(
    writers: Sequence[Writer], settings: Mapping[str, object], *, strict: bool
) -> list[tuple[Writer, WriterOptions]]:
    """Each writer with its options built and checked, once, before any work.

    With `strict`, a setting no writer takes is an error naming the formats
    that would take it (or saying none does).
    """
    prepared = [(writer, make_options(writer, settings, strict=False)) for writer in writers]
    given = {key for key, value in settings.items() if value not in (None, (), [])}
    if strict:
        for key in sorted(given):
            if not any(key in option_names(writer.options_type) for writer in writers):
                raise OptionError(f"no format being written takes the option {key!r}{_did_you_mean(key, writers)}")
    for writer, options in prepared:
        check_options(writer, options)
    return prepared


def _did_you_mean(key: str, writers: Sequence[Writer]) -> str:
    import difflib

    known = sorted({name for writer in writers for name in option_names(writer.options_type)} | READING_KEYWORDS)
    close = difflib.get_close_matches(key, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def render(
    writer: Writer,
    document: Release | Collection,
    target: Target | None,
    options: WriterOptions,
    *,
    overwrite: bool = True,
) -> Output:
    """Run `writer` on a release (or, for a collection writer, a collection) into memory (no `target`),
    a path (atomically) or a stream: the one place a writer is run. A failure inside the writer's library
    becomes one `OutputError` naming the writer; the `Output` carries the writer's notices."""
    if isinstance(document, Collection) and not isinstance(writer, CollectionWriter):
        raise OptionError(f"the {writer.name} writer cannot write collections (it has no write_collection)")

    def draw(stream: BinaryIO) -> tuple[Notice, ...]:
        with writer_errors(writer):
            if isinstance(document, Collection):
                assert isinstance(writer, CollectionWriter)  # checked above; for the type checker
                return tuple(writer.write_collection(document, stream, options) or ())
            return tuple(writer.write(document, stream, options) or ())

    if target is None:
        buffer = io.BytesIO()
        notices = draw(buffer)
        return Output(writer.name, data=buffer.getvalue(), notices=notices)
    if isinstance(target, (str, os.PathLike)):
        with atomic_output(Path(target), overwrite=overwrite) as stream:
            notices = draw(stream)
        return Output(writer.name, path=os.fspath(target), notices=notices)
    return Output(writer.name, notices=draw(target))


@contextlib.contextmanager
def writer_errors(writer: Writer) -> Iterator[None]:
    """A failure inside a writer's library becomes an `OutputError` naming the writer; ours pass through."""
    try:
        yield
    except PressconvError:
        raise
    except Exception as error:  # a writer library failing is an output problem, told in one line
        _raise_masked_interrupt(error)
        raise OutputError(f"the {writer.name} writer failed: {type(error).__name__}: {error}") from error


def _raise_masked_interrupt(error: BaseException) -> None:
    """Re-raise a Ctrl-C or SIGTERM that a library's clean-up turned into an ordinary error.

    zipfile, for one, raises ValueError("Can't close the ZIP file while there is an open writing handle")
    when an interruption leaves an entry open; reported as a failed format, the batch would go on.
    """
    seen: BaseException | None = error.__context__
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            raise seen
        seen = seen.__context__


@contextlib.contextmanager
def atomic_output(path: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """A stream whose content lands at `path` only if the block finishes without error.

    Without `overwrite`, the finished file is linked into place, which fails
    if anything appeared at `path` meanwhile: a file created by someone else
    between the check and the end is never replaced.
    """
    if not overwrite and os.path.lexists(path):
        raise OutputError(f"{path} exists already; use --force to replace it")
    directory = path.parent
    temporary = directory / f".{path.name}.{os.urandom(6).hex()}.part"
    # One guarded block from the file's creation on: a Ctrl-C or SIGTERM that lands between creating the
    # temporary file and writing it must remove it too (the name is random, so it is never another's).
    try:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # os.open with 0o666 lets the user's umask decide the mode, as a plain open() would.
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as error:
            raise OutputError(f"cannot write to {directory}: {error.strerror or error}") from None
        with os.fdopen(handle, "wb") as stream:
            yield stream
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_exclusively(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _link_exclusively(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputError(f"{path} exists already; use --force to replace it") from None
    except OSError:
        # A file system without hard links: the plain rename, after one more look.
        if os.path.lexists(path):
            raise OutputError(f"{path} exists already; use --force to replace it") from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)
