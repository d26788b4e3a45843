"""The writer registry: built-in formats plus plugins from the `pressconv.writers` entry point group.

Built-ins are named by import path and imported only when asked for, so
listing formats or writing JSON never loads python-docx or reportlab. A
plugin package declares, in its pyproject.toml::

    [project.entry-points."pressconv.writers"]
    markdown = "mypkg.writer:MarkdownWriter"

and `pressconv convert … --to markdown` finds it. Plugins cannot shadow a
built-in name, so a stray package never changes what `--to docx` means.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from pressconv.errors import UnknownFormatError
from pressconv.writers.base import Writer, make_options

__all__ = ["FormatInfo", "Writer", "available_formats", "get_writer", "make_options"]

ENTRY_POINT_GROUP = "pressconv.writers"

_BUILT_IN = {
    "html": "pressconv.writers.html:HtmlWriter",
    "json": "pressconv.writers.json:JsonWriter",
    "docx": "pressconv.writers.docx:DocxWriter",
    "pdf": "pressconv.writers.pdf:PdfWriter",
    "epub": "pressconv.writers.epub:EpubWriter",
}


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    extension: str
    media_type: str
    description: str
    origin: str  # "built-in" or the distribution a plugin came from


def get_writer(name: str) -> Writer:
    """The writer registered as `name`; raises `UnknownFormatError` listing what exists."""
    key = name.strip().lower()
    if key in _BUILT_IN:
        return _load(_BUILT_IN[key])
    for entry in _entry_points():
        if entry.name == key:
            return _instantiate(entry.load(), entry.value)
    names = ", ".join(sorted(set(_BUILT_IN) | _plugin_names()))
    raise UnknownFormatError(f"unknown format {name!r}; available formats: {names}")


def available_formats() -> list[FormatInfo]:
    """Every format that `get_writer` can return, built-ins first; broken plugins are skipped."""
    infos = [_info(_load(path), "built-in") for path in _BUILT_IN.values()]
    for entry in sorted(_entry_points(), key=lambda e: e.name):
        if entry.name in _BUILT_IN:
            continue
        try:
            writer = _instantiate(entry.load(), entry.value)
        except Exception:  # noqa: BLE001 - a broken plugin must not hide the others
            continue
        origin = entry.dist.name if entry.dist is not None else entry.value
        infos.append(_info(writer, origin))
    return infos


def _plugin_names() -> set[str]:
    return {entry.name for entry in _entry_points()}


def _entry_points() -> Any:
    # importlib.metadata costs ~20 ms to import; only plugin look-ups need it, never --help or a built-in format.
    from importlib.metadata import entry_points

    return entry_points(group=ENTRY_POINT_GROUP)


def _load(path: str) -> Writer:
    module_name, _, attribute = path.partition(":")
    return _instantiate(getattr(importlib.import_module(module_name), attribute), path)


def _instantiate(obj: Any, where: str) -> Writer:
    writer = obj() if isinstance(obj, type) else obj
    if not isinstance(writer, Writer):
        raise UnknownFormatError(
            f"{where} is not a pressconv writer (it needs name, extension, media_type, description, options_type and write)"
        )
    return writer


def _info(writer: Writer, origin: str) -> FormatInfo:
    return FormatInfo(writer.name, writer.extension, writer.media_type, writer.description, origin)
