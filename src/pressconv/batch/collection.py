"""Many releases → one `Collection`, for writers that publish them as one document.

Reading goes through the same function as `convert`, and duplicates are found
with the same key, so a bundle holds exactly the releases a batch would write.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from pressconv.batch.run import read_source
from pressconv.batch.sources import Source
from pressconv.model import Collection, Release
from pressconv.options import ReadOptions
from pressconv.results import Result


def collect(sources: Iterable[Source], options: ReadOptions, *, title: str, keep_duplicates: bool = False) -> Result:
    """Read every source into a collection sorted by date, then title (undated last).

    The `Result` has no outputs yet: the collection, its releases' notices and removals, and the
    inputs left out — (input, error) `failures` and (input, first input) `duplicates`.
    """
    releases: list[Release] = []
    failures: list[tuple[str, str]] = []
    duplicates: list[tuple[str, str]] = []
    first_seen: dict[str, str] = {}
    for source in sources:
        _, reading = read_source(source, options)
        if isinstance(reading, str):
            failures.append((source.name, reading))
        elif not keep_duplicates and reading.key in first_seen:
            duplicates.append((source.name, first_seen[reading.key]))
        else:
            first_seen.setdefault(reading.key, source.name)
            releases.append(reading.release)
    releases.sort(key=reading_order)
    collection = Collection(title=title, releases=tuple(releases), language=options.language_or_default)
    return Result(
        None,
        notices=tuple(notice for release in releases for notice in release.notices),
        removed=tuple(removal for release in releases for removal in release.removed),
        collection=collection,
        failures=tuple(failures),
        duplicates=tuple(duplicates),
    )


def reading_order(release: Release) -> tuple[bool, datetime.date, bool, str]:
    """By date (undated last), then title; on one date the releases with no title come after the titled ones."""
    return (release.date is None, release.date or datetime.date.min, release.title is None, (release.title or "").casefold())
