"""Many releases → one `Collection`, for writers that publish them as one document.

Reading goes through the same stage as `convert`, and duplicates are found
with the same key, so a bundle holds exactly the releases a batch would write.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from pressconv.batch import BatchPlan, read_source
from pressconv.decoding import DEFAULT_MAX_BYTES
from pressconv.model import DEFAULT_LANGUAGE, Collection, Release
from pressconv.sources import Source


def build_collection(
    sources: Iterable[Source],
    *,
    title: str,
    language: str = DEFAULT_LANGUAGE,
    remove_duplicates: bool = True,
    keep_duplicates: bool = False,
    month_first: bool = False,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Collection, list[tuple[str, str]]]:
    """Read every source; returns the collection (sorted by date, then title; undated last) and (input, error) failures."""
    plan = BatchPlan(
        formats=(), output_dir="", remove_duplicates=remove_duplicates, month_first=month_first,
        language=language, encoding=encoding, max_bytes=max_bytes,
    )  # fmt: skip
    releases: list[Release] = []
    failures: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, source in enumerate(sources):
        read = read_source(index, source, plan)
        if read.release is None:
            failures.append((source.name, read.error or "could not be read"))
        elif keep_duplicates or read.key not in seen:
            seen.add(read.key)
            releases.append(read.release)
    releases.sort(key=reading_order)
    return Collection(title=title, releases=tuple(releases), language=language), failures


def reading_order(release: Release) -> tuple[bool, datetime.date, str]:
    return (release.date is None, release.date or datetime.date.min, release.title.casefold())
