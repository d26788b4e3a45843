"""Word documents a press officer can send on without touching.

Real styles, not direct formatting — Title, Date, Normal — so a house
template (`reference_doc`, like pandoc's option) restyles everything. Core
properties come from the release, never from python-docx's template; the zip
is written reproducibly, so the same release gives the same bytes.

The built-in template is python-docx's default slimmed once per process: its
438 KB of style definitions are cut to the few styles a release uses, and the
parts a release never needs (thumbnail, stylesWithEffects, custom XML) are
dropped. Loading that lean template is most of the per-document cost.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import functools
import io
import zipfile
from dataclasses import field
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from pressconv.errors import OptionError
from pressconv.l10n import format_date as human_date
from pressconv.model import Collection, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import paper_size_mm, read_option_file
from pressconv.writers.packaging import ReproducibleZipFile, collection_timestamp, document_timestamp, reproducible_zip

if TYPE_CHECKING:
    from docx.document import Document

DATE_STYLE = "Date"
CONTENTS_STYLE = "Contents Entry"
_KEPT_STYLE_IDS = {
    "Normal",
    "Title",
    "TitleChar",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "Header",
    "HeaderChar",
    "Footer",
    "FooterChar",
    "Heading1",
    "Heading1Char",
}
_DROPPED_PARTS = ("thumbnail", "stylesWithEffects", "customXml", "webSettings")
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>pressconv</Application></Properties>"
)


@dataclasses.dataclass(frozen=True, slots=True)
class DocxOptions:
    reference_doc: FileValue | None = field(
        default=None,
        metadata=option("use this document's styles, fonts, margins, headers and footers (not its text)", file=True,
                        metavar="FILE.docx"),
    )  # fmt: skip
    #: "a4" or "letter"; None keeps the reference document's page, or A4 for the built-in template.
    paper: str | None = field(default=None, metadata=option("docx, pdf: page size (default: a4)", choices=("a4", "letter")))
    #: Written to the author and last-modified-by properties; None takes the release's byline.
    author: str | None = field(default=None, metadata=option("author in the document properties (default: the byline)",
                                                             metavar="NAME"))  # fmt: skip

    def __post_init__(self) -> None:
        if self.paper is not None:
            paper_size_mm(self.paper)


class DocxWriter:
    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description: ClassVar[str] = "a Word document in real styles (Title, Date, Normal)"
    options_type: ClassVar[type[Any]] = DocxOptions

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        options = options or DocxOptions()
        document = _new_document(options, release.language)
        _add_release(document, release, title_style="Title")
        _set_properties(
            document, title=release.title, language=release.language, when=document_timestamp(release),
            author=options.author if options.author is not None else (release.byline or ""), source_url=release.source_url,
        )  # fmt: skip
        _save(document, stream)

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        """The collection's title, a contents list, then each release from a new page under a Heading 1."""
        options = options or DocxOptions()
        document = _new_document(options, collection.language)
        document.add_paragraph(collection.title, style="Title")
        document.add_paragraph("Contents", style="Heading 1")
        for release in collection.releases:
            dateline = f" \u2014 {human_date(release.date, release.language)}" if release.date else ""
            document.add_paragraph(f"{release.title}{dateline}", style=CONTENTS_STYLE)
        for release in collection.releases:
            heading = _add_release(document, release, title_style="Heading 1")
            heading.paragraph_format.page_break_before = True
        timestamp = collection_timestamp(collection)
        _set_properties(
            document, title=collection.title, language=collection.language, when=timestamp, author=options.author or "", source_url=None
        )
        _save(document, stream)


def _new_document(options: DocxOptions, language: str) -> Document:
    if options.reference_doc is None:
        # A deep copy of the parsed template is ~3× cheaper than parsing the package again.
        document = copy.deepcopy(_house_document())
    else:
        document = _open(read_option_file(options.reference_doc, "reference document"), str(options.reference_doc))
        _clear_body(document)
        _ensure_styles(document)
    if options.paper is not None or options.reference_doc is None:
        _set_paper(document, (options.paper or "a4").lower())
    _set_language(document, language)
    return document


def _add_release(document: Document, release: Release, *, title_style: str) -> Any:
    """Title, dateline and paragraphs, in styles; returns the title paragraph."""
    heading = _add_text(document, release.title, title_style)
    if release.date is not None:
        _add_text(document, human_date(release.date, release.language), DATE_STYLE)
    for text in release.paragraphs:
        _add_text(document, text, None)
    return heading


def _add_text(document: Document, text: str, style: str | None) -> Any:
    """A paragraph holding `text` in one run.

    python-docx's `run.text` walks the text a character at a time looking for
    tabs and line breaks, which a `Release` never holds; adding the `<w:t>`
    directly writes the same XML at a fraction of the cost.
    """
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run()._r.add_t(text)
    return paragraph


def _save(document: Document, stream: BinaryIO) -> None:
    """Write the package once, straight into a zip with fixed entry times.

    This is python-docx's own `OpcPackage.save`, with its zip writer swapped
    for one that is reproducible, which saves deflating everything twice.
    Should python-docx rename the helpers, save normally and re-zip.
    """
    writer_api = _package_writer()
    if writer_api is None:
        buffer = io.BytesIO()
        document.save(buffer)
        stream.write(reproducible_zip(buffer.getvalue()))
        return
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    with ReproducibleZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _PartWriter(archive)
        writer_api._write_content_types_stream(writer, parts)
        writer_api._write_pkg_rels(writer, package.rels)
        writer_api._write_parts(writer, parts)


def _package_writer() -> Any:
    """python-docx's PackageWriter when it still has the helpers `_save` calls, else None."""
    from docx.opc.pkgwriter import PackageWriter

    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    return PackageWriter if all(hasattr(PackageWriter, step) for step in steps) else None


class _PartWriter:
    """python-docx's physical-package writer interface, over a reproducible zip."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.archive.writestr(pack_uri.membername, blob)


def _open(data: bytes, name: str = "the template") -> Document:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many types for a bad package
        message = f"{name} is not a readable .docx ({type(error).__name__}); save it from Word or LibreOffice again"
        raise OptionError(message) from None


@functools.cache
def _house_document() -> Document:
    """The house template, parsed once per process. Never modified: every document is a deep copy."""
    return _open(_house_template())


@functools.cache
def _house_template() -> bytes:
    """python-docx's default template, slimmed and given pressconv's styles; built once per process.

    A cache of constant bytes: output never depends on what was converted before.
    """
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    for owner in (document.part.package, document.part):
        for rid, relationship in list(owner.rels.items()):
            if relationship.reltype.rsplit("/", 1)[-1] in _DROPPED_PARTS:
                del owner.rels[rid]
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML  # python-docx has no API for extended properties
    styles = document.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEPT_STYLE_IDS:
            styles.remove(style)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.widow_control = True
    title = document.styles["Title"]
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.keep_with_next = True
    date = document.styles.add_style(DATE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    date.base_style = normal
    date.next_paragraph_style = normal
    date.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    date.paragraph_format.space_after = Pt(18)
    date.paragraph_format.keep_with_next = True
    contents = document.styles.add_style(CONTENTS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    contents.base_style = normal
    contents.paragraph_format.space_after = Pt(3)
    document.styles["Heading 1"].paragraph_format.keep_with_next = True
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _clear_body(document: Document) -> None:
    """Drop the reference document's text, keeping its last section (page setup, headers, footers)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ensure_styles(document: Document) -> None:
    """A reference document may lack Title or Date; add plain ones so the output still uses styles."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    names = {style.name for style in document.styles}
    for name in ("Heading 1", CONTENTS_STYLE):
        if name not in names:
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if "Title" not in names:
        title = document.styles.add_style("Title", WD_STYLE_TYPE.PARAGRAPH)
        title.font.size, title.font.bold = Pt(26), True
    if DATE_STYLE not in names:
        date = document.styles.add_style(DATE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        date.paragraph_format.space_after = Pt(18)


def _set_paper(document: Document, paper: str) -> None:
    from docx.shared import Cm, Mm

    width, height = paper_size_mm(paper)
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)


def _set_language(document: Document, language: str) -> None:
    """Set the proofing language on the document defaults and Normal, so spell-checking uses it."""
    from docx.oxml.ns import qn

    defaults = _child(_child(_child(document.styles.element, "w:docDefaults", first=True), "w:rPrDefault", first=True), "w:rPr")
    for properties in (defaults, document.styles["Normal"].element.get_or_add_rPr()):
        # Only w:val: the eastAsia and bidi slots name the languages of other scripts.
        _child(properties, "w:lang").set(qn("w:val"), language)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    """`parent`'s `tag` child, created (first, or last) when missing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _set_properties(
    document: Document, *, title: str, language: str, when: datetime.datetime | None, author: str, source_url: str | None
) -> None:
    from docx.oxml.ns import qn

    properties = document.core_properties
    properties.title = title
    properties.subject = ""
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.keywords = "press release"
    properties.category = "Press release"
    properties.language = language
    properties.identifier = source_url or ""
    properties.revision = 1
    if when is not None:
        naive = when.replace(tzinfo=None)
        properties.created = properties.modified = naive
    else:
        # No date known: leave the document undated rather than inherit the template's 2013.
        element = properties._element
        for tag in ("dcterms:created", "dcterms:modified"):
            found = element.find(qn(tag))
            if found is not None:
                element.remove(found)
