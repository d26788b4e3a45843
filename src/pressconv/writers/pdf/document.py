"""From releases to a tagged PDF/UA-1, PDF/A-2a file: compose blocks, lay them out, draw and tag, write.

`Composer` turns a release's blocks into `TextBlock`s under structure
elements (one method per block type); `layout` breaks lines and pages;
`Painter` draws each page's content stream itself, operator by operator,
so that every piece of text is in a marked-content sequence of its element
and everything else (running title, page numbers, rules) is an /Artifact;
then reportlab's canvas and `pdfdoc` objects write the file, with the
structure tree, XMP, output intent and the catalog and page keys PDF/UA and
PDF/A ask for. One pass, no post-processing.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable
from typing import Any, BinaryIO, assert_never
from urllib.parse import quote

from pressconv.l10n import dated_phrase, format_date, label, shown_title, text_direction
from pressconv.model import (
    Block,
    Collection,
    ContactBlock,
    EndMark,
    Heading,
    Link,
    ListBlock,
    NotesSection,
    Notice,
    Paragraph,
    Release,
)
from pressconv.notices import Code, notice
from pressconv.writers.base import heading_text
from pressconv.writers.bidi import base_is_rtl, has_rtl, levels, visual_runs
from pressconv.writers.pdf import PLACEHOLDER
from pressconv.writers.pdf.fonts import (
    HIDDEN,
    SHAPED,
    SPELLED_OUT,
    TEXT,
    Encoder,
    FontChain,
    GlyphReport,
    LoadedFont,
    drawn_text,
    run_width,
)
from pressconv.writers.pdf.furniture import shortened
from pressconv.writers.pdf.layout import Piece, Placement, TextBlock, WordWidths, break_lines, make_pieces, paginate
from pressconv.writers.pdf.objects import content_stream, info_date, metadata_stream, output_intents, xmp_packet
from pressconv.writers.pdf.shaping import advance, glyph_texts, needs_shaping, shape
from pressconv.writers.pdf.styles import FURNITURE, FURNITURE_SIZE, LINK, LIST_INDENT, MARGIN, MM, RULE, STYLES, Colour
from pressconv.writers.pdf.tagging import Element, StructureTree

#: Room kept at the right of a contents entry for its page number.
_PAGE_NUMBER_ROOM = 36.0


@dataclasses.dataclass(frozen=True, slots=True)
class About:
    """What the PDF says about itself and puts in the page header."""

    title: str
    subject: str
    language: str
    header: str
    author: str
    timestamp: datetime.datetime | None
    source: str | None = None
    outline: bool = False


class Composer:
    """Releases → text blocks, each under its structure element; one method per block type."""

    def __init__(self, regular: FontChain, bold: FontChain, width: float, root: Element) -> None:
        self.regular, self.bold, self.width, self.root = regular, bold, width, root
        self.blocks: list[TextBlock] = []
        self.word_widths: WordWidths = {}
        #: The language of the release being composed: the base direction of text without a strong letter.
        self.language = "en-GB"
        #: The level of the last heading set: a heading may go at most one level deeper (PDF/UA: no skipped levels).
        self.level = 1

    def add(self, text: str, links: tuple[Link, ...], style_name: str, element: Element, *, indent: float = 0.0,
            reserve: float = 0.0, listed: bool = True, lang: str | None = None, **extra: Any) -> TextBlock:  # fmt: skip
        """`text` in a style, under `element`; `lang` (a block in another language) becomes the element's /Lang."""
        style = STYLES[style_name]
        chain = self.bold if style.bold else self.regular
        runs = chain.runs(text)
        shaped = needs_shaping(text)
        if shaped:
            runs = [dataclasses.replace(run, kind=SHAPED) if run.kind == TEXT else run for run in runs]
        pieces = make_pieces(runs, links, len(text))
        block = TextBlock(text, style, element, pieces, links, indent, **extra)
        if lang is not None:
            element.lang = lang
        if shaped:
            if not links and element.actual_text is None:
                # Assistive technology reads the element's logical text, whatever order its glyphs are drawn in.
                element.actual_text = text
            block.shaped = True
            block.rtl = base_is_rtl(text, default=text_direction(lang or self.language) == "rtl")
            block.levels = levels(text, block.rtl) if has_rtl(text) else None
        block.lines = break_lines(text, pieces, style.size, self.width - indent - reserve, self.word_widths)
        if listed:
            self.blocks.append(block)
        return block

    def release(self, release: Release, parent: Element, *, depth: int = 0, key: str | None = None) -> TextBlock:
        """The release's title, header lines and body; in a bundle (`depth` 1) each starts a new page."""
        chapter = depth > 0
        self.level = 1 + depth
        self.language = release.language
        shown = shown_title(release.title, release.language)  # a release with no title: the kind of document
        title = self.add(shown, (), "chapter" if chapter else "title", Element(f"H{1 + depth}", parent),
                         page_break_before=chapter, bookmark=key)  # fmt: skip
        # The header lines, as the HTML has them: date, update, byline, issuer; the last one spaced from the body.
        lines: list[str] = []
        if release.date is not None:
            lines.append(format_date(release.date, release.language))
        if release.updated is not None and release.updated != release.date:
            lines.append("".join(dated_phrase("updated-on", release.updated, release.language)))
        if release.byline:
            lines.append(label("by", release.language, author=release.byline))
        if release.issuer:
            lines.append(release.issuer)
        for number, line in enumerate(lines, 1):
            self.add(line, (), "date" if number == len(lines) else "meta", Element("P", parent))
        for block in release.blocks:
            self.block(block, parent, depth)
        return title

    def block(self, block: Block, parent: Element, depth: int) -> None:
        match block:
            case Paragraph(text=text, links=links, lang=lang):
                self.add(text, links, "body", Element("P", parent), lang=lang)
            case Heading(text=text, level=level, links=links, lang=lang):
                level = self._heading_level(level + depth)
                self.add(text, links, "heading" if level <= 2 + depth else "subheading", Element(f"H{level}", parent), lang=lang)
            case ListBlock():
                self.items(block, parent)
            case NotesSection(heading=heading, blocks=inner):
                section = Element("Sect", parent)
                self.add(heading_text(heading), (), "section", Element(f"H{self._heading_level(2 + depth)}", section))
                for item in inner:
                    self.block(item, section, depth + 1)
            case ContactBlock(lines=lines, heading=heading):
                section = Element("Sect", parent)
                if heading:
                    self.add(heading_text(heading), (), "section", Element(f"H{self._heading_level(2 + depth)}", section))
                for number, line in enumerate(lines, 1):
                    self.add(line.text, line.links, "contact-last" if number == len(lines) else "contact", Element("P", section))
            case EndMark(text=text):
                self.add(text, (), "endmark", Element("P", parent))
            case _:
                assert_never(block)

    def _heading_level(self, wanted: int) -> int:
        """`wanted`, but never more than one level below the last heading, nor beyond H6."""
        self.level = min(wanted, self.level + 1, 6)
        return self.level

    def items(self, block: ListBlock, parent: Element) -> None:
        """Items with hanging indents: the label (bullet or number) in the gutter, the text indented after it."""
        element = Element("L", parent, lang=block.lang)
        labels = [f"{block.start + number}." if block.ordered else "•" for number in range(len(block.items))]
        size = STYLES["item"].size
        widths = {text: self.regular.width(text, size) for text in labels}  # a bullet list has one label
        indent = max(LIST_INDENT, max(widths.values(), default=0.0) + 6)
        for number, (item, text) in enumerate(zip(block.items, labels, strict=True), 1):
            entry = Element("LI", element)
            style = "item-last" if number == len(block.items) else "item"
            gutter = indent - 5 - widths[text]  # labels end 5 pt before the text
            marker = self.add(text, (), style, Element("Lbl", entry), indent=gutter, listed=False)
            self.add(item.text, item.links, style, Element("LBody", entry), indent=indent, marker=marker)

    def contents(self, collection: Collection, root: Element, *, before_entry: Callable[[int], None] = lambda number: None
                 ) -> list[TextBlock]:  # fmt: skip
        """The bundle's contents page: one entry per release (title — date), each a link to its first page.

        `before_entry(n)` runs before the n-th entry is set (the writer uses it to credit glyph reports per release)."""
        self.add(label("contents", collection.language), (), "heading", Element("H2", root))
        toc = Element("TOC", root)
        entries = []
        for number, release in enumerate(collection.releases, 1):
            before_entry(number - 1)
            text = shown_title(release.title, release.language)
            if release.date is not None:
                text += " — " + format_date(release.date, collection.language)  # one date style: the bundle's
            link = (Link(0, len(text), f"#release-{number}"),) if text else ()
            entries.append(self.add(text, link, "contents", Element("TOCI", toc), reserve=_PAGE_NUMBER_ROOM))
        return entries


class Painter:
    """Draws laid-out pages on a reportlab canvas, tagging as it goes."""

    def __init__(self, canvas: Any, tree: StructureTree, pages: list[list[Placement]], about: About, *,
                 header_chain: FontChain, size: tuple[float, float]) -> None:  # fmt: skip
        # The canvas's PDFDocument: fonts subset into it and our objects (annotations, the tree) are registered in it.
        self.canvas, self.doc, self.tree, self.pages, self.about = canvas, canvas._doc, tree, pages, about
        self.width, self.height = size
        self.chain = header_chain
        self.first_page: dict[int, int] = {}
        for number, page in enumerate(pages):
            for placement in page:
                if placement.first == 0:
                    self.first_page.setdefault(id(placement.block), number)
        room = self.width - 2 * MARGIN
        # Shortened once per document (the same on every page), by bisection.
        self.header = shortened(about.header, lambda text: header_chain.width(text, FURNITURE_SIZE) <= room)
        #: Each font's encoder for this document, by font name.
        self.encoders: dict[str, Encoder] = {}

    def encoder(self, font: LoadedFont) -> Encoder:
        found = self.encoders.get(font.name)
        if found is None:
            found = self.encoders[font.name] = Encoder(font, self.doc)
        return found

    def paint(self) -> None:
        from reportlab.pdfbase.pdfdoc import PDFName

        for number, page in enumerate(self.pages):
            out: list[str] = []
            annotations: list[Any] = []
            for placement in page:
                if placement.block.bookmark is not None and placement.first == 0:
                    self.canvas.bookmarkPage(placement.block.bookmark)
                    self.canvas.addOutlineEntry(placement.block.text, placement.block.bookmark, level=0)
                self._block(placement, number, out, annotations)
            self._furniture(number, out)
            self.canvas.showPage()
            pdf_page = self.doc.Pages.pages[-1]
            pdf_page.Contents = content_stream("\n".join(out))
            # reportlab writes only the page keys it knows; these two are asked for by name.
            pdf_page.__NoDefault__ = [*pdf_page.__NoDefault__, "StructParents", "Tabs"]
            pdf_page.StructParents = number
            if annotations:
                pdf_page.Annots = annotations
                pdf_page.Tabs = PDFName("S")

    # --- text ------------------------------------------------------------------------------------------

    def _block(self, placement: Placement, page: int, out: list[str], annotations: list[Any]) -> None:
        block, style = placement.block, placement.block.style
        pen = _Pen(self, page, out)
        if style.rule_above and placement.first == 0 and placement.top < self.height - MARGIN - 1:
            y = _num(placement.top + min(style.space_before, 12) / 2)  # not at the top of a page: nothing to set apart from
            out.append("/Artifact <</Type /Layout>> BDC")
            out.append(f"q {_stroke(RULE)} 0.5 w {_num(MARGIN)} {y} m {_num(self.width - MARGIN)} {y} l S Q")
            out.append("EMC")
        out.append("BT")
        if block.element.role[0] == "H" and not block.links and any(piece.run.kind in SPELLED_OUT for piece in block.pieces):
            # A heading with placeholders (or private-use characters) stays one sequence whose /ActualText is the
            # heading's text (no Span inside): a heading's /K with more than one kid crashes pdfua 0.1.3.
            pen.actual = block.text[block.lines[placement.first][0] : block.lines[placement.last - 1][1]]
        if placement.first == 0 and block.marker is not None:
            marker = block.marker
            pen.line(marker, 0, MARGIN + marker.indent, self._baseline(placement, placement.first), annotations)
        for line in range(placement.first, placement.last):
            x = MARGIN + block.indent
            if style.centred:
                start, end = block.lines[line]
                x += (self.width - 2 * MARGIN - block.indent - _line_width(block, start, end)) / 2
            elif block.rtl:
                # Right-aligned; a line's trailing space is drawn at its left end (bidi rule L1), so it counts.
                start, end = block.lines[line]
                x = self.width - MARGIN - _line_width(block, start, end)
            if block.shaped:
                pen.shaped_line(block, line, x, self._baseline(placement, line), annotations)
            else:
                pen.line(block, line, x, self._baseline(placement, line), annotations)
        if block.points_to is not None and placement.last == len(block.lines):
            target = self.first_page.get(id(block.points_to), 0)
            number = str(target + 1)
            width = self.chain.primary.width(number, style.size)
            pen.close()
            pen.colour(style.colour)
            mcid = self.tree.mark(block.element, page)
            out.append(f"/{block.element.role} <</MCID {mcid}>> BDC")
            out.append(f"1 0 0 1 {_num(self.width - MARGIN - width)} {_num(self._baseline(placement, placement.last - 1))} Tm")
            pen.show(self.chain.primary, number, style.size)
            out.append("EMC")
        pen.close()
        out.append("ET")
        if pen.underlines:
            # Links are underlined as well as coloured (colour alone must not carry meaning); the rules are
            # decoration, drawn after the text object as an artifact (paths may not sit inside BT … ET).
            rules = " ".join(f"{_num(left)} {_num(y)} m {_num(right)} {_num(y)} l" for left, right, y in pen.underlines)
            out.append(f"/Artifact <</Type /Layout>> BDC q {_stroke(LINK)} 0.6 w {rules} S Q EMC")

    def _baseline(self, placement: Placement, line: int) -> float:
        style = placement.block.style
        return placement.top - (line - placement.first) * style.leading - (style.leading - style.size) / 2 - style.size * 0.8

    def annotation(self, block: TextBlock, link: Link, element: Element, page: int, rect: tuple[float, ...]) -> Any:
        from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString

        text = block.text[link.start : link.end]
        entry = PDFDictionary({
            "Type": PDFName("Annot"), "Subtype": PDFName("Link"), "Rect": PDFArray([_num(value) for value in rect]),
            "Border": PDFArray([0, 0, 0]), "F": 4,
        })  # fmt: skip
        if link.href.startswith("#"):
            target = self.first_page.get(id(block.points_to), 0) if block.points_to is not None else 0
            entry["Dest"] = PDFArray([PDFObjectReference(f"Page{target + 1}"), PDFName("Fit")])
            where = label("page-n-of-m", self.about.language, page=target + 1, pages=len(self.pages))
            entry["Contents"] = PDFString(f"{text} ({where})")  # the label from l10n, in the bundle's language
        else:
            # URIs are 7-bit ASCII in PDF: internationalised ones are percent-encoded (as browsers do).
            uri = quote(link.href, safe=":/?#[]@!$&'()*+,;=%~")
            entry["A"] = PDFDictionary({"S": PDFName("URI"), "URI": PDFString(uri)})
            shown = link.href.removeprefix("mailto:")
            entry["Contents"] = PDFString(text if text in (shown, link.href) else f"{text} ({shown})")
        reference = self.doc.Reference(entry)
        entry["StructParent"] = self.tree.annotate(element, page, reference)
        return reference

    # --- furniture -------------------------------------------------------------------------------------

    def _furniture(self, page: int, out: list[str]) -> None:
        """Page numbers, and from page 2 the running title under a rule: artifacts, outside the structure tree."""
        pen = _Pen(self, page, out)
        footer = label("page-n-of-m", self.about.language, page=page + 1, pages=len(self.pages))
        width = self.chain.width(footer, FURNITURE_SIZE)
        self._artifact_text(pen, footer, (self.width - width) / 2, 13 * MM, "Footer")
        if page > 0:
            self._artifact_text(pen, self.header, MARGIN, self.height - 15 * MM, "Header")
            y = _num(self.height - 17 * MM)
            out.append("/Artifact <</Type /Pagination /Subtype /Header>> BDC")
            out.append(f"q {_stroke(RULE)} 0.5 w {_num(MARGIN)} {y} m {_num(self.width - MARGIN)} {y} l S Q")
            out.append("EMC")

    def _artifact_text(self, pen: _Pen, text: str, x: float, y: float, kind: str) -> None:
        runs = self.chain.runs(text)
        # Boxes and private-use glyphs say what they stand for, here too (PDF/A-2a checks artifacts as well).
        actual = f" /ActualText {_text_string(text)}" if any(run.kind in SPELLED_OUT for run in runs) else ""
        pen.out.append("BT")
        pen.out.append(f"/Artifact <</Type /Pagination /Subtype /{kind}{actual}>> BDC")
        pen.colour(FURNITURE)
        pen.out.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
        for run in runs:
            pen.show(run.font, drawn_text(run, text, run.start, run.end), FURNITURE_SIZE)
        pen.out.append("EMC")
        pen.out.append("ET")


class _Pen:
    """The text state inside one BT … ET: current font and colour, and the open marked-content sequence."""

    def __init__(self, painter: Painter, page: int, out: list[str]) -> None:
        self.painter, self.page, self.out = painter, page, out
        self.font: tuple[str, float] | None = None
        self.fill: Colour | None = None
        self.open: Element | None = None
        #: /ActualText for the block's own sequence, which then carries its placeholders itself.
        self.actual: str | None = None
        #: Underlines of the links drawn: (left, right, y).
        self.underlines: list[tuple[float, float, float]] = []

    def line(self, block: TextBlock, line: int, x: float, baseline: float, annotations: list[Any]) -> None:
        """Draw one line of `block`; each change of element (text, link, placeholder) is a new sequence."""
        out, text = self.out, block.text
        start, end = block.lines[line]
        out.append(f"1 0 0 1 {_num(x)} {_num(baseline)} Tm")
        size = block.style.size
        if len(block.pieces) == 1 and block.pieces[0].run.kind == TEXT and not block.links and self.actual is None:
            # Nearly every line: one font, drawn as itself, no link. What the loop below does for it, directly.
            if self.open is not block.element:
                self.close()
                self._begin(block.element, "")
            self.colour(block.style.colour)
            self.show(block.pieces[0].run.font, text[start:end], size)
            return
        link_spans: dict[int, list[float]] = {}
        position = x
        # The space a line breaks at is drawn at its end, but a link's underline stops at its last letter.
        visible_end = start + len(text[start:end].rstrip(" "))
        for piece in block.pieces_in(start, end):
            low, high = max(start, piece.start), min(end, piece.end)
            run = piece.run
            if run.kind == HIDDEN:
                continue
            owner = block.element if piece.link < 0 else _link_element(block, piece.link)
            boxed = run.kind in SPELLED_OUT and not (self.actual is not None and owner is block.element)
            if boxed:
                self.close()  # a placeholder is always its own sequence, carrying the text it stands for
                stands_for = text[low:high]
                self._begin(Element("Span", owner, actual_text=stands_for), f" /ActualText {_text_string(stands_for)}")
            elif self.open is not owner:
                self.close()
                whole = self.actual if owner is block.element else None
                self._begin(owner, "" if whole is None else f" /ActualText {_text_string(whole)}")
            # Links out are blue; a contents entry (an internal link) keeps its text colour.
            outward = piece.link >= 0 and not block.links[piece.link].href.startswith("#")
            self.colour(LINK if outward else block.style.colour)
            drawn = drawn_text(run, text, low, high)
            self.show(run.font, drawn, size)
            if boxed:
                self.close()
            if block.links:
                width = run_width(run, text, low, high, size)
                if piece.link >= 0:
                    span = link_spans.setdefault(piece.link, [position, position])
                    shown = width if high <= visible_end else run_width(run, text, low, max(low, visible_end), size)
                    span[1] = max(span[1], position + shown)
                position += width
        self._annotate(block, link_spans, baseline, size, annotations)

    def shaped_line(self, block: TextBlock, line: int, x: float, baseline: float, annotations: list[Any]) -> None:
        """Draw one line of a shaped block: its stretches in visual order, each from HarfBuzz's glyphs.

        Each stretch is drawn inside `/Span <</ActualText (its logical text)>>`, so the text layer is
        the logical text. Without links, the whole block is one sequence of its element (as `line` does);
        with links, each stretch is a sequence of its element, the MCIDs given in logical order so that
        the structure tree reads the line in logical order whatever order it is drawn in.
        """
        painter, out, text = self.painter, self.out, block.text
        start, end = block.lines[line]
        out.append(f"1 0 0 1 {_num(x)} {_num(baseline)} Tm")
        size = block.style.size
        stretches = [(start, end, 0)] if block.levels is None else visual_runs(text, block.levels, start, end, block.rtl)
        segments: list[tuple[int, int, Piece, int]] = []  # in drawing order
        for low_end, high_end, level in stretches:
            found = [
                (max(low_end, piece.start), min(high_end, piece.end), piece, level)
                for piece in block.pieces_in(low_end, high_end)
                if piece.run.kind != HIDDEN and max(low_end, piece.start) < min(high_end, piece.end)
            ]
            segments += reversed(found) if level % 2 else found
        marks: dict[int, int] = {}
        if block.links:
            self.close()
            for low, _, piece, _ in sorted(segments, key=lambda segment: segment[0]):
                marks[low] = painter.tree.mark(block.element if piece.link < 0 else _link_element(block, piece.link), self.page)
        link_spans: dict[int, list[float]] = {}
        position = x
        for low, high, piece, level in segments:
            run = piece.run
            owner = block.element if piece.link < 0 else _link_element(block, piece.link)
            # A left-to-right stretch (Devanagari…) says what it stands for: its glyphs are reordered. A right-to-left
            # one is drawn as it reads, right to left, each glyph mapped to its letters (ToUnicode), so text
            # extraction, which reads such lines right to left, gives the logical text; /ActualText there would be
            # laid out left to right by extractors, reversed.
            actual = "" if level % 2 else f" /ActualText {_text_string(text[low:high])}"
            if block.links:
                out.append(f"/{owner.role} <</MCID {marks[low]}{actual}>> BDC")
            else:
                if self.open is not owner:
                    self.close()
                    self._begin(owner, "")
                out.append(f"/Span <<{actual.strip()}>> BDC")
            outward = piece.link >= 0 and not block.links[piece.link].href.startswith("#")
            self.colour(LINK if outward else block.style.colour)
            if run.kind == SHAPED:
                width = self.glyphs(run.font, text, low, high, size, rtl=level % 2 == 1)
            else:
                self.show(run.font, drawn_text(run, text, low, high), size)
                width = run_width(run, text, low, high, size)
            out.append("EMC")
            if piece.link >= 0:
                span = link_spans.setdefault(piece.link, [position, position + width])
                span[0], span[1] = min(span[0], position), max(span[1], position + width)
            position += width
        self._annotate(block, link_spans, baseline, size, annotations)

    def glyphs(self, font: LoadedFont, text: str, start: int, end: int, size: float, *, rtl: bool) -> float:
        """Show text[start:end] as HarfBuzz shapes it in `font` (offsets by TJ adjustments and rise); its width."""
        from reportlab.lib.rl_accel import escapePDF

        doc = self.painter.doc
        shaped = shape(font, text, start, end, rtl)
        widths = [advance(font, glyph.gid) for glyph in shaped]
        clusters = glyph_texts(text, shaped, end, font.font.face.glyphToChar, rtl=rtl)
        codes = font.font.glyph_codes(
            [(glyph.gid, cluster, width) for glyph, cluster, width in zip(shaped, clusters, widths, strict=True)], doc
        )
        parts: list[str] = []
        rise = 0.0

        def flush() -> None:
            if parts:
                self.out.append(f"[{' '.join(parts)}] TJ")
                parts.clear()

        for glyph, (subset, code), width in zip(shaped, codes, widths, strict=True):
            name = font.font.getSubsetInternalName(subset, doc)
            if self.font != (name, size):
                flush()
                self.out.append(f"{name} {_num(size)} Tf")
                self.font = (name, size)
            wanted = glyph.y_offset * size / 1000
            if wanted != rise:
                flush()
                self.out.append(f"{_num(wanted)} Ts")
                rise = wanted
            if glyph.x_offset:
                parts.append(_num(-glyph.x_offset))
            parts.append(f"({escapePDF(bytes([code]))})")
            after = width + glyph.x_offset - glyph.advance
            if after:
                parts.append(_num(after))
        flush()
        if rise:
            self.out.append("0 Ts")
        return sum(glyph.advance for glyph in shaped) * size / 1000

    def _annotate(self, block: TextBlock, link_spans: dict[int, list[float]], baseline: float, size: float,
                  annotations: list[Any]) -> None:  # fmt: skip
        """Underline and annotate each link drawn on this line (`link_spans`: link → [left, right])."""
        ascent, descent = size * 0.9, size * 0.25
        for index, (left, right) in link_spans.items():
            if not block.links[index].href.startswith("#"):
                self.underlines.append((left, right, baseline - size * 0.12))
            element = _link_element(block, index)
            annotations.append(self.painter.annotation(block, block.links[index], element, self.page,
                                                       (left, baseline - descent, right, baseline + ascent)))  # fmt: skip

    def _begin(self, element: Element, extra: str) -> None:
        mcid = self.painter.tree.mark(element, self.page)
        self.out.append(f"/{element.role} <</MCID {mcid}{extra}>> BDC")
        self.open = element

    def close(self) -> None:
        if self.open is not None:
            self.out.append("EMC")
            self.open = None

    def colour(self, colour: Colour) -> None:
        if colour != self.fill:
            self.out.append(_rgb(colour))
            self.fill = colour

    def show(self, font: LoadedFont, text: str, size: float) -> None:
        """Show `text` in `font`: the bytes per 256-glyph subset, coded by the document's subsetter (`Encoder`)."""
        from reportlab.lib.rl_accel import escapePDF

        if not text:
            return
        for name, data in self.painter.encoder(font).encode(text):
            if self.font != (name, size):
                self.out.append(f"{name} {_num(size)} Tf")
                self.font = (name, size)
            self.out.append(f"({escapePDF(data)}) Tj")


def _link_element(block: TextBlock, index: int) -> Element:
    """The Link structure element of the block's `index`-th link (one per link, made on first use)."""
    if block.link_elements is None:
        block.link_elements = {}
    element = block.link_elements.get(index)
    if element is None:
        element = block.link_elements[index] = Element("Link", block.element)
    return element


def _line_width(block: TextBlock, start: int, end: int) -> float:
    return sum(
        run_width(piece.run, block.text, max(start, piece.start), min(end, piece.end), block.style.size)
        for piece in block.pieces_in(start, end)
    )


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _rgb(colour: Colour) -> str:
    """The fill-colour operator (text)."""
    return " ".join(f"{value:.3f}" for value in colour) + " rg"


def _stroke(colour: Colour) -> str:
    """The stroke-colour operator (rules, underlines)."""
    return " ".join(f"{value:.3f}" for value in colour) + " RG"


def _text_string(text: str) -> str:
    """A PDF text string (UTF-16BE with BOM, in hex) for marked-content properties."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def notices_for(report: GlyphReport, where: str = "") -> list[Notice]:
    """The notices one write's font report gives; `where` (a release's name) prefixes each, in bundles."""
    prefix = f"{where}: " if where else ""
    found: list[Notice] = []
    if report.missing:
        chars = list(report.missing)
        shown = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in chars[:8])
        more = f" and {len(chars) - 8} more" if len(chars) > 8 else ""
        found.append(notice(Code.MISSING_GLYPH, (
            f"{prefix}no font has a glyph for {shown}{more}; drawn as {PLACEHOLDER} (the text layer keeps the character). "
            "Install a TrueType font that has it (e.g. fonts-symbola for emoji, fonts-noto-core for other scripts) "
            "or name one with --fallback-font FILE.ttf"
        )))  # fmt: skip
    for font, used in report.fallback.items():
        count = len(used)
        shown = "".join(list(used)[:12])
        found.append(notice(Code.FALLBACK_FONT, (
            f"{prefix}set {count} character{'s' if count != 1 else ''} ({shown}{'…' if count > 12 else ''}) in {font.label} "
            f"({font.where}), a font installed on this system"
        )))  # fmt: skip
    return found


def render(
    stream: BinaryIO, about: About, chains: tuple[FontChain, FontChain], paper: tuple[float, float],
    compose: Callable[[Composer], None],
) -> None:  # fmt: skip
    """Compose, lay out, draw and write one PDF to `stream`."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference, PDFString
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = chains
    width, height = paper
    root = Element("Document")
    composer = Composer(regular, bold, width - 2 * MARGIN, root)
    compose(composer)
    pages = paginate(composer.blocks, height - MARGIN, MARGIN)
    tree = StructureTree(len(pages), root)

    # Our embedded font from the start: reportlab's default Helvetica would be a font we do not embed.
    canvas = Canvas(stream, pagesize=paper, invariant=1, pageCompression=1, lang=about.language, pdfVersion=(1, 7),
                    initialFontName=regular.primary.name)  # fmt: skip
    document = canvas._doc
    painter = Painter(canvas, tree, pages, about, header_chain=regular, size=paper)
    painter.paint()
    if about.outline:
        canvas.showOutline()

    info: dict[str, str] = {
        "Title": about.title, "Author": about.author, "Subject": about.subject,
        "Keywords": label("press-release", about.language), "Creator": "pressconv", "Producer": "pressconv",
    }  # fmt: skip
    if about.source:
        info["Source"] = about.source
    entries: dict[str, Any] = {key: PDFString(value) for key, value in info.items() if value}
    if about.timestamp is not None:
        entries["CreationDate"] = entries["ModDate"] = PDFString(info_date(about.timestamp))
    document.info = _info_class()(entries, about)

    catalog = document.Catalog
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
    catalog.Metadata = metadata_stream(xmp_packet(info, language=about.language, created=about.timestamp))
    catalog.StructTreeRoot = tree.write(document, [PDFObjectReference(f"Page{number + 1}") for number in range(len(pages))])
    catalog.OutputIntents = output_intents(document)
    canvas.save()


@functools.lru_cache(maxsize=1)
def _info_class() -> type[Any]:
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo

    class Info(PDFInfo):  # type: ignore[misc]
        """The document information dictionary exactly as given: no placeholder dates, no /Trapped
        (PDF/A wants every entry mirrored in XMP), the release's source URL when it has one."""

        def __init__(self, entries: dict[str, Any], about: About) -> None:
            super().__init__()
            self.entries = entries
            self.title, self.author, self.subject = about.title, about.author, about.subject
            self.keywords = label("press-release", about.language)

        def format(self, document: Any) -> bytes:
            result: bytes = PDFDictionary(self.entries).format(document)
            return result

    return Info
