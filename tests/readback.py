"""Independent readers for written documents: what a consumer of each format would see.

Kept apart from pressconv's writers on purpose: a test that read output back
with the code that wrote it could not fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlReading:
    lang: str | None = None
    title: str = ""
    heading: str = ""
    time: tuple[str | None, str] | None = None  # (datetime attribute, shown text)
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs, dateline excluded
    scripts: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    """The stdlib HTML parser, so HTML output is read without bs4 (which wrote it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = HtmlReading()
        self._open: str | None = None
        self._skip_p = False
        self._datetime: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.reading.tags.add(tag)
        values = dict(attrs)
        if tag == "html":
            self.reading.lang = values.get("lang")
        if tag == "time":
            self._datetime = values.get("datetime")
        if tag in {"title", "h1", "p", "time", "script"} and self._open is None:
            self._open, self._text = tag, []
            self._skip_p = tag == "p" and values.get("class") == "dateline"

    def handle_endtag(self, tag: str) -> None:
        if tag != self._open:
            return
        text = "".join(self._text)
        if tag == "title":
            self.reading.title = text
        elif tag == "h1":
            self.reading.heading = text
        elif tag == "script":
            self.reading.scripts.append(text)
        elif tag == "p" and not self._skip_p:
            self.reading.paragraphs.append(text)
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)
        if self._skip_p or self._open == "time":
            self.reading.time = (self._datetime, (self.reading.time[1] if self.reading.time else "") + data)


def read_html(markup: str) -> HtmlReading:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.reading
