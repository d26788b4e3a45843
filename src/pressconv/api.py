"""The public operations: read, parse, write, convert and bundle — thin compositions of the pipeline.

`convert` and `bundle` return one `Result` (`pressconv.results`): the cleaned
release (or collection), what was removed, every notice (reader, cleaner and
writer alike) and the outputs. The CLI, the batch driver, the service and any
embedding program call these; their shared parts live in the private
`pressconv._pipeline`. Nothing here prints or keeps state between calls, so the
API can be used from several threads at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from pressconv._pipeline import (
    READING_KEYWORDS,
    Target,
    merge_read_options,
    prepare_writers,
    read_bytes,
    read_input,
    read_release,
    render,
    with_origin,
)
from pressconv.errors import InputError, OptionError, OutputError
from pressconv.model import Notice, Release
from pressconv.options import ReadOptions, option_names
from pressconv.results import Output, Result, Status
from pressconv.writers import CollectionWriter, Writer, get_writer, make_options

if TYPE_CHECKING:
    from pressconv.batch.sources import Source as BatchSource

#: What `convert` and `bundle` read: the raw input as bytes, or a path to it.
Source: TypeAlias = bytes | str | os.PathLike[str]

__all__ = ["Output", "Result", "Source", "Status", "Target", "bundle", "convert", "parse", "read", "write"]


def parse(source: bytes | str, options: ReadOptions | None = None, **settings: Any) -> Release:
    """Read one release from bytes (encoding detected) or already-decoded text, without cleaning.

    `settings` are `ReadOptions` fields as keywords (`month_first=True`,
    `language="cy"`), for scripts that do not build a `ReadOptions`;
    `source_name` and `source_url` record where it came from. Raises
    `PressconvError` (never anything else) when the input is not a release.
    """
    name, url = settings.pop("source_name", None), settings.pop("source_url", None)
    options = merge_read_options(options, settings)
    if isinstance(source, str):
        from pressconv.readers.text import parse_text

        return with_origin(parse_text(source, options), options, name=name, url=url)
    return read_bytes(source, options, name=name, url=url)


def read(
    data: bytes,
    options: ReadOptions | None = None,
    *,
    name: str | None = None,
    url: str | None = None,
    timestamp: str | None = None,
) -> Release:
    """Read one release from its bytes with the reader `options.reader` names, or the one the name or content suggests."""
    return read_bytes(data, options or ReadOptions(), name=name, url=url, timestamp=timestamp)


def write(release: Release, to: str | Writer, output: Target, *, overwrite: bool = True, **options: object) -> tuple[Notice, ...]:
    """Write `release` in format `to` (a name or a writer object) to a binary stream or a path.

    A path is written atomically: the file appears complete or not at all,
    so an error or a kill never leaves half a document behind. Returns the
    writer's notices.
    """
    writer = get_writer(to) if isinstance(to, str) else to
    return render(writer, release, output, make_options(writer, options), overwrite=overwrite).notices


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
    writers = _writers(to)
    reading_settings = _reading_settings(settings, writers)
    options = merge_read_options(read_options, reading_settings)
    prepared = prepare_writers(writers, settings, strict=True)  # a bad option fails before any input is read
    if isinstance(source, bytes):
        data = source
    else:
        if isinstance(source, str) and not os.path.lexists(source):
            raise InputError(_not_a_path(source))
        data, name = read_input(Path(source), max_bytes=options.max_bytes), name or os.fspath(source)
    reading = read_release(data, options, name=name)
    if output is not None and not isinstance(output, (str, os.PathLike)) and len(writers) > 1:
        raise OptionError("a stream takes one format; give a directory to write several")
    outputs: list[Output] = []
    for writer, writer_options in prepared:
        target: Target | None = output
        if isinstance(output, (str, os.PathLike)) and len(writers) > 1:
            stem = Path(name).stem if name else "release"
            target = Path(output) / f"{stem}{writer.extension}"
        outputs.append(render(writer, reading.release, target, writer_options, overwrite=overwrite))
    notices = (*reading.release.notices, *(notice for written in outputs for notice in written.notices))
    return Result(reading.release, tuple(outputs), notices, reading.removed, source=name)


def bundle(
    sources: Iterable[Source | BatchSource],
    to: str | Writer | Sequence[str | Writer],
    output: Target | None = None,
    *,
    title: str,
    read_options: ReadOptions | None = None,
    keep_duplicates: bool = False,
    overwrite: bool = True,
    **settings: Any,
) -> Result:
    """Many releases as one document (an e-book of a year's releases): read, clean, sort by date, write.

    `sources` are paths (files, directories, corpora), bytes, or the batch's
    `Source`s (`pressconv.batch.sources.iter_sources`, as the command line
    does). `to` is one format or several, like `convert`'s: with several,
    `output` is a directory and each file is named after the title. Any
    writer with a `write_collection` method can bundle, plugins included.
    An input that cannot be read is listed in `result.failures` and left out;
    releases that repeat an earlier one are listed in `result.duplicates`
    (unless `keep_duplicates`). Without `overwrite`, an existing output file
    is refused before anything is read.
    """
    from pressconv.batch.collection import collect
    from pressconv.batch.naming import slugify
    from pressconv.batch.sources import as_sources

    writers = _writers(to)
    for writer in writers:
        if not isinstance(writer, CollectionWriter):
            raise OptionError(
                f"the {writer.name} writer cannot write collections (it has no write_collection method); "
                "use epub, docx, pdf, html or json"
            )
    reading_settings = _reading_settings(settings, writers)
    options = merge_read_options(read_options, reading_settings)
    prepared = prepare_writers(writers, settings, strict=True)
    if output is not None and not isinstance(output, (str, os.PathLike)) and len(writers) > 1:
        raise OptionError("a stream takes one format; give a directory to write several")
    targets: list[Target | None] = [output] * len(writers)
    if isinstance(output, (str, os.PathLike)) and len(writers) > 1:
        targets = [Path(output) / f"{slugify(title)}{writer.extension}" for writer in writers]
    if not overwrite:
        for target in targets:
            if isinstance(target, (str, os.PathLike)) and os.path.lexists(target):
                raise OutputError(f"{os.fspath(target)} exists already; use --force to replace it")
    gathered = collect(as_sources(sources), options, title=title, keep_duplicates=keep_duplicates)
    if gathered.collection is None or not gathered.collection.releases:
        raise InputError("no release could be read, so there is nothing to bundle")
    collection = gathered.collection
    outputs = tuple(
        render(writer, collection, target, writer_options, overwrite=overwrite)
        for (writer, writer_options), target in zip(prepared, targets, strict=True)
    )
    return replace(gathered, outputs=outputs, notices=(*gathered.notices, *(n for written in outputs for n in written.notices)))


def _reading_settings(settings: dict[str, Any], writers: Sequence[Writer]) -> dict[str, Any]:
    """Take the reading keywords (`month_first=True`) out of `settings`. A keyword that a writer being
    written also takes (a plugin writer's `encoding`) is that writer's: pass reading options in
    `read_options` to set both."""
    taken = {name for writer in writers for name in option_names(writer.options_type)}
    return {key: settings.pop(key) for key in list(settings) if key in READING_KEYWORDS and key not in taken}


def _not_a_path(text: str) -> str:
    """Why a str `source` failed: a path that is not there, or (more likely, if it has lines) the release itself."""
    preview = text if len(text) <= 60 else text[:57] + "…"
    if "\n" in text or len(text) > 255:
        return (
            f"convert() takes a path or bytes, and {preview!r} is no file; to convert the release's own text, "
            "pass it as bytes (text.encode()) or read it with pressconv.parse(text)"
        )
    return f"no such file: {preview!r}; check the path (or pass the release's own text as bytes)"


def _writers(to: str | Writer | Sequence[str | Writer]) -> list[Writer]:
    writers = [get_writer(item) if isinstance(item, str) else item for item in ([to] if isinstance(to, (str, Writer)) else to)]
    if not writers:
        raise OptionError("name at least one output format")
    return writers
