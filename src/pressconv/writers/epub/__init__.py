"""EPUB 3 books that every reader and store accepts: epubcheck-clean, Ace-clean, reproducible.

The release body is the same `<article>` the HTML writer builds (one builder,
so the two formats never disagree about escaping or structure). Metadata comes
from the release — title, language, publication date, byline, issuer — and the
identifier is derived from the content, so the same release is the same book
everywhere. The accessibility metadata says what the book really is: text in
reading order with headings, lists and a navigable contents, one image (the
cover) with a text alternative, conforming to EPUB Accessibility 1.1 at WCAG 2.2 AA.

This module is the writer's face (options, which the CLI turns into flags, and
the class the registry loads); `book` does the work, imported by the first
`write`, so building the command line never imports ebooklib or the cover code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import field
from typing import Any, BinaryIO, ClassVar

from pressconv.model import Collection, Notice, Release
from pressconv.options import FileValue, option

__all__ = ["EPUB_CSS", "EpubOptions", "EpubWriter"]

#: Readers bring their own themes, fonts and night modes: the book's CSS sets structure, not colour.
EPUB_CSS = """\
body { margin: 0 5%; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 1em 0 .3em; hyphens: auto; }
h2 { font-size: 1.25em; margin: 1.4em 0 .4em; }
h3, h4, h5, h6 { font-size: 1.05em; margin: 1.2em 0 .3em; }
.dateline { margin: 0 0 .2em; }
.byline, .issuer { margin: 0 0 .2em; font-style: italic; }
article > header { margin-bottom: 1.5em; }
p, li { margin: 0 0 .8em; orphans: 2; widows: 2; }
.notes { margin-top: 1.5em; font-size: .95em; }
address { font-style: normal; margin-top: 1em; }
address p { margin: 0; }
.end-mark { text-align: center; letter-spacing: .2em; font-size: .85em; margin: 1.5em 0; }
html, body.cover-page { height: 100%; }
body.cover-page { margin: 0; padding: 0; }
.cover { margin: 0; padding: 0; height: 100%; text-align: center; }
.cover img { display: block; margin: 0 auto; width: 100%; height: 100%; object-fit: contain; }
"""


@dataclasses.dataclass(frozen=True, slots=True)
class EpubOptions:
    css: FileValue | None = field(
        default=None, metadata=option("stylesheet instead of the built-in one", file=True, metavar="FILE.css")
    )
    cover: FileValue | None = field(
        default=None,
        metadata=option("cover image (PNG, JPEG, GIF, WebP or SVG; default: a generated title card)", file=True, metavar="IMAGE"),
    )
    identifier: str | None = field(
        default=None, metadata=option("dc:identifier (default: a UUID derived from the content)", metavar="ID")
    )
    #: The publisher; None takes the release's issuer.
    publisher: str | None = field(default=None, metadata=option("publisher (default: the release's issuer)", metavar="NAME"))
    #: The author; None takes the release's byline.
    author: str | None = field(default=None, metadata=option("author in the document properties (default: the byline)",
                                                             metavar="NAME"))  # fmt: skip


class EpubWriter:
    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = ".epub"
    media_type: ClassVar[str] = "application/epub+zip"
    description: ClassVar[str] = "an EPUB 3 e-book (epubcheck-clean, with accessibility metadata)"
    options_type: ClassVar[type[Any]] = EpubOptions

    def check(self, options: Any) -> None:
        """Refuse, before any release is written, a stylesheet that is not UTF-8 or a cover that is not a safe image."""
        options = options or EpubOptions()
        if options.css is not None or options.cover is not None:
            from pressconv.writers.epub.book import check_options

            check_options(options)

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        from pressconv.writers.epub.book import write_release

        return write_release(release, stream, options or EpubOptions())

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        """One book, a chapter per release, each listed (title and date) in the navigation document."""
        from pressconv.writers.epub.book import write_collection

        return write_collection(collection, stream, options or EpubOptions())
