"""Cleaning: remove what the scraper added — repeated text and the web page around the release — and nothing else.

The cleaner sees the body as *units*: every piece of text in the release's
`paragraphs` view (a paragraph, a heading, a list item, a contact line, a
notes heading). Steps run in order over the units still kept, each a plain
function with a name, so one can be switched off (`clean(release, skip={"page-chrome"})`)
and tested alone — the shape of markdown-it's rule chains:

- ``page-chrome`` (`cleaning.chrome`): share buttons, navigation, cookie and caption lines;
- ``repeats`` (`cleaning.repeats`): repeated runs, copies of the title, glued copies.

Each removal is a `Removal`, reported beside the cleaned release. The blocks
are then rebuilt from what was kept: a list loses a repeated item, a notes
section that was all repeats goes, an end mark is never touched. All state
lives inside one call, so results never depend on what the process saw before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from pressconv.cleaning.chrome import remove_chrome
from pressconv.cleaning.repeats import remove_repeats
from pressconv.cleaning.units import Unit
from pressconv.keys import typographic_key
from pressconv.model import (
    Block,
    ContactBlock,
    EndMark,
    Heading,
    Link,
    ListBlock,
    NotesSection,
    Paragraph,
    Release,
    Removal,
    Text,
)

__all__ = ["STEPS", "Cleaned", "Unit", "clean", "clean_keyed", "typographic_key"]


class Cleaned(NamedTuple):
    """The cleaned release and what was taken out of it (also kept on `release.removed`)."""

    release: Release
    removed: tuple[Removal, ...]


#: A cleaning step: looks at the release and its units, marks removals, returns what it removed.
Step = Callable[[Release, list[Unit]], list[Removal]]


#: The steps, in the order they run. Chrome first, so a repeated "Share this page" is reported as chrome.
STEPS: tuple[tuple[str, Step], ...] = (("page-chrome", remove_chrome), ("repeats", remove_repeats))


def clean(release: Release, *, skip: Collection[str] = ()) -> Cleaned:
    """Drop repeated text, copies of the title and lines of the web page; report each removal.

    Deterministic, order-preserving and idempotent: cleaning a cleaned
    release removes nothing more. `skip` names steps not to run.
    """
    return clean_keyed(release, skip=skip)[0]


def clean_keyed(release: Release, *, skip: Collection[str] = ()) -> tuple[Cleaned, tuple[str, ...]]:
    """`clean`, plus the typographic keys of the title and the kept text, for callers that compare
    whole releases (batch de-duplication) and would otherwise compute them again."""
    unknown = set(skip) - {name for name, _ in STEPS}
    if unknown:
        raise ValueError(f"no cleaning step {sorted(unknown)[0]!r}; the steps are {', '.join(name for name, _ in STEPS)}")
    units = list(_units(release.blocks))
    removed: list[Removal] = []
    for name, step in STEPS:
        if name not in skip:
            removed += step(release, [unit for unit in units if not unit.removed])
    removed = _keep_structure(units, removed)
    kept = [unit for unit in units if not unit.removed]
    keys = (typographic_key(release.title or ""), *(unit.key or typographic_key(unit.text) for unit in kept))
    if not removed and all(unit.text == original for unit, original in zip(units, release.paragraphs, strict=True)):
        return Cleaned(release, ()), keys
    removed.sort(key=lambda removal: removal.paragraph)
    blocks = _rebuild(release.blocks, iter(units))
    # The page lines the reader judged were acted on (or deliberately kept): their numbers are stale now.
    cleaned = dataclasses.replace(release, blocks=blocks, removed=release.removed + tuple(removed), page_lines=())
    return Cleaned(cleaned, tuple(removed)), keys


#: A list item or contact line this short ("Press office", "Tel: 01632 960123", "Yes") repeats legitimately
#: across blocks; it is removed only inside a run of repeats (a section scraped twice).
_SHORT_WORDS = 4
_REPEATS = frozenset({"repeated-paragraph", "repeats-title"})


def _keep_structure(units: list[Unit], removed: list[Removal]) -> list[Removal]:
    """Undo removals the block structure contradicts, so what is reported is exactly what goes.

    - A notes or contact heading stays while any of its section stays (a section cannot lose its heading).
    - A short list item or contact line repeated outside a run of repeats stays: the same switchboard
      number in two contact blocks is the release's text, not the scraper's.
    """
    as_repeats = {removal.paragraph for removal in removed if removal.reason in _REPEATS}
    restored: set[int] = set()
    for position, unit in enumerate(units):
        if not unit.removed or unit.number not in as_repeats:
            continue
        if unit.content and any(not inner.removed for inner in unit.content):
            unit.removed = False
            restored.add(unit.number)
        elif unit.kind in ("item", "contact") and len(unit.text.split()) < _SHORT_WORDS:
            neighbours = [units[i] for i in (position - 1, position + 1) if 0 <= i < len(units)]
            if not any(other.removed and other.kind != "end-mark" for other in neighbours):
                unit.removed = False
                restored.add(unit.number)
    if not restored:
        return removed
    return [removal for removal in removed if not (removal.paragraph in restored and removal.reason in _REPEATS)]


def _units(blocks: tuple[Block, ...]) -> Iterator[Unit]:
    """Units in `paragraphs` order (the numbering `Removal.paragraph` uses)."""
    number = 0

    def unit(text: str, kind: str) -> Unit:
        nonlocal number
        number += 1
        return Unit(number, text, kind)

    def walk(blocks: tuple[Block, ...]) -> Iterator[Unit]:
        for block in blocks:
            match block:
                case Paragraph(text=text):
                    yield unit(text, "paragraph")
                case Heading(text=text):
                    yield unit(text, "heading")
                case EndMark(text=text):
                    yield unit(text, "end-mark")
                case ListBlock(items=items):
                    yield from (unit(item.text, "item") for item in items)
                case ContactBlock(lines=lines, heading=heading):
                    head = unit(heading, "contact-heading") if heading else None
                    if head is not None:
                        yield head
                    for line in lines:
                        inner = unit(line.text, "contact")
                        if head is not None:
                            head.content.append(inner)
                        yield inner
                case NotesSection(heading=heading, blocks=inner_blocks):
                    head = unit(heading, "notes-heading")
                    yield head
                    for inner in walk(inner_blocks):
                        head.content.append(inner)
                        yield inner

    yield from walk(blocks)


def _rebuild(blocks: tuple[Block, ...], units: Iterator[Unit]) -> tuple[Block, ...]:
    """The blocks again, from the units in the same order, without the removed ones."""
    kept: list[Block] = []
    for block in blocks:
        match block:
            case Paragraph(text=text, links=links):
                unit = next(units)
                if not unit.removed:
                    kept.append(dataclasses.replace(block, text=unit.text, links=_shift_links(text, unit.text, links)))
            case Heading(text=text, links=links):
                unit = next(units)
                if not unit.removed:
                    kept.append(dataclasses.replace(block, text=unit.text, links=_shift_links(text, unit.text, links)))
            case EndMark():
                if not next(units).removed:
                    kept.append(block)
            case ListBlock(items=items):
                texts = _kept_texts(items, units)
                if texts:
                    kept.append(dataclasses.replace(block, items=texts))
            case ContactBlock(lines=lines, heading=heading):
                heading_unit = next(units) if heading else None
                texts = _kept_texts(lines, units)
                if texts:
                    kept.append(ContactBlock(texts, heading))
                elif heading and heading_unit is not None and not heading_unit.removed:
                    kept.append(Paragraph(heading))
            case NotesSection(heading=heading, blocks=inner):
                heading_unit = next(units)
                content = _rebuild(inner, units)
                if content:
                    kept.append(NotesSection(heading, content))
                elif not heading_unit.removed:
                    kept.append(Heading(heading))
    return tuple(kept)


def _kept_texts(texts: tuple[Text, ...], units: Iterator[Unit]) -> tuple[Text, ...]:
    kept = []
    for text in texts:
        unit = next(units)
        if not unit.removed:
            kept.append(Text(unit.text, _shift_links(text.text, unit.text, text.links)))
    return tuple(kept)


def _shift_links(original: str, kept: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """The links that still lie inside `kept`, a piece of `original` a step cut down."""
    if kept == original or not links:
        return links
    offset = original.find(kept)
    if offset < 0:
        return ()
    end = offset + len(kept)
    return tuple(
        Link(link.start - offset, link.end - offset, link.href) for link in links if offset <= link.start and link.end <= end
    )
