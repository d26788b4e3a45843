"""Many releases → one `Collection`, for writers that publish them as one document.

Reading goes through the same function as `convert`, and duplicates are found
with the same key, so a bundle holds exactly the releases a batch would write.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from pressconv.batch.run import read_source
from pressconv.batch.sources import Source
from pressconv.model import Collection, Release
from pressconv.options import ReadOptions


@dataclass(frozen=True, slots=True)
class Gathered:
    """A collection, and what did not make it in: (input, error) failures and (input, duplicate of) pairs."""

    collection: Collection
    failures: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)


def collect(sources: Iterable[Source], options: ReadOptions, *, title: str, keep_duplicates: bool = False) -> Gathered:
    """Read every source into a collection sorted by date, then title (undated last)."""
    releases: list[Release] = []
    failures: list[tuple[str, str]] = []
    duplicates: list[tuple[str, str]] = []
    first_seen: dict[str, str] = {}
    for index, source in enumerate(sources):
        read = read_source(index, source, options)
        if read.release is None:
            failures.append((source.name, read.error or "could not be read"))
        elif not keep_duplicates and read.key in first_seen:
            duplicates.append((source.name, first_seen[read.key]))
        else:
            first_seen.setdefault(read.key, source.name)
            releases.append(read.release)
    releases.sort(key=reading_order)
    return Gathered(Collection(title=title, releases=tuple(releases), language=options.language_or_default), failures, duplicates)


def reading_order(release: Release) -> tuple[bool, datetime.date, str]:
    return (release.date is None, release.date or datetime.date.min, release.title.casefold())
