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
from typing import Any, Generic, TypeVar

from pressconv.errors import UnknownFormatError

T = TypeVar("T")


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
                return self._instantiate(entry.load(), entry.value)
        names = sorted(set(self.built_in) | {entry.name for entry in self._entry_points()})
        close = difflib.get_close_matches(key, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UnknownFormatError(f"unknown {self.kind} format {name!r}{hint} (available: {', '.join(names)})")

    def names(self) -> list[str]:
        return [*self.built_in, *sorted({entry.name for entry in self._entry_points()} - set(self.built_in))]

    def items(self, *, plugins: bool = True) -> Iterator[tuple[T, str]]:
        """Every usable object with its origin ("built-in" or the plugin's distribution); broken plugins are skipped.

        Lazy, built-ins first: a caller that stops early never pays for the plugin look-up."""
        for path in self.built_in.values():
            yield self._load(path), "built-in"
        if not plugins:
            return
        for entry in sorted(self._entry_points(), key=lambda e: e.name):
            if entry.name in self.built_in:
                continue
            try:
                obj = self._instantiate(entry.load(), entry.value)
            except Exception:  # noqa: BLE001 - a broken plugin must not hide the others
                continue
            yield obj, (entry.dist.name if entry.dist is not None else entry.value)

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
