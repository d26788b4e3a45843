"""The EPUB writer's work: metadata, the cover, the chapters, the navigation, the package (see the package docstring)."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import zipfile
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, SubElement

from pressconv.l10n import document_title, format_date, label, shown_title, text_direction
from pressconv.model import Collection, Notice, Release
from pressconv.notices import Code, notice
from pressconv.options import FileValue
from pressconv.writers.base import document_author, read_option_file
from pressconv.writers.cover import title_card
from pressconv.writers.epub import EPUB_CSS, EpubOptions
from pressconv.writers.packaging import ReproducibleZipFile, collection_timestamp, document_timestamp
from pressconv.writers.svg import CoverImage, cover_image
from pressconv.writers.xhtml import build_article, contents_entry_text, read_stylesheet, xhtml_document

_CSS_HREF = "style/book.css"
_NO_TIME = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# Identifiers derived from content live in their own UUID namespace: uuid5(NAMESPACE_URL,
# "https://pypi.org/project/pressconv/#epub"), written out, as is the UUID5 below: on Linux the uuid module
# imports platform and asks uname at import, which every EPUB would pay. tests/writers/epub/test_epub.py checks both.
_NAMESPACE = bytes.fromhex("4a5ec51e198a56bd961d43bc70f7594a")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write_release(release: Release, stream: BinaryIO, options: EpubOptions) -> list[Notice]:
    """The release as a one-chapter book on `stream`."""
    return _write_book(stream, options, _Book(
        title=document_title(release.title, release.date, release.language), language=release.language, releases=(release,),
        date=release.date,
        source_url=release.source_url, timestamp=document_timestamp(release),
    ))  # fmt: skip


def write_collection(collection: Collection, stream: BinaryIO, options: EpubOptions) -> list[Notice]:
    """One book, a chapter per release, each listed (title and date) in the navigation document."""
    return _write_book(stream, options, _Book(
        title=collection.title, language=collection.language, releases=collection.releases, date=None,
        source_url=None, timestamp=collection_timestamp(collection),
    ))  # fmt: skip


def check_options(options: EpubOptions) -> None:
    """Refuse a stylesheet that is not UTF-8 or a cover that is not a safe image."""
    _stylesheet(options)
    if options.cover is not None:
        _user_cover(options.cover)


@dataclasses.dataclass(frozen=True, slots=True)
class _Book:
    """What a book is made of, whether it holds one release or a collection."""

    title: str
    language: str
    releases: tuple[Release, ...]
    date: datetime.date | None
    source_url: str | None
    timestamp: datetime.datetime | None

    @property
    def single(self) -> bool:
        return len(self.releases) == 1


def _stylesheet(options: EpubOptions) -> bytes:
    return read_stylesheet(options.css, EPUB_CSS).encode("utf-8")


def _user_cover(value: FileValue) -> CoverImage:
    name = "the cover given as bytes" if isinstance(value, bytes) else str(value)
    return cover_image(read_option_file(value, "cover image"), name)


def _write_book(stream: BinaryIO, options: EpubOptions, spec: _Book) -> list[Notice]:
    from ebooklib import epub

    notices: list[Notice] = []
    book = epub.EpubBook()
    direction = text_direction(spec.language)
    if direction == "rtl":
        book.set_direction("rtl")
    _set_metadata(book, spec, options)
    style = epub.EpubItem(uid="style", file_name=_CSS_HREF, media_type="text/css", content=_stylesheet(options))
    book.add_item(style)

    cover = _cover(spec) if options.cover is None else _user_cover(options.cover)
    if cover.removed:
        notices.append(notice(Code.COVER_SANITISED, f"removed from the SVG cover: {', '.join(cover.removed)}"))
    spine: list[Any] = [_add_cover(book, spec, cover)]
    for number, release in enumerate(spec.releases, start=1):
        file_name = "release.xhtml" if spec.single else f"release-{number:04d}.xhtml"
        # A finished document as a plain item: ebooklib would otherwise re-parse and re-serialise it.
        chapter = epub.EpubItem(uid=f"release-{number}", file_name=file_name, media_type="application/xhtml+xml",
                                content=_chapter_document(release))  # fmt: skip
        book.add_item(chapter)
        entry = shown_title(release.title, release.language) if spec.single else contents_entry_text(release, spec.language)
        book.toc.append(epub.Link(file_name, entry, f"toc-{number}"))
        spine.append(chapter)

    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=label("contents", spec.language), direction="rtl" if direction == "rtl" else None)
    nav.add_item(style)
    book.add_item(nav)
    book.spine = spine if spec.single else [spine[0], "nav", *spine[1:]]

    writer = _writer_class()(stream, book, {"mtime": spec.timestamp or _NO_TIME, "epub3_pages": False})
    writer.process()
    writer.write()
    return notices


@functools.lru_cache(maxsize=1)
def _writer_class() -> type[Any]:
    """ebooklib's writer, writing into a zip with fixed entry times (reproducible in one pass) and
    with the package's language on the OPF root, where EPUB Accessibility expects it."""
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

        def _write_opf_file(self, root: Any) -> None:
            root.set(_XML_LANG, self.book.language)
            super()._write_opf_file(root)

    return ReproducibleEpubWriter


def content_identifier(title: str, releases: tuple[Release, ...]) -> str:
    """A UUID5 of the titles, dates and paragraphs: the same content always gets the same identifier."""
    digest = hashlib.sha256(title.encode("utf-8"))
    for release in releases:
        # No title hashes as "\x1f", which no title can be (a control character): apart from any title.
        digest.update("\n".join(("\x1e", release.title or "\x1f", str(release.date), *release.paragraphs)).encode("utf-8"))
    return f"urn:uuid:{uuid5(_NAMESPACE, digest.hexdigest())}"


def uuid5(namespace: bytes, name: str) -> str:
    """The RFC 4122 version 5 UUID of `name` in `namespace`, spelled as `str(uuid.uuid5(...))` spells it."""
    digest = bytearray(hashlib.sha1(namespace + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _common(values: list[str | None]) -> str | None:
    """The one value every release shares (a collection's common issuer), else None."""
    distinct = set(values)
    return values[0] if len(distinct) == 1 else None


_ACCESSIBILITY_SUMMARY = (
    "This publication conforms to WCAG 2.2 Level AA. It is text in reading order, with its title, "
    "subheadings, lists, notes and contact details marked up as such, and a navigable table of contents; "
    "the only image is the cover, which carries the title as its text alternative."
)


def _set_metadata(book: Any, spec: _Book, options: EpubOptions) -> None:
    from ebooklib import epub

    # ebooklib seeds a random identifier and its own generator tag; replace both.
    book.metadata[epub.NAMESPACES["OPF"]]["generator"] = [("", {"name": "generator", "content": "pressconv"})]
    book.set_identifier(options.identifier or content_identifier(spec.title, spec.releases))
    book.set_title(spec.title)
    book.set_language(spec.language)
    author = document_author(options.author, spec.releases)
    if author:
        book.add_author(author)
    publisher = options.publisher or _common([release.issuer for release in spec.releases])
    if publisher:
        book.add_metadata("DC", "publisher", publisher)
    if spec.date is not None:
        book.add_metadata("DC", "date", spec.date.isoformat())
    if spec.source_url:
        book.add_metadata("DC", "source", spec.source_url)
    book.add_metadata("DC", "subject", label("press-release" if spec.single else "press-releases", spec.language))
    for prop, value in (
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", _ACCESSIBILITY_SUMMARY),
        ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"),
        ("a11y:certifiedBy", "pressconv (automated checks: epubcheck, Ace by DAISY)"),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})


def _chapter_document(release: Release) -> bytes:
    title = document_title(release.title, release.date, release.language)
    return xhtml_document(title=title, language=release.language, stylesheet=_CSS_HREF, body=build_article(release))


def _cover(spec: _Book) -> CoverImage:
    """The generated title card: title, date (or a collection's span of dates) and a label."""
    key = "press-release" if spec.single else "press-releases"
    title = spec.title
    kind: str | None = label(key, spec.language)
    if spec.single and spec.releases[0].title is None:
        # No title: the card shows the kind of document once, the date below it (as the chapter's heading does).
        title, kind = shown_title(None, spec.language), None
    data = title_card(title, _cover_dateline(spec), kind, language=spec.language,
                      direction=text_direction(spec.language))  # fmt: skip
    return CoverImage(data, "image/svg+xml", ".svg")


def _add_cover(book: Any, spec: _Book, cover: CoverImage) -> Any:
    """The cover image and an XHTML page showing it."""
    from ebooklib import epub

    image_name = f"images/cover{cover.suffix}"
    book.set_cover(image_name, cover.data, create_page=False)
    # ebooklib infers the media type from the file name; make it exact.
    for item in book.get_items():
        if item.file_name == image_name:
            item.media_type = cover.media_type
    section = Element("section", {"class": "cover", "epub:type": "cover"})
    SubElement(section, "img", {"src": image_name, "alt": spec.title})
    document = xhtml_document(
        title=label("cover", spec.language), language=spec.language, stylesheet=_CSS_HREF, body=section, body_class="cover-page"
    )
    page = epub.EpubItem(uid="cover-page", file_name="cover.xhtml", media_type="application/xhtml+xml", content=document)
    book.add_item(page)
    return page


def _cover_dateline(spec: _Book) -> str | None:
    """The date under the cover title: the release's, or the span of a collection's."""
    dates = sorted(release.date for release in spec.releases if release.date is not None)
    if not dates:
        return None
    first, last = format_date(dates[0], spec.language), format_date(dates[-1], spec.language)
    return first if first == last else f"{first} \u2013 {last}"
