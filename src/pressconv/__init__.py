"""pressconv: raw scraped press releases → clean DOCX, PDF, EPUB, HTML and JSON.

The whole public API::

    release = pressconv.parse(raw_bytes)            # bytes | str → Release
    release, removed = pressconv.clean(release)     # duplicates out, each removal reported
    pressconv.write(release, "docx", "out.docx")    # to a path (atomic) or any binary stream
    pressconv.convert("in.txt", to="pdf", output="out.pdf")   # all three at once
"""

from __future__ import annotations

from pressconv.api import convert, write
from pressconv.cleaning import Cleaned, clean
from pressconv.errors import (
    InputError,
    InvalidReleaseError,
    OptionError,
    OutputError,
    PressconvError,
    UnknownFormatError,
)
from pressconv.model import Notice, Release, Removal
from pressconv.parsing import parse
from pressconv.writers import FormatInfo, Writer, available_formats, get_writer

__version__ = "0.1.0"

__all__ = [
    "Cleaned",
    "FormatInfo",
    "InputError",
    "InvalidReleaseError",
    "Notice",
    "OptionError",
    "OutputError",
    "PressconvError",
    "Release",
    "Removal",
    "UnknownFormatError",
    "Writer",
    "__version__",
    "available_formats",
    "clean",
    "convert",
    "get_writer",
    "parse",
    "write",
]
