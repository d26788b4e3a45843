"""One format of one release, written: the piece of a batch that any process can do.

Kept apart from `run` (the driver, with its sources, names and executors):
`BatchPlan` and `Written` travel to and from pool workers pickled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pressconv.api import write_document
from pressconv.errors import PressconvError
from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.writers import get_writer, make_options


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Everything a worker needs to convert a release; picklable, so it can travel to other processes or machines."""

    formats: tuple[str, ...]
    output_dir: str
    settings: Mapping[str, object] = field(default_factory=dict)
    read: ReadOptions = field(default_factory=ReadOptions)
    name_template: str = "{stem}"
    skip_existing: bool = False
    overwrite: bool = False
    keep_duplicates: bool = False


@dataclass(frozen=True, slots=True)
class Written:
    """One format of one release: written to `path`, or `error`; the writer's notices as (code, message)."""

    format: str
    path: str
    error: str | None = None
    notices: tuple[tuple[str, str], ...] = ()


def write_format(release: Release, format_name: str, path: str, plan: BatchPlan) -> Written:
    """Render one format and write its file atomically; any failure becomes data."""
    if plan.skip_existing and Path(path).exists():
        # A run killed between one release's formats: files under their final names are complete.
        return Written(format_name, path)
    try:
        # Built, not checked: the batch checked the options once before any release (re-checking would
        # read every option file again, for every release and format).
        writer = get_writer(format_name)
        options = make_options(writer, plan.settings, strict=False)
        found = write_document(writer, release, Path(path), options, overwrite=plan.overwrite)
        return Written(format_name, path, notices=tuple((notice.code, notice.message) for notice in found))
    except PressconvError as error:
        return Written(format_name, path, str(error))
    except Exception as error:  # noqa: BLE001 - one bad input must never stop the batch
        return Written(format_name, path, f"internal error: {type(error).__name__}: {error}")


def write_formats(release: Release, targets: list[tuple[str, str]], plan: BatchPlan) -> list[Written]:
    """Write `release` in each (format, path) of `targets`, in order."""
    return [write_format(release, name, path, plan) for name, path in targets]


__all__ = ["BatchPlan", "Written", "write_format", "write_formats"]
