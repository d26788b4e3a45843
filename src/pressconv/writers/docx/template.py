"""Where a document's styles, numbering and page come from: the house template or a `--reference-doc`.

Either is turned, once per process, into a `Template`: a parsed python-docx
document with an empty body that every output deep-copies (never modifies),
plus what the body builder needs to know about it (the style ids to use, the
list definitions, which header and footer to fill).

A reference document is somebody else's file, so it is treated as untrusted:

- its zip is measured before anything is unpacked (entry count, total
  unpacked size, compression ratio), so a zip bomb is one clear `OptionError`
  instead of gigabytes of memory;
- only its design is kept: styles, numbering, theme, fonts, settings, web
  settings, footnote and endnote *separators*, the last section's page setup
  and the headers and footers it references (with their own images — a
  letterhead logo is design). Its text, comments and the people who wrote
  them, images and objects of the body, glossary (building blocks), custom
  XML, thumbnail, custom properties, document variables, attached-template
  paths, mail-merge sources and macros are all dropped, and its core
  properties are cleared (every output sets its own). A Word template
  (.dotx, .dotm) or a .docm is accepted and relabelled as a plain document;
- parsing is cached by content hash (a bounded LRU), so a batch of 2,000
  releases parses it once, and `DocxWriter.check` can reject a bad one
  before any work.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import io
import os
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pressconv.errors import OptionError

if TYPE_CHECKING:
    from docx.document import Document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "{" + W_NS + "}"
R = "{" + R_NS + "}"

#: Limits on a reference document's zip, checked before any part is unpacked. A real template with
#: embedded fonts and a logo is a few MB; these leave ample room and refuse zip bombs.
MAX_ENTRIES = 1000
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
#: Deflated XML is often 10–30× smaller; a part that inflates more than this (and is over 1 MiB) is a bomb.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024

#: The styles pressconv writes with: house style id → (Word's internal name, type). A reference document's
#: style of the same name (case-insensitive, as Word matches built-in names) is used instead of the house one.
STYLES: Mapping[str, tuple[str, str]] = {
    "Title": ("title", "paragraph"),
    "Date": ("date", "paragraph"),
    "ReleaseInfo": ("release info", "paragraph"),
    **{f"Heading{level}": (f"heading {level}", "paragraph") for level in range(1, 7)},
    "ListBullet": ("list bullet", "paragraph"),
    "ListNumber": ("list number", "paragraph"),
    "NotesText": ("notes text", "paragraph"),
    "Contact": ("contact", "paragraph"),
    "EndMark": ("end mark", "paragraph"),
    "Hyperlink": ("hyperlink", "character"),
    "Header": ("header", "paragraph"),
    "Footer": ("footer", "paragraph"),
    "TOCHeading": ("toc heading", "paragraph"),
    "TOC1": ("toc 1", "paragraph"),
}

# Relationship types (by their last path segment, which transitional and strict OOXML share) that carry design.
_KEPT_PACKAGE_RELS = frozenset({"officeDocument", "core-properties", "extended-properties"})
_KEPT_DOCUMENT_RELS = frozenset({"styles", "numbering", "settings", "theme", "fontTable", "webSettings", "stylesWithEffects",
                                 "footnotes", "endnotes"})  # fmt: skip
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_PART_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
)
_SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
# Settings that point outside the document or hold content: a template path (with a user name), mail-merge sources.
_DROPPED_SETTINGS = ("attachedTemplate", "mailMerge", "docVars", "rsids")
_COMMENT_MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>pressconv</Application></Properties>"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Template:
    """A prepared template. `document` is shared and never modified: outputs deep-copy it."""

    document: Document
    #: House style id → the style id to write in this document.
    style_ids: Mapping[str, str]
    #: abstractNumId of the bullet and the decimal list definitions, and the numId bullet lists share.
    bullet_abstract: str
    number_abstract: str
    bullet_num: str
    #: Relationship ids of the header and footers pressconv fills (running title, page numbers); empty
    #: when a reference document brings its own, which are kept as they are.
    header_rids: tuple[str, ...]
    footer_rids: tuple[str, ...]
    #: Styles the reference document lacked and pressconv added (Word names), for a notice.
    added_styles: tuple[str, ...]
    #: True for the house template: it sets the paper (A4 unless told); a reference keeps its own page.
    house: bool


@dataclasses.dataclass(frozen=True, slots=True)
class _Content:
    """A reference document's bytes, hashed and compared by their SHA-256 only (the LRU key)."""

    digest: bytes
    data: bytes = dataclasses.field(compare=False, hash=False, repr=False)
    #: How errors name the file; not part of the key (the same bytes under another path are the same template).
    name: str = dataclasses.field(default="the reference document", compare=False, hash=False)


def house_template() -> Template:
    """The house template, prepared once per process."""
    return _house_template()


@functools.lru_cache(maxsize=1)
def _house_template() -> Template:
    """The packaged house template (`house.docx`, built by scripts/build_docx_template.py), parsed once."""
    # Beside this module (not importlib.resources, whose import alone costs a few milliseconds of start-up).
    with open(os.path.join(os.path.dirname(__file__), "house.docx"), "rb") as handle:
        data = handle.read()
    return _prepare(_open(data, "the house template"), house=True)


def reference_template(data: bytes, name: str) -> Template:
    """A reference document checked, stripped of content and prepared; parsed once per distinct content."""
    return _reference_template(_Content(hashlib.sha256(data).digest(), data, name))


@functools.lru_cache(maxsize=4)
def _reference_template(content: _Content) -> Template:
    check_package(content.data, content.name)
    document = _open(_as_document(content.data), content.name)
    _strip_content(document)
    return _prepare(document, house=False)


def check_package(data: bytes, name: str) -> None:
    """Refuse a zip that is not a package or would unpack to far more than any template needs.

    Only the central directory is read: the sizes it declares bound what
    `zipfile` will ever inflate (it stops at the declared size and checks the CRC).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise OptionError(f"{name} is not a readable .docx (not a zip package); save it from Word or LibreOffice again") from None
    if len(entries) > MAX_ENTRIES:
        raise OptionError(f"{name} holds {len(entries):,} parts (at most {MAX_ENTRIES:,} are accepted); is it the right file?")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED_BYTES:
        raise OptionError(f"{name} would unpack to {total:,} bytes (at most {MAX_UNPACKED_BYTES:,} are accepted); "
                          "use a template without large embedded media")  # fmt: skip
    for entry in entries:
        if entry.file_size > _RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise OptionError(f"{name}: part {entry.filename!r} inflates {entry.file_size // max(entry.compress_size, 1):,}-fold "
                              "(a zip bomb?); save the template from Word or LibreOffice again")  # fmt: skip


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx) or macro-enabled file (.dotm, .docm) relabelled as a plain document.

    House styles often live in a .dotx; python-docx opens only documents. The
    main part's content type is all that differs; macros (the vbaProject
    part) are dropped with the rest of the content, so no output is ever
    macro-enabled.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        try:
            types = source.read("[Content_Types].xml")
        except KeyError:
            return data
        relabelled = types
        for kind in _MAIN_PART_TYPES:
            relabelled = relabelled.replace(kind, _DOCUMENT_MAIN)
        if relabelled == types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for entry in source.infolist():
                target.writestr(entry.filename, relabelled if entry.filename == "[Content_Types].xml" else source.read(entry))
    return output.getvalue()


def _open(data: bytes, name: str) -> Document:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many types for a bad package
        message = f"{name} is not a readable .docx ({type(error).__name__}); save it from Word or LibreOffice again"
        raise OptionError(message) from None


def _kind(relationship: Any) -> str:
    return str(relationship.reltype).rsplit("/", 1)[-1]


def _strip_content(document: Document) -> None:
    """Keep the reference document's design, drop everything it says (see the module docstring)."""
    package = document.part.package
    for rid, relationship in list(package.rels.items()):
        if _kind(relationship) not in _KEPT_PACKAGE_RELS:
            _drop(package.rels, rid)
    for relationship in package.rels.values():
        if _kind(relationship) == "extended-properties" and not relationship.is_external:
            relationship.target_part._blob = _APP_XML  # python-docx has no API for extended properties
    core = document.core_properties._element
    for child in list(core):
        core.remove(child)

    body = document.element.body
    section = body.find(W + "sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)
    referenced = {reference.get(R + "id") for reference in section.iter(W + "headerReference", W + "footerReference")} \
        if section is not None else set()  # fmt: skip
    part = document.part
    for rid, relationship in list(part.rels.items()):
        kind = _kind(relationship)
        keep = kind in _KEPT_DOCUMENT_RELS or (kind in {"header", "footer"} and rid in referenced)
        if not keep or relationship.is_external:
            _drop(part.rels, rid)
            continue
        target = relationship.target_part
        if kind in {"footnotes", "endnotes"}:
            _keep_separators(target)
        elif kind == "settings":
            _strip_settings(target)
        elif kind in {"header", "footer"}:
            _strip_comment_marks(target.element)
    _drop_external_relationships(document)


def _drop_external_relationships(document: Document) -> None:
    """No part kept from a reference document points outside the file: a header logo linked to a remote URL
    would be fetched by Word on every opening of every output (a web beacon). Each external relationship of
    every part still reachable is dropped, with the attributes that named it (the picture shows nothing)."""
    for part in document.part.package.iter_parts():
        external = [rid for rid, relationship in part.rels.items() if relationship.is_external]
        if not external:
            continue
        for rid in external:
            _drop(part.rels, rid)
        element = getattr(part, "_element", None)
        if element is None:
            continue
        names = set(external)
        for node in element.iter():
            for attribute, value in list(node.attrib.items()):
                if attribute.startswith(R) and value in names:
                    del node.attrib[attribute]


def _drop(relationships: Any, rid: str) -> None:
    """Forget a relationship; the part it pointed at is then no longer written (python-docx writes what is reachable)."""
    del relationships[rid]
    relationships._target_parts_by_rId.pop(rid, None)


def _keep_separators(part: Any) -> None:
    """Footnotes and endnotes: keep the separator lines settings.xml refers to, drop every note's text."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    # python-docx loads these parts as plain blobs; its parser refuses entities and network access.
    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    for note in list(root):
        if note.get(W + "type") not in _SEPARATOR_TYPES:
            root.remove(note)
    if not hasattr(part, "element"):
        part._blob = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    for rid in list(part.rels):
        _drop(part.rels, rid)


def _strip_settings(part: Any) -> None:
    for tag in _DROPPED_SETTINGS:
        for found in part.element.findall(W + tag):
            part.element.remove(found)
    for rid in list(part.rels):
        _drop(part.rels, rid)


def _strip_comment_marks(element: Any) -> None:
    """Comments are dropped with their part; their anchors in a kept header would point nowhere."""
    for tag in _COMMENT_MARKS:
        for mark in list(element.iter(W + tag)):
            # A reference sits in a run of its own: remove the run.
            found = mark.getparent() if tag == "commentReference" and mark.getparent().tag == W + "r" else mark
            found.getparent().remove(found)


def _prepare(document: Document, *, house: bool) -> Template:
    """Resolve (or add) every style and list definition pressconv writes with; set up the header and footer."""
    body = document.element.body
    section = body.find(W + "sectPr")
    if section is None:
        from docx.oxml import OxmlElement

        section = OxmlElement("w:sectPr")
        body.append(section)
    numbering = _numbering(document)
    bullet_abstract, bullet_num = _list_definition(document, numbering, "list bullet", "0")
    number_abstract, number_num = _list_definition(document, numbering, "list number", "1")
    style_ids, added = _resolve_styles(document, {"ListBullet": bullet_num, "ListNumber": number_num})
    has_own = section.find(W + "headerReference") is not None or section.find(W + "footerReference") is not None
    if house:
        header_rids = tuple(_references(section, "headerReference"))
        footer_rids = tuple(_references(section, "footerReference"))
    elif has_own:
        header_rids = footer_rids = ()
    else:
        header_rids, footer_rids = _add_furniture(document)
    return Template(document, style_ids, bullet_abstract, number_abstract, bullet_num, header_rids, footer_rids, tuple(added),
                    house)  # fmt: skip


def _references(section: Any, tag: str) -> list[str]:
    return [str(reference.get(R + "id")) for reference in section.findall(W + tag)]


def _add_furniture(document: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A reference document with no header or footer of its own gets the house ones (running title, page numbers)."""
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False
    element = section._sectPr
    headers = [ref for ref in _references_typed(element, "headerReference") if ref[0] == "default"]
    return tuple(rid for _, rid in headers), tuple(rid for _, rid in _references_typed(element, "footerReference"))


def _references_typed(section: Any, tag: str) -> list[tuple[str, str]]:
    return [(str(ref.get(W + "type")), str(ref.get(R + "id"))) for ref in section.findall(W + tag)]


# --- numbering -------------------------------------------------------------------------------------------


def _numbering(document: Document) -> Any:
    """The document's `w:numbering` element, creating the numbering part if the document has none."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    part = document.part
    for relationship in part.rels.values():
        if _kind(relationship) == "numbering" and not relationship.is_external:
            return relationship.target_part.element
    names = {str(existing.partname) for existing in part.package.iter_parts()}
    partname = next(f"/word/numbering{n or ''}.xml" for n in range(1000) if f"/word/numbering{n or ''}.xml" not in names)
    element = parse_xml(f'<w:numbering xmlns:w="{W_NS}" xmlns:r="{R_NS}"/>'.encode())
    numbering = NumberingPart(PackURI(partname), CT.WML_NUMBERING, element, part.package)
    part.relate_to(numbering, RT.NUMBERING)
    return numbering.element


def _list_definition(document: Document, numbering: Any, style_name: str, house_abstract: str) -> tuple[str, str]:
    """(abstractNumId, numId) for bullets or numbers: the document's own list style's, else the house definition added.

    A reference document whose List Bullet / List Number style is tied to a
    list definition keeps its glyphs and indents; pressconv only adds a
    `w:num` per numbered list so each one restarts.
    """
    style = _styles_by_name(document).get(style_name)
    if style is not None:
        num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            for num in numbering.findall(W + "num"):
                abstract = num.find(W + "abstractNumId")
                if num.get(W + "numId") == num_id.get(W + "val") and abstract is not None:
                    return str(abstract.get(W + "val")), str(num_id.get(W + "val"))
    house = _house_parts().numbering
    definition = copy.deepcopy(next(a for a in house.findall(W + "abstractNum") if a.get(W + "abstractNumId") == house_abstract))
    abstract_id = str(1 + max((int(a.get(W + "abstractNumId")) for a in numbering.findall(W + "abstractNum")), default=-1))
    definition.set(W + "abstractNumId", abstract_id)
    later = [child for child in numbering if child.tag in {W + "num", W + "numIdMacAtCleanup"}]
    if later:
        later[0].addprevious(definition)
    else:
        numbering.append(definition)
    return abstract_id, add_num(numbering, abstract_id)


def add_num(numbering: Any, abstract_id: str, start: int | None = None) -> str:
    """A new `w:num` on `abstract_id` (restarting at `start` when given), added to `numbering`; returns its numId."""
    num_id = str(next_num_id(numbering))
    insert_nums(numbering, [new_num(num_id, abstract_id, start)])
    return num_id


def next_num_id(numbering: Any) -> int:
    return 1 + max((int(num.get(W + "numId")) for num in numbering.findall(W + "num")), default=0)


def new_num(num_id: str, abstract_id: str, start: int | None) -> Any:
    """A `w:num` element on `abstract_id`; with `start`, a level-0 start override, so the list restarts there."""
    from lxml import etree

    num = etree.Element(W + "num")
    num.set(W + "numId", num_id)
    etree.SubElement(num, W + "abstractNumId").set(W + "val", abstract_id)
    if start is not None:
        override = etree.SubElement(num, W + "lvlOverride")
        override.set(W + "ilvl", "0")
        etree.SubElement(override, W + "startOverride").set(W + "val", str(start))
    return num


def insert_nums(numbering: Any, nums: list[Any]) -> None:
    """Add `w:num`s after the existing ones (before `w:numIdMacAtCleanup`, which the schema puts last), in one pass."""
    cleanup = numbering.find(W + "numIdMacAtCleanup")
    if cleanup is not None:
        numbering.remove(cleanup)
    numbering.extend(nums)
    if cleanup is not None:
        numbering.append(cleanup)


# --- styles ----------------------------------------------------------------------------------------------


def _styles_by_name(document: Document) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for style in document.styles.element.findall(W + "style"):
        name = style.find(W + "name")
        if name is not None:
            found.setdefault(str(name.get(W + "val")).lower(), style)
    return found


def _resolve_styles(document: Document, list_nums: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """House style id → this document's style id; styles it lacks are copied in from the house template."""
    styles = document.styles.element
    by_name = _styles_by_name(document)
    taken = {str(style.get(W + "styleId")) for style in styles.findall(W + "style")}
    defaults = {str(style.get(W + "type")): str(style.get(W + "styleId")) for style in styles.findall(W + "style")
                if style.get(W + "default") in {"1", "true", "on"}}  # fmt: skip
    normal = by_name.get("normal")
    if "paragraph" not in defaults and normal is not None and normal.get(W + "type") == "paragraph":
        # LibreOffice's .docx marks no style as the default: plain paragraphs would get no style at all.
        normal.set(W + "default", "1")
        defaults["paragraph"] = str(normal.get(W + "styleId"))
    ids: dict[str, str] = {"Normal": defaults.get("paragraph", "Normal"), "DefaultParagraphFont": defaults.get("character", "")}
    added: list[str] = []
    for house_id, (name, kind) in STYLES.items():
        own = by_name.get(name)
        if own is not None and own.get(W + "type") == kind:
            ids[house_id] = str(own.get(W + "styleId"))
            continue
        style = copy.deepcopy(_house_parts().styles[house_id])
        new_id = house_id if house_id not in taken else next(f"{house_id}Pressconv{n or ''}" for n in range(1000)
                                                               if f"{house_id}Pressconv{n or ''}" not in taken)  # fmt: skip
        style.set(W + "styleId", new_id)
        taken.add(new_id)
        ids[house_id] = new_id
        _remap(style, ids, list_nums.get(house_id))
        styles.append(style)
        added.append(_ui_name(name))
    resolved = {house_id: ids[house_id] for house_id in STYLES}
    levels = {"Title": 0, **{f"Heading{level}": level - 1 for level in range(1, 7)}}
    by_id = {str(style.get(W + "styleId")): style for style in styles.findall(W + "style")}
    for house_id, level in levels.items():
        _ensure_outline_level(by_id.get(resolved[house_id]), level)
    return resolved, added


def _ui_name(name: str) -> str:
    """Word's displayed name for an internal style name ("heading 2" → "Heading 2", "toc 1" → "TOC 1")."""
    return name.upper() if name.startswith("toc ") else " ".join(word.capitalize() for word in name.split())


def _ensure_outline_level(style: Any, level: int) -> None:
    """Give a title or heading style the outline level it lacks (0 is Word's level 1), as the house ones have:
    Word's navigation pane and LibreOffice's tagged PDF (H1, H2) go by it. Its look is unchanged."""
    from lxml import etree

    if style is None:
        return
    properties = style.find(W + "pPr")
    if properties is None:
        properties = etree.Element(W + "pPr")
        later = [child for child in style if child.tag in {W + "rPr", W + "tblPr", W + "trPr", W + "tcPr", W + "tblStylePr"}]
        if later:
            later[0].addprevious(properties)
        else:
            style.append(properties)
    if properties.find(W + "outlineLvl") is None:
        outline = etree.Element(W + "outlineLvl")
        outline.set(W + "val", str(level))
        after = [
            child for child in properties if child.tag in {W + "divId", W + "cnfStyle", W + "rPr", W + "sectPr", W + "pPrChange"}
        ]
        if after:
            after[0].addprevious(outline)
        else:
            properties.append(outline)


def _remap(style: Any, ids: Mapping[str, str], num_id: str | None) -> None:
    """Point a copied house style at this document's base styles and list definition."""
    for tag in ("basedOn", "next"):
        found = style.find(W + tag)
        if found is not None:
            target = ids.get(str(found.get(W + "val")), "")
            if target:
                found.set(W + "val", target)
            else:
                style.remove(found)
    number = style.find(f"{W}pPr/{W}numPr/{W}numId")
    if number is not None and num_id is not None:
        number.set(W + "val", num_id)


@dataclasses.dataclass(frozen=True, slots=True)
class _HouseParts:
    styles: Mapping[str, Any]
    numbering: Any


@functools.lru_cache(maxsize=1)
def _house_parts() -> _HouseParts:
    """The house styles and list definitions, to copy into reference documents that lack them. Never modified."""
    document = _house_template().document
    styles = {str(style.get(W + "styleId")): style for style in document.styles.element.findall(W + "style")}
    return _HouseParts(styles, _numbering(document))
