"""One registry shape for readers and writers: built-ins by import path, plugins by entry point.

Built-ins are named by import path and imported only when asked for, so
listing names or writing JSON never loads python-docx or reportlab. Plugins
come from an entry-point group and cannot shadow a built-in name, so a stray
package never changes what `--to docx` or `--from text` means.
"""

from __future__ import annotations

import difflib
import functools
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pressconv.errors import PressconvError, UnknownFormatError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """One format as `pressconv formats` and `GET /v1/formats` list it."""

    name: str
    extension: str
    media_type: str
    description: str
    origin: str  # "built-in" or the distribution a plugin came from
    kind: str = "writer"  # "reader" or "writer"
    #: Why a plugin could not be loaded (its other fields are then empty); None for a usable format.
    error: str | None = None
    #: A writer's options dataclass (None: no options), from which flags and query parameters are made.
    options_type: type[Any] | None = None
    #: A reader's file name endings (".txt"); a writer's is `extension`.
    extensions: tuple[str, ...] = ()
    #: A writer that can also write a collection (`pressconv bundle`).
    collections: bool = False


@dataclass(frozen=True, slots=True)
class Entry(Generic[T]):
    """One registered name: its object, where it came from, or why it could not be loaded (`error`)."""

    name: str
    origin: str  # "built-in" or the distribution a plugin came from
    obj: T | None = None
    error: str | None = None


class Registry(Generic[T]):
    """Names → objects of one protocol (`kind` says which, for messages)."""

    def __init__(self, kind: str, group: str, built_in: Mapping[str, str], accepts: Callable[[Any], bool], needs: str) -> None:
        self.kind, self.group, self.built_in, self.accepts, self.needs = kind, group, dict(built_in), accepts, needs

    def get(self, name: str) -> T:
        """The object registered as `name`; raises `UnknownFormatError` listing what exists, with a suggestion."""
        key = name.strip().lower()
        if key in self.built_in:
            return self._load(self.built_in[key])
        for entry in self._entry_points():
            if entry.name == key:
                return self._load_plugin(entry)
        names = sorted(set(self.built_in) | {entry.name for entry in self._entry_points()})
        close = difflib.get_close_matches(key, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UnknownFormatError(f"unknown {self.kind} format {name!r}{hint} (available: {', '.join(names)})")

    def names(self) -> list[str]:
        return [*self.built_in, *sorted({entry.name for entry in self._entry_points()} - set(self.built_in))]

    def items(self, *, plugins: bool = True) -> Iterator[tuple[T, str]]:
        """Every usable object with its origin ("built-in" or the plugin's distribution); broken plugins are skipped.

        Lazy, built-ins first: a caller that stops early never pays for the plugin look-up."""
        for entry in self.entries(plugins=plugins):
            if entry.obj is not None:
                yield entry.obj, entry.origin

    def entries(self, *, plugins: bool = True) -> Iterator[Entry[T]]:
        """Every registered name, built-ins first, each with its object or, for a plugin that cannot be
        loaded, its error: a broken plugin costs only its own name, and `pressconv formats` can say why."""
        for name, path in self.built_in.items():
            yield Entry(name, "built-in", self._load(path))
        if not plugins:
            return
        for entry in sorted(self._entry_points(), key=lambda e: e.name):
            if entry.name in self.built_in:
                continue
            origin = entry.dist.name if entry.dist is not None else entry.value
            try:
                yield Entry(entry.name, origin, self._load_plugin(entry))
            except PressconvError as error:
                yield Entry(entry.name, origin, error=str(error))

    def _load_plugin(self, entry: Any) -> T:
        """A plugin's object; whatever goes wrong importing or making it becomes one `UnknownFormatError`."""
        try:
            loaded = entry.load()
        except Exception as error:
            raise UnknownFormatError(
                f"the {self.kind} format {entry.name!r} ({entry.value}) could not be loaded: {type(error).__name__}: {error}"
            ) from error
        try:
            return self._instantiate(loaded, entry.value)
        except PressconvError:
            raise
        except Exception as error:
            raise UnknownFormatError(
                f"the {self.kind} format {entry.name!r} ({entry.value}) could not be made: {type(error).__name__}: {error}"
            ) from error

    def _entry_points(self) -> Any:
        return installed_entry_points(self.group)

    def _load(self, path: str) -> T:
        return _built_in(self, path)  # type: ignore[no-any-return]

    def _instantiate(self, obj: Any, where: str) -> T:
        instance = obj() if isinstance(obj, type) else obj
        if not self.accepts(instance):
            raise UnknownFormatError(f"{where} is not a pressconv {self.kind} (it needs {self.needs})")
        return instance  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=8)
def installed_entry_points(group: str) -> tuple[Any, ...]:
    """The entry points installed in `group`, read once per process.

    Reading package metadata walks every installed distribution (a few milliseconds each time);
    a corpus whose records have no file name would otherwise pay it per record. What is installed
    does not change while pressconv runs; a test that installs a plugin calls `cache_clear()`.
    importlib.metadata itself costs ~20 ms to import, so only plugin look-ups import it.
    """
    from importlib.metadata import entry_points

    return tuple(entry_points(group=group))


@functools.lru_cache(maxsize=64)
def _built_in(registry: Registry[Any], path: str) -> Any:
    """A built-in reader or writer, imported, made and checked once per process.

    Readers and writers keep no state between calls, so one object serves every call; checking it
    against its protocol (a runtime `isinstance` on a Protocol) costs more than most small releases.
    """
    module_name, _, attribute = path.partition(":")
    return registry._instantiate(getattr(importlib.import_module(module_name), attribute), path)
