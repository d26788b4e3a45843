"""EPUB 3 books that every reader and store accepts: epubcheck-clean, accessible, reproducible.

The release body is the same `<article>` the HTML writer builds (one builder,
so the two formats never disagree about escaping). Metadata comes from the
release — title, language, publication date — and the identifier is derived
from the content, so the same release is the same book everywhere.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import uuid
import zipfile
from dataclasses import field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar
from xml.etree import ElementTree

from pressconv.errors import OptionError
from pressconv.l10n import format_date as human_date
from pressconv.model import Collection, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import read_option_file
from pressconv.writers.packaging import ReproducibleZipFile, collection_timestamp, document_timestamp
from pressconv.writers.xhtml import build_article, serialize, xhtml_document

#: Readers bring their own themes, fonts and night modes: the book's CSS sets structure, not colour.
EPUB_CSS = """\
body { margin: 0 5%; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 1em 0 .3em; hyphens: auto; }
.dateline { margin: 0 0 1.5em; font-style: italic; }
p { margin: 0 0 .8em; orphans: 2; widows: 2; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
"""

# Images the EPUB 3 specification lets a cover be, by their first bytes.
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
    (b"RIFF", "image/webp", ".webp"),
)
_CSS_HREF = "style/book.css"
_NO_TIME = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# Identifiers derived from content live in their own UUID namespace.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/pressconv/#epub")


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

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        _write_book(stream, options or EpubOptions(), _Book(
            title=release.title, language=release.language, releases=(release,), date=release.date,
            source_url=release.source_url, timestamp=document_timestamp(release),
        ))  # fmt: skip

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        """One book, a chapter per release, each listed in the navigation document."""
        _write_book(stream, options or EpubOptions(), _Book(
            title=collection.title, language=collection.language, releases=collection.releases, date=None,
            source_url=None, timestamp=collection_timestamp(collection),
        ))  # fmt: skip


@dataclasses.dataclass(frozen=True, slots=True)
class _Book:
    """What a book is made of, whether it holds one release or a collection."""

    title: str
    language: str
    releases: tuple[Release, ...]
    date: datetime.date | None
    source_url: str | None
    timestamp: datetime.datetime | None


def _write_book(stream: BinaryIO, options: EpubOptions, spec: _Book) -> None:
    from ebooklib import epub

    css = EPUB_CSS if options.css is None else read_option_file(options.css, "stylesheet").decode("utf-8", "replace")
    book = epub.EpubBook()
    _set_metadata(book, spec, options)
    style = epub.EpubItem(uid="style", file_name=_CSS_HREF, media_type="text/css", content=css.encode("utf-8"))
    book.add_item(style)

    spine: list[Any] = [_add_cover(book, spec, options.cover)]
    single = len(spec.releases) == 1
    for number, release in enumerate(spec.releases, start=1):
        file_name = "release.xhtml" if single else f"release-{number:04d}.xhtml"
        # A finished document as a plain item: ebooklib would otherwise re-parse and re-serialise it.
        chapter = epub.EpubItem(uid=f"release-{number}", file_name=file_name, media_type="application/xhtml+xml",
                                content=_chapter_document(release))  # fmt: skip
        book.add_item(chapter)
        book.toc.append(epub.Link(file_name, release.title, f"toc-{number}"))
        spine.append(chapter)

    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav()
    nav.add_item(style)
    book.add_item(nav)
    book.spine = spine if single else [spine[0], "nav", *spine[1:]]

    writer = _writer_class()(stream, book, {"mtime": spec.timestamp or _NO_TIME, "epub3_pages": False})
    writer.process()
    writer.write()


@functools.cache
def _writer_class() -> type[Any]:
    """ebooklib's writer, writing into a zip with fixed entry times: reproducible in one pass."""
    from ebooklib import epub

    class ReproducibleEpubWriter(epub.EpubWriter):  # type: ignore[misc]
        def write(self) -> None:
            # ebooklib's own write(), with the zip class swapped; mimetype first and stored, as EPUB requires.
            self.out = ReproducibleZipFile(self.file_name, "w", zipfile.ZIP_DEFLATED)
            self.out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            self._write_container()
            self._write_opf()
            self._write_items()
            self.out.close()

    return ReproducibleEpubWriter


def content_identifier(title: str, releases: tuple[Release, ...]) -> str:
    """A UUID5 of the titles, dates and paragraphs: the same content always gets the same identifier."""
    digest = hashlib.sha256(title.encode("utf-8"))
    for release in releases:
        digest.update("\n".join(("\x1e", release.title, str(release.date), *release.paragraphs)).encode("utf-8"))
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, digest.hexdigest())}"


def _set_metadata(book: Any, spec: _Book, options: EpubOptions) -> None:
    from ebooklib import epub

    # ebooklib seeds a random identifier and its own generator tag; replace both.
    book.metadata[epub.NAMESPACES["OPF"]]["generator"] = [("", {"name": "generator", "content": "pressconv"})]
    book.set_identifier(options.identifier or content_identifier(spec.title, spec.releases))
    book.set_title(spec.title)
    book.set_language(spec.language)
    if options.author:
        book.add_author(options.author)
    if options.publisher:
        book.add_metadata("DC", "publisher", options.publisher)
    if spec.date is not None:
        book.add_metadata("DC", "date", spec.date.isoformat())
    if spec.source_url:
        book.add_metadata("DC", "source", spec.source_url)
    book.add_metadata("DC", "subject", "Press release" if len(spec.releases) == 1 else "Press releases")
    summary = (
        "Text documents, each with a heading, a publication date and paragraphs, listed in a navigable table "
        "of contents; no images other than the cover."
    )
    for prop, value in (
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})


def _chapter_document(release: Release) -> bytes:
    from bs4 import BeautifulSoup

    article = serialize(build_article(BeautifulSoup("", "html.parser"), release), xhtml=True)
    return xhtml_document(title=release.title, language=release.language, stylesheet=_CSS_HREF, body=article)


def _add_cover(book: Any, spec: _Book, cover: Path | str | None) -> Any:
    """The cover image (the user's, or a generated title card) and an XHTML page showing it."""
    from ebooklib import epub

    if cover is None:
        data, media_type, suffix = _title_card(spec.title, _cover_dateline(spec)), "image/svg+xml", ".svg"
    else:
        data = read_option_file(cover, "cover image")
        media_type, suffix = _image_type(data, str(cover))
    image_name = f"images/cover{suffix}"
    book.set_cover(image_name, data, create_page=False)
    # ebooklib infers the media type from the file name; make it exact.
    for item in book.get_items():
        if item.file_name == image_name:
            item.media_type = media_type
    document = _cover_document(image_name, spec)
    page = epub.EpubItem(uid="cover-page", file_name="cover.xhtml", media_type="application/xhtml+xml", content=document)
    book.add_item(page)
    return page


def _cover_document(image_name: str, spec: _Book) -> bytes:
    """The cover page: the image, full page."""
    section = ElementTree.Element("section", {"class": "cover", "epub:type": "cover"})
    ElementTree.SubElement(section, "img", {"src": image_name, "alt": f"Cover: {spec.title}"})
    body = ElementTree.tostring(section, encoding="unicode", short_empty_elements=True)
    return xhtml_document(title="Cover", language=spec.language, stylesheet=_CSS_HREF, body=body)


def _image_type(data: bytes, name: str) -> tuple[str, str]:
    for signature, media_type, suffix in _IMAGE_TYPES:
        if data.startswith(signature) and (media_type != "image/webp" or data[8:12] == b"WEBP"):
            return media_type, suffix
    if b"<svg" in data[:2048]:
        return "image/svg+xml", ".svg"
    raise OptionError(f"{name} is not a PNG, JPEG, GIF, WebP or SVG image; EPUB covers must be one of those")


def _cover_dateline(spec: _Book) -> str | None:
    """The date under the cover title: the release's, or the span of a collection's."""
    dates = sorted(release.date for release in spec.releases if release.date is not None)
    if not dates:
        return None
    first, last = human_date(dates[0], spec.language), human_date(dates[-1], spec.language)
    return first if first == last else f"{first} \u2013 {last}"


def _title_card(title_text: str, dateline_text: str | None) -> bytes:
    """A plain SVG cover with the title and date, so the book is recognisable on a shelf.

    Built with ElementTree, which escapes text and attributes like bs4 does, at a fraction of the cost.
    """
    font = "DejaVu Sans, Helvetica, Arial, sans-serif"
    svg = ElementTree.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "version": "1.1", "viewBox": "0 0 600 900", "width": "600", "height": "900",
    })  # fmt: skip
    ElementTree.SubElement(svg, "title").text = title_text
    ElementTree.SubElement(svg, "rect", {"width": "600", "height": "900", "fill": "#1b2a41"})
    ElementTree.SubElement(svg, "rect", {"x": "48", "y": "120", "width": "504", "height": "4", "fill": "#e0b24d"})
    lines = _wrap(title_text, 22)[:8]
    for number, line in enumerate(lines):
        attributes = {"x": "48", "y": str(200 + number * 52), "fill": "#ffffff", "font-family": font,
                      "font-size": "42", "font-weight": "bold"}  # fmt: skip
        ElementTree.SubElement(svg, "text", attributes).text = line
    if dateline_text is not None:
        attributes = {"x": "48", "y": str(200 + len(lines) * 52 + 40), "fill": "#e0b24d", "font-family": font, "font-size": "28"}
        ElementTree.SubElement(svg, "text", attributes).text = dateline_text
    label = "Press release" if dateline_text is None or "\u2013" not in dateline_text else "Press releases"
    attributes = {"x": "48", "y": "840", "fill": "#c8ccd4", "font-family": font, "font-size": "24"}
    ElementTree.SubElement(svg, "text", attributes).text = label
    return bytes(ElementTree.tostring(svg, encoding="utf-8", xml_declaration=True)) + b"\n"


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by character count (the cover's font metrics are the reader's, so this is approximate)."""
    lines: list[str] = []
    current = ""
    for whole_word in text.split():
        word = whole_word
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{current} {word}".strip()
        if len(candidate) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
