"""pressconv: raw scraped press releases → clean DOCX, PDF, EPUB, HTML and JSON.

The whole public API::

    result = pressconv.convert("in.txt", to="pdf", output="out.pdf")    # read, clean, write → Result (.status, .outputs)
    result = pressconv.bundle(["2014/"], to="epub", output="2014.epub", title="Releases 2014")
    release = pressconv.read(raw_bytes, pressconv.ReadOptions(language="cy"))   # bytes → Release
    release = pressconv.parse(raw_bytes_or_text)                       # the same, for text too
    release, removed = pressconv.clean(release)                        # repeats and page chrome out, each reported
    notices = pressconv.write(release, "docx", "out.docx")             # to a path (atomic) or any binary stream

The model (`Release` and its blocks) lives in `pressconv.model`; notice codes in `pressconv.notices`.

The names are imported on first use (PEP 562), so `import pressconv` — and `pressconv --help` — costs
almost nothing until a name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

#: Every public name and the module that defines it.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("bundle", "convert", "parse", "read", "write"), "pressconv.api"),
    **dict.fromkeys(("Output", "Result", "Status"), "pressconv.results"),
    **dict.fromkeys(("Cleaned", "clean"), "pressconv.cleaning"),
    **dict.fromkeys(
        ("InputError", "InvalidReleaseError", "OptionError", "OutputError", "PressconvError", "UnknownFormatError", "UsageError"),
        "pressconv.errors",
    ),
    **dict.fromkeys(
        (
            "Block",
            "ContactBlock",
            "EndMark",
            "Heading",
            "Link",
            "ListBlock",
            "Notice",
            "NotesSection",
            "Paragraph",
            "Release",
            "Removal",
            "Text",
        ),
        "pressconv.model",
    ),
    "ReadOptions": "pressconv.options",
    **dict.fromkeys(("Reader", "get_reader"), "pressconv.readers"),
    **dict.fromkeys(("FormatInfo", "Writer", "available_formats", "get_writer"), "pressconv.writers"),
}

__all__ = [
    "Block",
    "Cleaned",
    "ContactBlock",
    "EndMark",
    "FormatInfo",
    "Heading",
    "InputError",
    "InvalidReleaseError",
    "Link",
    "ListBlock",
    "NotesSection",
    "Notice",
    "OptionError",
    "Output",
    "OutputError",
    "Paragraph",
    "PressconvError",
    "ReadOptions",
    "Reader",
    "Release",
    "Removal",
    "Result",
    "Status",
    "Text",
    "UnknownFormatError",
    "UsageError",
    "Writer",
    "__version__",
    "available_formats",
    "bundle",
    "clean",
    "convert",
    "get_reader",
    "get_writer",
    "parse",
    "read",
    "write",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pressconv' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is an ordinary attribute
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from pressconv.api import bundle, convert, parse, read, write
    from pressconv.cleaning import Cleaned, clean
    from pressconv.errors import (
        InputError,
        InvalidReleaseError,
        OptionError,
        OutputError,
        PressconvError,
        UnknownFormatError,
        UsageError,
    )
    from pressconv.model import (
        Block,
        ContactBlock,
        EndMark,
        Heading,
        Link,
        ListBlock,
        NotesSection,
        Notice,
        Paragraph,
        Release,
        Removal,
        Text,
    )
    from pressconv.options import ReadOptions
    from pressconv.readers import Reader, get_reader
    from pressconv.results import Output, Result, Status
    from pressconv.writers import FormatInfo, Writer, available_formats, get_writer
