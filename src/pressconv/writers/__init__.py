"""The writer registry: built-in formats plus plugins from the `pressconv.writers` entry point group.

A plugin package declares, in its pyproject.toml::

    [project.entry-points."pressconv.writers"]
    markdown = "mypkg.writer:MarkdownWriter"

and `pressconv convert … --to markdown` finds it; its options dataclass's
fields (with `pressconv.options.option` metadata) become command-line flags.
"""

from __future__ import annotations

from pressconv.registry import FormatInfo, Registry
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


def get_writer(name: str) -> Writer:
    """The writer registered as `name`; raises `UnknownFormatError` listing what exists."""
    return WRITERS.get(name)


def available_formats(*, plugins: bool = True, broken: bool = False) -> list[FormatInfo]:
    """Every format that `get_writer` can return, built-ins first; with `broken`, also each plugin
    that could not be loaded, with its `error` (and nothing else)."""
    infos = []
    for entry in WRITERS.entries(plugins=plugins):
        writer = entry.obj
        if writer is not None:
            infos.append(FormatInfo(writer.name, writer.extension, writer.media_type, writer.description, entry.origin,
                                    options_type=writer.options_type, extensions=(writer.extension,),
                                    collections=isinstance(writer, CollectionWriter)))  # fmt: skip
        elif broken:
            infos.append(FormatInfo(entry.name, "", "", "", entry.origin, error=entry.error))
    return infos
