"""The public operations: read, clean, write, convert and bundle — thin compositions of the pipeline.

`convert` and `bundle` return one `Result`: the cleaned release (or
collection), what was removed, every notice (reader, cleaner and writer
alike) and the outputs. The CLI, the batch driver and any embedding program
call these and nothing deeper. Nothing here prints or keeps state between
calls, so the API can be used from several threads at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pressconv.errors import InputError, OptionError, OutputError, PressconvError
from pressconv.model import Collection, Notice, Release, Removal
from pressconv.options import DEFAULT_MAX_BYTES, ReadOptions
from pressconv.writers import Writer, check_options, get_writer, make_options
from pressconv.writers.base import CollectionWriter

Target = BinaryIO | str | os.PathLike[str]
Source = bytes | str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Output:
    """One written document: its format, and where it went (`path`) or its bytes (`data`)."""

    format: str
    path: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """What a conversion produced, in the shape of mammoth's `Result(value, messages)`.

    `release` is the cleaned release (for a bundle, `collection` too);
    `notices` holds every notice from reading, cleaning and writing, in that order.
    """

    release: Release | None
    outputs: tuple[Output, ...] = ()
    notices: tuple[Notice, ...] = ()
    removed: tuple[Removal, ...] = ()
    collection: Collection | None = None
    #: For a bundle: (input, error) for each input that could not be read, and how many duplicates were left out.
    failures: tuple[tuple[str, str], ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()

    @property
    def data(self) -> bytes:
        """The bytes of the only output (for `convert(…, output=None)` with one format)."""
        if len(self.outputs) != 1 or self.outputs[0].data is None:
            raise OutputError("this result has no single in-memory output; look at .outputs")
        return self.outputs[0].data


@dataclass(frozen=True, slots=True)
class Reading:
    """A read and cleaned release, and the typographic key that tells it from other releases."""

    release: Release
    removed: tuple[Removal, ...]
    key: str


def parse(source: bytes | str, options: ReadOptions | None = None, **settings: Any) -> Release:
    """Read one release from bytes (encoding detected) or already-decoded text, without cleaning.

    `settings` are `ReadOptions` fields as keywords (`month_first=True`,
    `language="cy"`), for scripts that do not build a `ReadOptions`;
    `source_name` and `source_url` record where it came from. Raises
    `PressconvError` (never anything else) when the input is not a release.
    """
    name, url = settings.pop("source_name", None), settings.pop("source_url", None)
    options = _read_options(options, settings)
    if isinstance(source, str):
        from pressconv.readers.text import parse_text

        release = parse_text(source, options)
        return _with_origin(release, name, url, None, options)
    return read(source, options, name=name, url=url)


def read(
    data: bytes,
    options: ReadOptions | None = None,
    *,
    name: str | None = None,
    url: str | None = None,
    timestamp: str | None = None,
) -> Release:
    """Read one release from its bytes with the reader `options.reader` names, or the one the name or content suggests."""
    options = options or ReadOptions()
    if len(data) > options.max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {options.max_bytes:,}; "
            "raise it with --max-size if this really is one release"
        )
    # Imported here, not at the top: a process that only writes (a batch helper) never compiles the readers' patterns.
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
    return _with_origin(release, name, url, timestamp, options)


def read_release(
    data: bytes,
    options: ReadOptions | None = None,
    *,
    name: str | None = None,
    url: str | None = None,
    timestamp: str | None = None,
) -> Reading:
    """Read and (unless `options.clean` is off) clean one release: the reading half of every conversion."""
    from pressconv.batch.dedupe import duplicate_key

    options = options or ReadOptions()
    release = read(data, options, name=name, url=url, timestamp=timestamp)
    if not options.clean:
        return Reading(release, (), duplicate_key(release))
    from pressconv.cleaning import clean_keyed

    cleaned, keys = clean_keyed(release, skip=() if not options.keep_chrome else {"page-chrome"})
    return Reading(cleaned.release, cleaned.removed, duplicate_key(cleaned.release, keys))


def write(release: Release, to: str | Writer, output: Target, *, overwrite: bool = True, **options: object) -> tuple[Notice, ...]:
    """Write `release` in format `to` (a name or a writer object) to a binary stream or a path.

    A path is written atomically: the file appears complete or not at all,
    so an error or a kill never leaves half a document behind. Returns the
    writer's notices.
    """
    writer = get_writer(to) if isinstance(to, str) else to
    return write_document(writer, release, output, make_options(writer, options), overwrite=overwrite)


def convert(
    source: Source,
    to: str | Writer | Sequence[str | Writer] = "html",
    output: Target | None = None,
    *,
    read_options: ReadOptions | None = None,
    overwrite: bool = True,
    name: str | None = None,
    **settings: Any,
) -> Result:
    """Read, clean and write in one call; returns a `Result` with the release, its notices and outputs.

    `source` is the raw input as bytes, or a path (str or Path) to it. `to`
    is one format or several. With no `output` each document is returned as
    bytes (`result.data` for one format); with several formats `output` is a
    directory, and each file is named after the input. `settings` are writer
    options (`css=…`, `paper="letter"`) and, for scripts, reading options
    (`month_first=True`). `name` says where bytes came from (for messages,
    and to choose the reader by its extension).
    """
    writers = [get_writer(item) if isinstance(item, str) else item for item in ([to] if isinstance(to, (str, Writer)) else to)]
    if not writers:
        raise OptionError("name at least one output format")
    reading_settings = {key: settings.pop(key) for key in list(settings) if key in _READING_KEYWORDS}
    options = _read_options(read_options, reading_settings)
    prepared = prepare_writers(writers, settings, strict=True)  # a bad option fails before any input is read
    if isinstance(source, bytes):
        data = source
    else:
        data, name = read_input(Path(source), max_bytes=options.max_bytes), name or os.fspath(source)
    reading = read_release(data, options, name=name)
    notices = list(reading.release.notices)
    outputs: list[Output] = []
    if output is not None and not isinstance(output, (str, os.PathLike)) and len(writers) > 1:
        raise OptionError("a stream takes one format; give a directory to write several")
    for writer, writer_options in prepared:
        target: Target | None = output
        if output is not None and len(writers) > 1:
            stem = Path(name).stem if name else "release"
            target = Path(output) / f"{stem}{writer.extension}"  # type: ignore[arg-type]
        found, written = _deliver(writer, _drawing(writer, reading.release, writer_options), target, overwrite=overwrite)
        notices += found
        outputs.append(written)
    return Result(reading.release, tuple(outputs), tuple(notices), reading.removed)


def bundle(
    sources: Iterable[Source],
    to: str | Writer,
    output: Target | None = None,
    *,
    title: str,
    read_options: ReadOptions | None = None,
    keep_duplicates: bool = False,
    overwrite: bool = True,
    **settings: Any,
) -> Result:
    """Many releases as one document (an e-book of a year's releases): read, clean, sort by date, write.

    `sources` are paths or bytes. An input that cannot be read is listed in
    `result.failures` and left out; releases that repeat an earlier one are
    listed in `result.duplicates` (unless `keep_duplicates`).
    """
    from pressconv.batch.collection import collect
    from pressconv.batch.sources import as_sources

    writer = get_writer(to) if isinstance(to, str) else to
    if not isinstance(writer, CollectionWriter):
        raise OptionError(f"the {writer.name} writer cannot write collections; use epub, docx, pdf, html or json")
    reading_settings = {key: settings.pop(key) for key in list(settings) if key in _READING_KEYWORDS}
    options = _read_options(read_options, reading_settings)
    [(_, writer_options)] = prepare_writers([writer], settings, strict=True)
    gathered = collect(as_sources(sources), options, title=title, keep_duplicates=keep_duplicates)
    return write_bundle(writer, writer_options, gathered, output, overwrite=overwrite)


def write_bundle(
    writer: CollectionWriter, options: Any, gathered: Any, output: Target | None, *, overwrite: bool = True
) -> Result:
    """Write a gathered collection (`batch.collection.Gathered`) and describe it as a `Result`."""
    collection = gathered.collection
    if not collection.releases:
        raise InputError("no release could be read, so there is nothing to bundle")
    def draw(stream: BinaryIO) -> Sequence[Notice] | None:
        return writer.write_collection(collection, stream, options)

    found, written = _deliver(writer, draw, output, overwrite=overwrite)
    notices = (*(notice for release in collection.releases for notice in release.notices), *found)
    removed = tuple(removal for release in collection.releases for removal in release.removed)
    return Result(
        None, (written,), notices, removed, collection=collection, failures=tuple(gathered.failures),
        duplicates=tuple(gathered.duplicates),
    )  # fmt: skip


def _deliver(
    writer: Writer, draw: Callable[[BinaryIO], Sequence[Notice] | None], output: Target | None, *, overwrite: bool
) -> tuple[tuple[Notice, ...], Output]:
    """Run `draw` (a writer writing to a stream) into memory (no `output`), a path (atomically) or a stream:
    the one place that chooses among the three. Returns the writer's notices and where the document went."""
    if output is None:
        buffer = io.BytesIO()
        with writer_errors(writer):
            notices = draw(buffer)
        return tuple(notices or ()), Output(writer.name, data=buffer.getvalue())
    if isinstance(output, (str, os.PathLike)):
        with atomic_output(Path(output), overwrite=overwrite) as stream, writer_errors(writer):
            notices = draw(stream)
        return tuple(notices or ()), Output(writer.name, path=os.fspath(output))
    with writer_errors(writer):
        notices = draw(output)
    return tuple(notices or ()), Output(writer.name)


def prepare_writers(writers: Sequence[Writer], settings: Mapping[str, Any], *, strict: bool) -> list[tuple[Writer, Any]]:
    """Each writer with its options built and checked, once, before any work.

    With `strict`, a setting no writer takes is an error naming the formats
    that would take it (or saying none does).
    """
    prepared = [(writer, make_options(writer, settings, strict=False)) for writer in writers]
    given = {key for key, value in settings.items() if value not in (None, (), [])}
    if strict:
        for key in sorted(given):
            if not any(key in {f.name for f in dataclasses.fields(writer.options_type)} for writer in writers):
                raise OptionError(f"no format being written takes the option {key!r}")
    for writer, options in prepared:
        check_options(writer, options)
    return prepared


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


def remove_partial_outputs(path: Path) -> None:
    """Delete the temporary files `atomic_output` left for `path` in a process that was killed while
    writing (SIGKILL gives it no chance to clean up), before another process writes `path` instead."""
    import glob

    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        with contextlib.suppress(OSError):
            leftover.unlink()


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


def write_document(writer: Writer, release: Release, output: Target, options: Any, *, overwrite: bool) -> tuple[Notice, ...]:
    """Render to a path (atomically) or a stream; returns the writer's notices."""
    return _deliver(writer, _drawing(writer, release, options), output, overwrite=overwrite)[0]


def _drawing(writer: Writer, release: Release, options: Any) -> Callable[[BinaryIO], Sequence[Notice] | None]:
    def draw(stream: BinaryIO) -> Sequence[Notice] | None:
        return writer.write(release, stream, options)

    return draw


def render(writer: Writer, release: Release, stream: BinaryIO, options: Any) -> tuple[Notice, ...]:
    """Run a writer, turning a failure inside its library into one `OutputError` line; returns its notices."""
    with writer_errors(writer):
        return tuple(writer.write(release, stream, options) or ())


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


_READING_KEYWORDS = frozenset({f.name for f in dataclasses.fields(ReadOptions)} | {"remove_duplicates"})


def _read_options(options: ReadOptions | None, settings: Mapping[str, Any]) -> ReadOptions:
    if options is None:
        return ReadOptions.from_settings(settings)
    if settings:
        given = ReadOptions.from_settings(settings)
        return dataclasses.replace(options, **{field: getattr(given, field) for field in _renamed(settings)})
    return options


def _renamed(settings: Mapping[str, Any]) -> list[str]:
    return ["clean" if key == "remove_duplicates" else key for key in settings]


def _with_origin(release: Release, name: str | None, url: str | None, timestamp: str | None, options: ReadOptions) -> Release:
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
