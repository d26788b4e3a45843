"""The document model as JSON: the format other tools script against.

The shape is a contract (`pressconv convert FILE --to json --output -`):
title, date ("YYYY-MM-DD" or null), paragraphs after cleaning, removed (each
with a reason), plus language, source and notices. Keys are never renamed.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, BinaryIO, ClassVar

from pressconv.model import Collection, Release


@dataclasses.dataclass(frozen=True, slots=True)
class JsonOptions:
    indent: int | None = 2


class JsonWriter:
    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "the document model as JSON, for scripts and other tools"
    options_type: ClassVar[type[Any]] = JsonOptions

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        options = options or JsonOptions()
        text = json.dumps(release_to_dict(release), ensure_ascii=False, indent=options.indent)
        stream.write(text.encode("utf-8") + b"\n")

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        options = options or JsonOptions()
        data = {
            "title": collection.title,
            "language": collection.language,
            "releases": [release_to_dict(release) for release in collection.releases],
        }
        stream.write(json.dumps(data, ensure_ascii=False, indent=options.indent).encode("utf-8") + b"\n")


def release_to_dict(release: Release) -> dict[str, Any]:
    """The JSON object for one release; stable key order so outputs diff cleanly."""
    return {
        "title": release.title,
        "date": release.date.isoformat() if release.date else None,
        "language": release.language,
        "paragraphs": list(release.paragraphs),
        "removed": [
            {
                "paragraph": removal.paragraph,
                "reason": removal.reason,
                "duplicate_of": removal.duplicate_of,
                "message": removal.message,
                "text": removal.text,
            }
            for removal in release.removed
        ],
        "notices": [{"code": notice.code, "message": notice.message} for notice in release.notices],
        "source": release.source,
        "source_url": release.source_url,
    }
