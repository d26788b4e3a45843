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

#: The longest file name most file systems take, in bytes.
_NAME_MAX = 255

#: What a file system says when it will not take more bytes.
_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})

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
    except OSError as error:
        _raise_masked_interrupt(error)
        if error.errno in _DISK_ERRORS:  # the file system refused a write: a full disk, a quota, a size limit
            raise OutputError(f"cannot write the {writer.name} output: {error.strerror or error}") from None
        raise OutputError(f"the {writer.name} writer failed: {type(error).__name__}: {error}") from error
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
    between the check and the end is never replaced. A device or a pipe
    (`/dev/null`, `/dev/stdout`, a FIFO) is written directly: there is no
    file to replace. Every failure of the file system — a full disk found
    when the last bytes are flushed, a name that cannot be replaced — is an
    `OutputError`, and leaves no temporary file.
    """
    if _is_special(path):
        with _guarded_open(path) as stream:
            yield stream
        return
    if not overwrite and os.path.lexists(path):
        raise OutputError(f"{path} exists already; use --force to replace it")
    directory = path.parent
    temporary = directory / _temporary_name(path.name)
    # One guarded block from the file's creation on: a Ctrl-C or SIGTERM that lands between creating the
    # temporary file and writing it must remove it too (the name is random, so it is never another's).
    try:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # os.open with 0o666 lets the user's umask decide the mode, as a plain open() would.
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as error:
            raise OutputError(f"cannot write to {directory}: {error.strerror or error}") from None
        with _guarded(os.fdopen(handle, "wb"), path) as stream:
            yield stream
        try:
            if overwrite:
                os.replace(temporary, path)
            else:
                _link_exclusively(temporary, path)
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _temporary_name(name: str) -> str:
    """A hidden, random name beside `name` that fits where `name` fits: a legal 241-byte name must not
    fail because the temporary one adds 19 bytes (255 bytes is the usual limit of one name). Only a
    prefix of the name is kept; a character cut in two, or bytes that are not UTF-8, are left out."""
    prefix = os.fsencode(name)[: _NAME_MAX - 19].decode("utf-8", "ignore")
    return f".{prefix}.{os.urandom(6).hex()}.part"


def _is_special(path: Path) -> bool:
    """A character device, a FIFO or a socket: something to write into, not a file to replace."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


@contextlib.contextmanager
def _guarded_open(path: Path) -> Iterator[BinaryIO]:
    try:
        raw = open(path, "wb")  # noqa: SIM115 - closed by _guarded
    except OSError as error:
        raise OutputError(f"cannot write to {path}: {error.strerror or error}") from None
    with _guarded(raw, path) as stream:
        yield stream


@contextlib.contextmanager
def _guarded(raw: BinaryIO, path: Path) -> Iterator[BinaryIO]:
    """`raw`, closed at the end with a full disk (found by the last flush) told as an `OutputError`.

    After the first failed write, later writes are dropped: a writer's zip file that is garbage-collected
    after the error would otherwise try to write its directory again and print "Exception ignored in
    ZipFile.__del__" — the error is reported once, by whoever got it first.
    """
    stream = _FailOnce(raw)
    try:
        yield stream  # type: ignore[misc]
    except BaseException:
        stream.abandon()
        raise
    try:
        if stream.failure is not None:
            raise stream.failure
        raw.close()
    except OSError as error:
        stream.abandon()
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None


class _FailOnce(io.RawIOBase):
    """A binary stream over another that fails the first write the file system refuses, then drops the rest.

    Once the document is lost (a failed write, or `abandon`), writes, seeks and tells go on against a
    position of its own, so a library closing its zip file later computes sane offsets and stays quiet.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.failure: OSError | None = None
        self._lost_at: int | None = None

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._lost_at is not None or self.raw.seekable()

    def abandon(self) -> None:
        """Close the real stream; from here on nothing reaches it."""
        if self._lost_at is None:
            with contextlib.suppress(OSError, ValueError):
                self._lost_at = self.raw.tell()
            self._lost_at = self._lost_at or 0
        with contextlib.suppress(OSError, ValueError):
            self.raw.close()

    def write(self, data: Any) -> int:
        if self._lost_at is not None:
            self._lost_at += len(data)
            return len(data)
        try:
            return self.raw.write(data)
        except OSError as error:
            self.failure = error
            self.abandon()
            raise

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._lost_at is not None:
            self._lost_at = offset if whence == 0 else self._lost_at + offset
            return self._lost_at
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self._lost_at if self._lost_at is not None else self.raw.tell()

    def flush(self) -> None:
        if self._lost_at is None and not self.raw.closed:
            try:
                self.raw.flush()
            except OSError as error:
                self.failure = error
                self.abandon()
                raise

    def close(self) -> None:  # the real stream is closed by `_guarded`
        super().close()


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
