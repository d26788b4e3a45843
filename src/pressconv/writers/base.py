"""The contract every writer, built-in or third-party, fulfils.

A writer is a name, a file extension, a media type, an options dataclass of
its own and a `write` that puts bytes on any binary stream: a file, a socket,
an in-memory buffer in a web request. Writers never re-parse or re-clean.
A writer may return notices (a fallback font used, a value truncated); they
reach the caller in the conversion `Result` beside the reader's and cleaner's.

To render a release, a writer dispatches on the block types of
`pressconv.model` — one method (or one `match` arm) per type — so a new block
type is one addition per writer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO, ClassVar, Protocol, runtime_checkable

from pressconv.errors import OptionError
from pressconv.model import Collection, Notice, Release, writable
from pressconv.options import option_names, option_specs, read_option_file

__all__ = ["CollectionWriter", "NoOptions", "Writer", "heading_text", "make_options", "paper_size_mm", "read_option_file"]


def heading_text(text: str) -> str:
    """A section heading as set: "Media contact:" introduced the lines below it in the source, as a heading it
    loses its colon ("Media contact"), as in every format. The model (and the JSON) keep the text as read."""
    shown = text.rstrip().rstrip(":\uff1a").rstrip()
    return shown or text


@dataclasses.dataclass(frozen=True, slots=True)
class NoOptions:
    """For writers that take no options."""


@runtime_checkable
class Writer(Protocol):
    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]
    #: A frozen dataclass; `write` receives an instance of it. Fields with `pressconv.options.option`
    #: metadata become command-line flags.
    options_type: ClassVar[type[Any]]

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> Sequence[Notice] | None:
        """Write `release` to `stream`; `options` is an `options_type` instance or None for defaults.

        Returns what the user should know about the output (or None for nothing)."""
        ...


@runtime_checkable
class CollectionWriter(Writer, Protocol):
    """A writer that can also publish many releases as one document (`pressconv bundle`)."""

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> Sequence[Notice] | None: ...


def make_options(writer: Writer, settings: Mapping[str, object], *, strict: bool = True) -> Any:
    """Build `writer`'s options from loose settings (CLI flags, API keywords).

    With `strict`, a setting the writer does not know is an error naming the
    ones it does; without, unknown settings are left for other writers (one
    CLI call may write several formats with one set of flags).
    """
    fields = option_names(writer.options_type)
    unknown = sorted(set(settings) - fields)
    if strict and unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise OptionError(f"the {writer.name} writer has no option {unknown[0]!r}; its options: {known}")
    chosen = {key: value for key, value in settings.items() if key in fields and value is not None}
    if writer.options_type is None:  # a writer without options
        return None
    files = {spec.name for spec in option_specs(writer.options_type) if spec.info.file}
    # Text options (an author, a publisher, an identifier) go into metadata, which is XML in every format:
    # what none can carry is replaced once, here, rather than by each writer (or not at all).
    chosen = {key: writable(value) if isinstance(value, str) and key not in files else value for key, value in chosen.items()}
    try:
        return writer.options_type(**chosen)
    except (TypeError, ValueError) as error:
        raise OptionError(f"bad option for the {writer.name} writer: {error}") from None


def check_options(writer: Writer, options: Any) -> None:
    """Fail before any work on an option no release could be written with: unreadable files, and
    whatever the writer's own optional `check(options)` refuses (a broken reference document)."""
    for spec in option_specs(type(options)):
        value = getattr(options, spec.name)
        if spec.info.file and value is not None:
            for item in value if isinstance(value, tuple) else (value,):
                read_option_file(item, spec.name.replace("_", " "))
    check = getattr(writer, "check", None)
    if callable(check):
        check(options)


def document_author(given: str | None, releases: Sequence[Release]) -> str:
    """The author a document's metadata names: the `author` option as given ("" names none), else the
    byline every release shares (a single release's own), else none ("")."""
    if given is not None:
        return given
    bylines = {release.byline for release in releases}
    return (next(iter(bylines)) or "") if len(bylines) == 1 else ""


#: Page sizes the paged formats (DOCX, PDF) offer, as (width, height) in millimetres.
PAPER_SIZES_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}


def paper_size_mm(paper: str) -> tuple[float, float]:
    """(width, height) of a named paper size; ValueError (an OptionError once options are built) otherwise."""
    try:
        return PAPER_SIZES_MM[paper.lower()]
    except KeyError:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES_MM)}, not {paper!r}") from None
