"""The reader registry: bytes → `Release`, one module per input format.

Built-in: `text` (the raw scraped release format). Plugins come from the
`pressconv.readers` entry-point group::

    [project.entry-points."pressconv.readers"]
    rtf = "mypkg.reader:RtfReader"

A reader knows its input format and nothing about output formats or
duplicates; cleaning happens after it, the same for every reader.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.registry import FormatInfo, Registry

__all__ = ["READERS", "Reader", "available_readers", "choose_reader", "get_reader", "plugin_extensions"]


@runtime_checkable
class Reader(Protocol):
    name: ClassVar[str]
    description: ClassVar[str]
    #: Media types this reader takes ("text/plain").
    media_types: ClassVar[tuple[str, ...]]
    #: File name endings it is chosen for (".txt"), lower case.
    extensions: ClassVar[tuple[str, ...]]

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes of an input are plainly this reader's format (used when the name says nothing)."""
        ...

    def read(self, data: bytes, options: ReadOptions) -> Release:
        """One release from the input's bytes. Raises `PressconvError` (nothing else) when it is not one."""
        ...


READERS: Registry[Reader] = Registry(
    "input",
    "pressconv.readers",
    {"text": "pressconv.readers.text:TextReader", "html": "pressconv.readers.html:HtmlReader"},
    lambda obj: isinstance(obj, Reader),
    "name, description, media_types, extensions, sniff and read",
)


def get_reader(name: str) -> Reader:
    return READERS.get(name)


def available_readers(*, broken: bool = False) -> list[FormatInfo]:
    """Every input format, built-ins first; with `broken`, also each plugin that could not be loaded, with its error."""
    infos = []
    for entry in READERS.entries():
        reader = entry.obj
        if reader is not None:
            media_type = reader.media_types[0] if reader.media_types else ""
            infos.append(FormatInfo(reader.name, "", media_type, reader.description, entry.origin, kind="reader",
                                    extensions=tuple(reader.extensions)))  # fmt: skip
        elif broken:
            infos.append(FormatInfo(entry.name, "", "", "", entry.origin, kind="reader", error=entry.error))
    return infos


def plugin_extensions() -> tuple[str, ...]:
    """The file name endings installed plugin readers are chosen for ('.upper'): a directory walk takes
    these files too. Broken plugins have none."""
    found = (reader.extensions for reader, origin in READERS.items() if origin != "built-in")
    return tuple(dict.fromkeys(extension.lower() for extensions in found for extension in extensions))


def choose_reader(name: str | None, *, filename: str | None = None, head: bytes = b"") -> Reader:
    """The reader asked for; else the one whose extension the file name has; else one that
    recognises the content; else the text reader (raw scraped releases have no signature).

    Readers are looked at lazily, built-ins first: a `.txt` file loads only the text reader,
    and plugins are looked up only when no built-in claims the input.
    """
    if name:
        return READERS.get(name)
    if filename:
        lowered = filename.lower()
        for reader, _ in READERS.items():
            if lowered.endswith(reader.extensions):
                return reader
    for reader, _ in READERS.items():
        if reader.name != "text" and reader.sniff(head):
            return reader
    return READERS.get("text")
