"""The DOCX writer's work: a deep copy of the template, the body, page furniture, properties, the package.

See the package docstring for what the documents look like; `DocxWriter` calls
`write_release` and `write_collection` here.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from lxml import etree

from pressconv.l10n import document_title, label, shown_title, text_direction
from pressconv.model import Collection, Notice, Release
from pressconv.notices import Code, notice
from pressconv.writers.base import document_author, paper_size_mm, read_option_file
from pressconv.writers.docx import DocxOptions
from pressconv.writers.docx.body import BodyBuilder, dated_entry, simple_field, text_run
from pressconv.writers.docx.template import Template, W, house_template, reference_template
from pressconv.writers.packaging import ReproducibleZipFile, collection_timestamp, document_timestamp, reproducible_zip

if TYPE_CHECKING:
    from docx.document import Document

#: python-docx refuses core-property values longer than this.
CORE_PROPERTY_LIMIT = 255
#: The running title is cut (at a word) to this many characters: a header is one line, not a paragraph.
RUNNING_TITLE_LIMIT = 90
# Stand-ins for the page number and page count while a translated "Page {page} of {pages}" is split.
_PAGE, _PAGES = "\ue000", "\ue001"


def write_release(release: Release, stream: BinaryIO, options: DocxOptions) -> Sequence[Notice]:
    """The release as a Word document on `stream`."""
    template = load_template(options)
    document = _new_document(template, options, release.language)
    builder = BodyBuilder(document, template)
    builder.release(release, title_style="Title")
    builder.finish(document.element.body)
    title = document_title(release.title, release.date, release.language)  # the core properties' title, the header's
    _fill_furniture(document, template, _running_title(title), release.language)
    notices = _styles_notice(template)
    author = document_author(options.author, (release,))
    subject = release.issuer or label("press-release", release.language)
    notices += _set_properties(document, title=title, subject=subject, language=release.language,
                               when=document_timestamp(release), author=author, source_url=release.source_url)  # fmt: skip
    _save(document, stream)
    return notices


def write_collection(collection: Collection, stream: BinaryIO, options: DocxOptions) -> Sequence[Notice]:
    """The collection's title, a contents field, then each release from a new page under a Heading 1."""
    template = load_template(options)
    document = _new_document(template, options, collection.language)
    builder = BodyBuilder(document, template)
    title = builder.paragraph("Title", [(collection.title, ())])
    # The bundle's title stays out of its own contents (LibreOffice builds a TOC from outline levels).
    _outline_level(title, 9)
    bookmarks = [builder.bookmark_name(number) for number in range(1, len(collection.releases) + 1)]
    entries = [(dated_entry(shown_title(release.title, release.language), release.date, collection.language), bookmark)
               for release, bookmark in zip(collection.releases, bookmarks, strict=True)]  # fmt: skip
    builder.contents(label("contents", collection.language), entries)
    for release, bookmark in zip(collection.releases, bookmarks, strict=True):
        builder.release(release, title_style="Heading1", bookmark=bookmark, page_break=True)
    builder.finish(document.element.body)
    _fill_furniture(document, template, _running_title(collection.title), collection.language)
    notices = _styles_notice(template)
    notices += _set_properties(document, title=collection.title, subject=label("press-releases", collection.language),
                               language=collection.language, when=collection_timestamp(collection),
                               author=document_author(options.author, collection.releases), source_url=None)  # fmt: skip
    _save(document, stream)
    return notices


def load_template(options: DocxOptions) -> Template:
    """The house template, or the reference document the options name, parsed once per process."""
    if options.reference_doc is None:
        return house_template()
    data = read_option_file(options.reference_doc, "reference document")
    given = options.reference_doc
    name = "the reference document" if isinstance(given, bytes) else f"the reference document {str(given)!r}"
    return reference_template(data, name)


def _new_document(template: Template, options: DocxOptions, language: str) -> Document:
    # A deep copy of the parsed template is ~3× cheaper than parsing the package again.
    document: Document = copy.deepcopy(template.document)
    if options.paper is not None or template.house:
        _set_paper(document, (options.paper or "a4").lower(), margins=template.house)
    _set_language(document, language)
    return document


def _styles_notice(template: Template) -> list[Notice]:
    if not template.added_styles:
        return []
    names = ", ".join(template.added_styles)
    return [
        notice(Code.STYLES_ADDED, f"the reference document lacks styles pressconv writes with; added the house ones: {names}")
    ]


def _outline_level(paragraph: Any, level: int) -> None:
    etree.SubElement(paragraph.find(W + "pPr"), W + "outlineLvl").set(W + "val", str(level))


def _running_title(title: str) -> str:
    """The title for the header: whole when short, else cut at a word with an ellipsis."""
    if len(title) <= RUNNING_TITLE_LIMIT:
        return title
    cut = title[: RUNNING_TITLE_LIMIT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > RUNNING_TITLE_LIMIT // 2 else cut).rstrip() + "\u2026"


def _fill_furniture(document: Document, template: Template, running_title: str, language: str) -> None:
    """The running title in the header, "Page N of M" in the footers (only those pressconv owns)."""
    parts = document.part.related_parts
    for rid in template.header_rids:
        paragraph = _only_paragraph(parts[rid].element, template.style_ids["Header"])
        text_run(paragraph, running_title)
    pieces = re.split(f"([{_PAGE}{_PAGES}])", label("page-n-of-m", language, page=_PAGE, pages=_PAGES))
    for rid in template.footer_rids:
        paragraph = _only_paragraph(parts[rid].element, template.style_ids["Footer"])
        for piece in pieces:
            if piece == _PAGE:
                simple_field(paragraph, "PAGE", "1")
            elif piece == _PAGES:
                simple_field(paragraph, "NUMPAGES", "1")
            else:
                text_run(paragraph, piece)


def _only_paragraph(root: Any, style_id: str) -> Any:
    """Empty a header or footer part down to one paragraph in `style_id`, and return it."""
    for child in list(root):
        root.remove(child)
    paragraph = etree.SubElement(root, W + "p")
    etree.SubElement(etree.SubElement(paragraph, W + "pPr"), W + "pStyle").set(W + "val", style_id)
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


def _set_paper(document: Document, paper: str, *, margins: bool) -> None:
    width, height = paper_size_mm(paper)
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        if margins:
            section.left_margin = section.right_margin = Cm(2.5)
            section.top_margin = section.bottom_margin = Cm(2.5)


def _set_language(document: Document, language: str) -> None:
    """The proofing language on the document defaults and Normal (spell-checking, screen readers, LibreOffice's
    PDF /Lang); right-to-left languages also get right-to-left paragraphs by default."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rtl = text_direction(language) == "rtl"
    normal = document.styles["Normal"].element.get_or_add_rPr()
    for properties in (_child(_child(defaults, "w:rPrDefault", first=True), "w:rPr"), normal):
        lang = _child(properties, "w:lang")
        # w:val for Latin-script text; w:bidi names the language of right-to-left text.
        lang.set(qn("w:val"), language)
        if rtl:
            lang.set(qn("w:bidi"), language)
    if rtl:
        paragraph_defaults = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
        if paragraph_defaults.find(qn("w:bidi")) is None:
            _insert_bidi(paragraph_defaults)


def _insert_bidi(properties: Any) -> None:
    """`w:bidi` goes before spacing, indents and justification in a `w:pPr` (schema order)."""
    bidi = OxmlElement("w:bidi")
    later = {qn(f"w:{tag}") for tag in ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
                                        "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
                                        "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}  # fmt: skip
    for index, child in enumerate(properties):
        if child.tag in later:
            properties.insert(index, bidi)
            return
    properties.append(bidi)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    """`parent`'s `tag` child, created (first, or last) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _set_properties(
    document: Document, *, title: str, subject: str, language: str, when: datetime.datetime | None, author: str,
    source_url: str | None,
) -> list[Notice]:  # fmt: skip
    """Core properties from the release; a value over python-docx's limit is shortened with a notice, never refused."""
    notices: list[Notice] = []

    def fit(value: str, what: str) -> str:
        if len(value) <= CORE_PROPERTY_LIMIT:
            return value
        notices.append(
            notice(
                Code.TRUNCATED,
                f"the DOCX {what} property holds at most {CORE_PROPERTY_LIMIT} characters; "
                f"the {len(value):,}-character value was shortened (the text itself is whole)",
            )
        )
        return value[: CORE_PROPERTY_LIMIT - 1] + "\u2026"

    properties = document.core_properties
    properties.title = fit(title, "title")
    properties.subject = fit(subject, "subject")
    properties.author = properties.last_modified_by = fit(author, "author")
    properties.comments = ""
    # What kind of document this is, in its own language ("Press release", "Datganiad i'r wasg").
    properties.keywords = properties.category = fit(label("press-release", language), "category")
    properties.language = language
    properties.identifier = fit(source_url or "", "identifier (source URL)")
    properties.revision = 1
    if when is not None:
        naive = when.replace(tzinfo=None)
        properties.created = properties.modified = naive
    else:
        # No date known: leave the document undated rather than inherit a template's date.
        element = properties._element
        for tag in ("dcterms:created", "dcterms:modified"):
            found = element.find(qn(tag))
            if found is not None:
                element.remove(found)
    return notices
