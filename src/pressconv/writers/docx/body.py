"""A release's blocks as WordprocessingML: one method per block type, appended to the body in one pass.

The paragraphs are built as lxml elements and appended to the body before
its section properties are put back, once. (python-docx's `add_paragraph`
finds the body's last section before every insertion, which made a long
release quadratic: 100,000 paragraphs took 76 s.) Hyperlink relationships
get their ids from a counter, not from python-docx's search for a free one,
for the same reason.

Lists are Word numbering, not glyphs in the text: every item carries
`w:numPr` (level 0 and a numId); bulleted lists share one numId, and each
numbered list gets a `w:num` of its own with a start override, so Word and
LibreOffice restart it at its `start` and never continue it from the last.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, assert_never

from lxml import etree

from pressconv.l10n import dated_phrase, format_date, label, shown_title, text_direction
from pressconv.model import Block, ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Release
from pressconv.writers.base import heading_text
from pressconv.writers.bidi import direction_runs
from pressconv.writers.docx.template import R, Template, W, insert_nums, new_num, next_num_id

if TYPE_CHECKING:
    from docx.document import Document

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
#: Subheadings deeper than this share the last heading style (Word has nine; a release never needs more).
_DEEPEST = 6


class BodyBuilder:
    """Builds one document's body. Holds the per-document counters (links, lists, bookmarks)."""

    def __init__(self, document: Document, template: Template) -> None:
        self.part = document.part
        self.styles = template.style_ids
        self.template = template
        self.numbering = self._numbering_element()
        self._next_num = next_num_id(self.numbering)
        self._nums: list[Any] = []
        self.elements: list[Any] = []
        self._links: dict[str, str] = {}
        self._rid_prefix = _free_prefix(set(self.part.rels))
        self._bookmarks = 0
        #: The language of the release being built: a block's `lang` is compared with it.
        self.language = "en-GB"
        #: The level of the last heading set (the title is 1): a heading never skips a level below it.
        self._level = 1

    def _numbering_element(self) -> Any:
        for relationship in self.part.rels.values():
            if str(relationship.reltype).endswith("/numbering") and not relationship.is_external:
                return relationship.target_part.element
        raise AssertionError("a prepared template always has a numbering part")

    def finish(self, body: Any) -> None:
        """Append everything built to `body`, keeping its section properties last, and the lists' numbering."""
        insert_nums(self.numbering, self._nums)
        section = body.find(W + "sectPr")
        if section is not None:
            body.remove(section)
        body.extend(self.elements)
        if section is not None:
            body.append(section)

    # --- the release ---------------------------------------------------------------------------------

    def release(self, release: Release, *, title_style: str, bookmark: str | None = None, page_break: bool = False) -> None:
        """Title, dateline and blocks."""
        self.language = release.language
        self._level = 1
        title = self.paragraph(title_style, [(shown_title(release.title, release.language), ())], page_break=page_break)
        if bookmark is not None:
            _bookmark(title, bookmark, self._next_bookmark_id())
        # The header lines, as HTML and PDF have them: date, update, byline, issuer; only the last is spaced from the body.
        lines: list[tuple[str, str]] = []
        if release.date is not None:
            lines.append(("Date", format_date(release.date, release.language)))
        if release.updated is not None and release.updated != release.date:
            lines.append(("Date", "".join(dated_phrase("updated-on", release.updated, release.language))))
        if release.byline:
            lines.append(("ReleaseInfo", label("by", release.language, author=release.byline)))
        if release.issuer:
            lines.append(("ReleaseInfo", release.issuer))
        for number, (style, text) in enumerate(lines, 1):
            line = self.paragraph(style, [(text, ())])
            if number < len(lines):
                _collapse_space_after(line)
        for block in release.blocks:
            self.block(block, notes=False)

    def block(self, block: Block, *, notes: bool) -> None:
        match block:
            case Paragraph(text=text, links=links, lang=lang):
                self.paragraph("NotesText" if notes else None, [(text, links)], lang=lang)
            case Heading(text=text, level=level, links=links, lang=lang):
                self.paragraph(f"Heading{self._heading_level(level + notes)}", [(text, links)], lang=lang)
            case ListBlock():
                self.list_block(block)
            case NotesSection(heading=heading, blocks=blocks):
                self.paragraph(f"Heading{self._heading_level(2, reset=True)}", [(heading_text(heading), ())])
                for inner in blocks:
                    self.block(inner, notes=True)
            case ContactBlock(lines=lines, heading=heading):
                if heading:
                    self.paragraph(f"Heading{self._heading_level(3 if notes else 2, reset=True)}", [(heading_text(heading), ())])
                for line in lines:
                    self.paragraph("Contact", [(line.text, line.links)])
            case EndMark(text=text):
                self.paragraph("EndMark", [(text, ())])
            case _:
                assert_never(block)

    def _heading_level(self, wanted: int, *, reset: bool = False) -> int:
        """`wanted` (at least 2, at most the deepest style), never more than one level below the last heading,
        as the PDF and HTML writers do: "About Acme" under "Notes to editors" is a Heading 3 there and here.
        A section's own heading (`reset`) sets the level for what follows it."""
        level = min(max(wanted, 2), _DEEPEST)
        if not reset:
            level = min(level, self._level + 1)
        self._level = level
        return level

    def list_block(self, block: ListBlock) -> None:
        if block.ordered:
            style, num_id = "ListNumber", str(self._next_num)
            self._nums.append(new_num(num_id, self.template.number_abstract, block.start))
            self._next_num += 1
        else:
            style, num_id = "ListBullet", self.template.bullet_num
        for item in block.items:
            self.paragraph(style, [(item.text, item.links)], num_id=num_id, lang=block.lang)

    # --- bundles -------------------------------------------------------------------------------------

    def contents(self, heading: str, entries: Iterable[tuple[str, str]]) -> None:
        """A Word TOC field over the Heading 1 titles, with `entries` ((text, bookmark)) as its shown result.

        Word and LibreOffice show the result until fields are updated (Word:
        F9 or printing; LibreOffice: Tools ▸ Update), so each entry is a link to
        its release's heading bookmark, with the date. Page numbers are left to
        that update: pressconv cannot know where pages break, and a PAGEREF
        that neither application computes on opening would show a dotted leader
        to nothing.
        """
        self.paragraph("TOCHeading", [(heading, ())])
        entries = list(entries)
        paragraphs = [self.paragraph("TOC1", []) for _ in entries] or [self.paragraph("TOC1", [])]
        _field_start(paragraphs[0], ' TOC \\o "1-1" \\h \\z ')
        for paragraph, (text, bookmark) in zip(paragraphs, entries, strict=False):
            link = etree.SubElement(paragraph, W + "hyperlink")
            link.set(W + "anchor", bookmark)
            link.set(W + "history", "1")
            _run(link, text)
        _field_char(paragraphs[-1], "end")

    def bookmark_name(self, number: int) -> str:
        """Hidden (underscore) bookmark names, as Word gives the headings a TOC links to."""
        return f"_Toc{number:09d}"

    def _next_bookmark_id(self) -> str:
        self._bookmarks += 1
        return str(self._bookmarks)

    # --- paragraphs and runs -------------------------------------------------------------------------

    def paragraph(self, style: str | None, pieces: list[tuple[str, tuple[Link, ...]]], *, num_id: str | None = None,
                  page_break: bool = False, lang: str | None = None) -> Any:  # fmt: skip
        """A `w:p` in `style` (a house style id, mapped to this document's) holding `pieces` of linked text.

        `lang` marks a paragraph in another language than the release's: `w:lang` on its runs (WCAG 3.1.2),
        and `w:bidi` on the paragraph when its direction differs from the release's (on, or off with val 0).
        """
        paragraph = etree.Element(W + "p")
        bidi = None if lang is None or text_direction(lang) == text_direction(self.language) else text_direction(lang) == "rtl"
        if style is not None or num_id is not None or page_break or bidi is not None:
            properties = etree.SubElement(paragraph, W + "pPr")
            if style is not None:
                etree.SubElement(properties, W + "pStyle").set(W + "val", self.styles[style])
            if page_break:
                etree.SubElement(properties, W + "pageBreakBefore")
            if num_id is not None:
                numbering = etree.SubElement(properties, W + "numPr")
                etree.SubElement(numbering, W + "ilvl").set(W + "val", "0")
                etree.SubElement(numbering, W + "numId").set(W + "val", num_id)
            if bidi is not None:
                etree.SubElement(properties, W + "bidi").set(W + "val", "1" if bidi else "0")
        for text, links in pieces:
            self._text(paragraph, text, links, lang)
        self.elements.append(paragraph)
        return paragraph

    def _text(self, parent: Any, text: str, links: tuple[Link, ...], lang: str | None = None) -> None:
        """Runs for `text`, its link spans as `w:hyperlink`s to external relationships in the Hyperlink style."""
        position = 0
        for link in sorted(links, key=lambda link: link.start):
            if link.start < position:  # overlapping spans: the model forbids nothing here, keep the text whole
                continue
            _run(parent, text[position : link.start], lang=lang)
            hyperlink = etree.SubElement(parent, W + "hyperlink")
            hyperlink.set(R + "id", self._link_rid(link.href))
            hyperlink.set(W + "history", "1")
            _run(hyperlink, text[link.start : link.end], self.styles["Hyperlink"], lang=lang)
            position = link.end
        _run(parent, text[position:], lang=lang)

    def _link_rid(self, href: str) -> str:
        rid = self._links.get(href)
        if rid is None:
            rid = f"{self._rid_prefix}{len(self._links) + 1}"
            self.part.rels.add_relationship(_HYPERLINK, href, rid, is_external=True)
            self._links[href] = rid
        return rid


def _free_prefix(taken: set[str]) -> str:
    """An rId prefix no existing relationship id starts with, so numbered link ids never collide."""
    prefix = "rIdLink"
    while any(rid.startswith(prefix) for rid in taken):
        prefix += "x"
    return prefix


def _run(parent: Any, text: str, character_style: str | None = None, *, lang: str | None = None) -> None:
    """Runs for `text`: one per stretch of one direction, right-to-left stretches marked `w:rtl` (Word then
    orders them by the bidi algorithm and sets them in the complex-script font), `w:lang` when `lang` is given."""
    if not text:
        return
    for start, end, rtl in direction_runs(text):
        run = etree.SubElement(parent, W + "r")
        if character_style or rtl or lang:
            properties = etree.SubElement(run, W + "rPr")
            if character_style:
                etree.SubElement(properties, W + "rStyle").set(W + "val", character_style)
            if rtl:
                etree.SubElement(properties, W + "rtl")
            if lang:
                language = etree.SubElement(properties, W + "lang")
                language.set(W + "val", lang)
                if text_direction(lang) == "rtl":
                    language.set(W + "bidi", lang)  # w:bidi names the language of right-to-left text
        piece = text[start:end]
        element = etree.SubElement(run, W + "t")
        if piece[0].isspace() or piece[-1].isspace() or "  " in piece:
            element.set(_XML_SPACE, "preserve")
        element.text = piece


def _collapse_space_after(paragraph: Any) -> None:
    """No gap after a header line that another follows (its style keeps the gap for the last one)."""
    etree.SubElement(paragraph.find(W + "pPr"), W + "spacing").set(W + "after", "0")


def _field_char(parent: Any, kind: str) -> None:
    etree.SubElement(etree.SubElement(parent, W + "r"), W + "fldChar").set(W + "fldCharType", kind)


def _field_start(parent: Any, instruction: str) -> None:
    """A complex field's begin, instruction and separator; its result and end follow."""
    _field_char(parent, "begin")
    text = etree.SubElement(etree.SubElement(parent, W + "r"), W + "instrText")
    text.set(_XML_SPACE, "preserve")
    text.text = instruction
    _field_char(parent, "separate")


def _bookmark(paragraph: Any, name: str, number: str) -> None:
    """Wrap the paragraph's runs in a bookmark (after its properties)."""
    start = etree.Element(W + "bookmarkStart")
    start.set(W + "id", number)
    start.set(W + "name", name)
    properties = paragraph.find(W + "pPr")
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    etree.SubElement(paragraph, W + "bookmarkEnd").set(W + "id", number)


def simple_field(parent: Any, instruction: str, shown: str) -> None:
    """A `w:fldSimple` (PAGE, NUMPAGES) with the value shown until the reader computes it."""
    field = etree.SubElement(parent, W + "fldSimple")
    field.set(W + "instr", f" {instruction} ")
    _run(field, shown)


def text_run(parent: Any, text: str) -> None:
    _run(parent, text)


def dated_entry(title: str, date: datetime.date | None, language: str) -> str:
    """A contents entry: the title, then its date held together (no "— 7 / March 2014" wrap)."""
    if date is None:
        return title
    shown = format_date(date, language).replace(" ", "\u00a0")
    return f"{title}\u00a0\u2014 {shown}"
