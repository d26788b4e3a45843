"""The unit cleaning steps work on: one piece of body text, with its place and kind."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Unit:
    """One piece of body text while it is being cleaned.

    `number` is its 1-based place in `Release.paragraphs`; `kind` says what
    it is ("paragraph", "heading", "item", "contact", "notes-heading",
    "contact-heading", "end-mark") so a step can leave some kinds alone.
    A step may shorten `text` (a glued copy cut off) or set `removed`.
    """

    number: int
    text: str
    kind: str
    key: str = ""
    removed: bool = False
    #: For a notes or contact heading: the units of its section, so the heading can follow them.
    content: list[Unit] = field(default_factory=list)
