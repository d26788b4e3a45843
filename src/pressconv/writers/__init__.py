"""The writer registry: built-in formats plus plugins from the `pressconv.writers` entry point group.

A plugin package declares, in its pyproject.toml::

    [project.entry-points."pressconv.writers"]
    markdown = "mypkg.writer:MarkdownWriter"

and `pressconv convert … --to markdown` finds it; its options dataclass's
fields (with `pressconv.options.option` metadata) become command-line flags.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressconv.registry import Registry
from pressconv.writers.base import CollectionWriter, Writer, check_options, make_options

__all__ = ["CollectionWriter", "FormatInfo", "Writer", "available_formats", "check_options", "get_writer", "make_options"]

ENTRY_POINT_GROUP = "pressconv.writers"

WRITERS: Registry[Writer] = Registry(
    "output",
    ENTRY_POINT_GROUP,
    {
        "html": "pressconv.writers.html:HtmlWriter",
        "json": "pressconv.writers.json:JsonWriter",
        "docx": "pressconv.writers.docx:DocxWriter",
        "pdf": "pressconv.writers.pdf:PdfWriter",
        "epub": "pressconv.writers.epub:EpubWriter",
    },
    lambda obj: isinstance(obj, Writer),
    "name, extension, media_type, description, options_type and write",
)


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    extension: str
    media_type: str
    description: str
    origin: str  # "built-in" or the distribution a plugin came from
    kind: str = "writer"  # "reader" or "writer"


def get_writer(name: str) -> Writer:
    """The writer registered as `name`; raises `UnknownFormatError` listing what exists."""
    return WRITERS.get(name)


def available_formats() -> list[FormatInfo]:
    """Every format that `get_writer` can return, built-ins first; broken plugins are skipped."""
    return [FormatInfo(w.name, w.extension, w.media_type, w.description, origin) for w, origin in WRITERS.items()]
