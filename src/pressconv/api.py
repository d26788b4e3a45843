"""The public operations: `clean`, `write` and `convert`, thin compositions of the pipeline.

Nothing here prints or keeps state between calls, so the API can be used
from several threads at once and inside other programs.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pressconv.cleaning import clean
from pressconv.decoding import DEFAULT_MAX_BYTES
from pressconv.errors import InputError, OutputError, PressconvError
from pressconv.model import DEFAULT_LANGUAGE, Release
from pressconv.parsing import parse
from pressconv.writers import Writer, get_writer, make_options

Target = BinaryIO | str | os.PathLike[str]


def write(release: Release, to: str | Writer, output: Target, *, overwrite: bool = True, **options: object) -> None:
    """Write `release` in format `to` (a name or a writer object) to a binary stream or a path.

    A path is written atomically: the file appears complete or not at all,
    so an error or a kill never leaves half a document behind.
    """
    writer = get_writer(to) if isinstance(to, str) else to
    _write(writer, release, output, make_options(writer, options), overwrite=overwrite)


def convert(
    source: bytes | str | os.PathLike[str],
    to: str | Writer = "html",
    output: Target | None = None,
    *,
    remove_duplicates: bool = True,
    month_first: bool = False,
    language: str = DEFAULT_LANGUAGE,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: object,
) -> bytes | None:
    """Parse, clean and write in one call.

    `source` is the raw release as bytes, or a path (str or Path) to one.
    With no `output` the document is returned as bytes.
    """
    writer = get_writer(to) if isinstance(to, str) else to
    settings = make_options(writer, options)  # a bad option fails before any input is read
    if isinstance(source, bytes):
        data, name = source, None
    else:
        data, name = read_input(Path(source), max_bytes=max_bytes), os.fspath(source)
    release = parse(data, month_first=month_first, language=language, encoding=encoding, max_bytes=max_bytes, source_name=name)
    if remove_duplicates:
        release = clean(release).release
    if output is None:
        buffer = io.BytesIO()
        render(writer, release, buffer, settings)
        return buffer.getvalue()
    _write(writer, release, output, settings, overwrite=True)
    return None


def read_input(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read an input file, refusing oversized ones before loading them."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"input is {size:,} bytes, over the limit of {max_bytes:,}; "
                "raise it with --max-size if this really is one release"
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("input is a directory; name the release files inside it") from None
    except FileNotFoundError:
        raise InputError("no such file; check the path") from None
    except OSError as error:
        raise InputError(f"cannot read it: {error.strerror or error}") from None


@contextlib.contextmanager
def atomic_output(path: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """A stream whose content lands at `path` only if the block finishes without error."""
    if not overwrite and path.exists():
        raise OutputError(f"{path} exists already; use --force to replace it")
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # os.open with 0o666 lets the user's umask decide the mode, as a plain open() would.
        temporary = directory / f".{path.name}.{os.urandom(6).hex()}.part"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as error:
        raise OutputError(f"cannot write to {directory}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write(writer: Writer, release: Release, output: Target, settings: object, *, overwrite: bool) -> None:
    if isinstance(output, (str, os.PathLike)):
        with atomic_output(Path(output), overwrite=overwrite) as stream:
            render(writer, release, stream, settings)
    else:
        render(writer, release, output, settings)


def render(writer: Writer, release: Release, stream: BinaryIO, settings: object) -> None:
    """Run a writer, turning a failure inside its library into one `OutputError` line."""
    with writer_errors(writer):
        writer.write(release, stream, settings)


@contextlib.contextmanager
def writer_errors(writer: Writer) -> Iterator[None]:
    """A failure inside a writer's library becomes an `OutputError` naming the writer; ours pass through."""
    try:
        yield
    except PressconvError:
        raise
    except Exception as error:  # a writer library failing is an output problem, told in one line
        raise OutputError(f"the {writer.name} writer failed: {type(error).__name__}: {error}") from error
