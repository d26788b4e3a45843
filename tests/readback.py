"""Independent readers for written documents: what a consumer of each format would see.

Kept apart from pressconv's writers on purpose: a test that read output back
with the code that wrote it could not fail.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class HtmlReading:
    lang: str | None = None
    title: str = ""
    heading: str = ""
    time: tuple[str | None, str] | None = None  # (datetime attribute, shown text) of the first date
    #: Every piece of body text in reading order (paragraphs, subheadings, list items, contact lines), as
    #: `Release.paragraphs` lists them; the article's header (title, dateline, byline, issuer) excluded.
    paragraphs: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)


# Elements whose text is one unit of the body; an <a> or <time> inside one is part of its text.
_UNITS = frozenset({"p", "li", "h2", "h3", "h4", "h5", "h6"})


class _Reader(HTMLParser):
    """The stdlib HTML parser, so HTML output is read without the library that wrote it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = HtmlReading()
        self._open: str | None = None
        self._in_header = 0
        self._datetime: str | None = None
        self._in_time = False
        self._time_parts: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.reading.tags.add(tag)
        values = dict(attrs)
        if tag == "html":
            self.reading.lang = values.get("lang")
        elif tag == "header":
            self._in_header += 1
        elif tag == "time" and self.reading.time is None:
            self._datetime, self._in_time = values.get("datetime"), True
        if self._open is None and (tag in {"title", "h1", "script"} or (tag in _UNITS and not self._in_header)):
            self._open, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self._in_header -= 1
        if tag == "time" and self._in_time:
            self._in_time = False
            if self.reading.time is None:
                self.reading.time = (self._datetime, "")
        if tag != self._open:
            return
        text = "".join(self._text)
        if tag == "title":
            self.reading.title = text
        elif tag == "h1":
            self.reading.heading = self.reading.heading or text
        elif tag == "script":
            self.reading.scripts.append(text)
        else:
            self.reading.paragraphs.append(text)
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)
        if self._in_time:
            self._time_parts.append(data)

    def close(self) -> None:
        super().close()
        if self.reading.time is not None:
            self.reading.time = (self.reading.time[0], "".join(self._time_parts))


def read_html(markup: str) -> HtmlReading:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.reading


def shown_paragraphs(release: Any) -> list[str]:
    """`Release.paragraphs` as the writers show them: a section's heading without its colon
    ("Media contact:" is set as "Media contact"); everything else as it is."""
    from pressconv.model import ContactBlock, NotesSection, iter_texts
    from pressconv.writers.base import heading_text

    shown: list[str] = []
    for block in release.blocks:
        if isinstance(block, NotesSection):
            shown.append(heading_text(block.heading))
            shown += shown_paragraphs(dataclasses.replace(release, blocks=block.blocks))
        elif isinstance(block, ContactBlock) and block.heading:
            shown.append(heading_text(block.heading))
            shown += [line.text for line in block.lines]
        else:
            shown += list(iter_texts((block,)))
    return shown
