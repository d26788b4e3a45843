"""The document model as JSON: the format other tools script against.

The shape is a contract (`pressconv convert FILE --to json --output -`):
title, date ("YYYY-MM-DD" or null), paragraphs after cleaning, removed (each
with a reason), plus language, source and notices. Keys are never renamed.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, BinaryIO, ClassVar, assert_never

from pressconv.model import (
    Block,
    Collection,
    ContactBlock,
    EndMark,
    Heading,
    Link,
    ListBlock,
    NotesSection,
    Paragraph,
    Release,
    Text,
)


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
    """The JSON object for one release; stable key order so outputs diff cleanly (docs/release.schema.json)."""
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
        "updated": release.updated.isoformat() if release.updated else None,
        "byline": release.byline,
        "issuer": release.issuer,
        "label": release.label,
        "timestamp": release.timestamp,
        "blocks": [block_to_dict(block) for block in release.blocks],
    }


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block in the `blocks` contract: a "type" and the fields of that type, links where there are any."""
    match block:
        case Paragraph(text=text, links=links, lang=lang):
            return _with_lang(_with_links({"type": "paragraph", "text": text}, links), lang)
        case Heading(text=text, level=level, links=links, lang=lang):
            return _with_lang(_with_links({"type": "heading", "level": level, "text": text}, links), lang)
        case ListBlock(items=items, ordered=ordered, start=start, lang=lang):
            data: dict[str, Any] = {"type": "list", "ordered": ordered, "start": start, "items": [item.text for item in items]}
            return _with_lang(_with_links(data, _numbered_links(items, "item")), lang)
        case NotesSection(heading=heading, blocks=inner):
            return {"type": "notes", "heading": heading, "blocks": [block_to_dict(child) for child in inner]}
        case ContactBlock(lines=lines, heading=heading):
            data = {"type": "contact", "heading": heading, "lines": [line.text for line in lines]}
            return _with_links(data, _numbered_links(lines, "line"))
        case EndMark(text=text):
            return {"type": "end-mark", "text": text}
        case _:
            assert_never(block)


def _with_lang(data: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """A block in another language than the release's says which; absent means the release's (WCAG 3.1.2)."""
    if lang is not None:
        data["lang"] = lang
    return data


def _with_links(data: dict[str, Any], links: tuple[Link, ...] | list[dict[str, Any]]) -> dict[str, Any]:
    if links:
        data["links"] = [
            link if isinstance(link, dict) else {"start": link.start, "end": link.end, "href": link.href} for link in links
        ]
    return data


def _numbered_links(texts: tuple[Text, ...], kind: str) -> list[dict[str, Any]]:
    """Links of list items or contact lines: each says which (0-based) `item` or `line` it is on."""
    return [
        {kind: number, "start": link.start, "end": link.end, "href": link.href}
        for number, text in enumerate(texts)
        for link in text.links
    ]
