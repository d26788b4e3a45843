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
from pressconv.registry import Registry

__all__ = ["READERS", "Reader", "choose_reader", "get_reader"]


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
