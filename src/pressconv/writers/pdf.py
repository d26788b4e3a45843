"""Print-ready, searchable PDFs with an embedded Unicode font.

reportlab's built-in fonts only know Latin-1, so curly quotes survive but
"Ж", "Ω" or "ł" would not: pressconv embeds DejaVu Sans (shipped in
`pressconv/fonts`, with its licence), or the user's own TrueType font. Text
is set with platypus so it stays real, extractable text; every piece of
release text is escaped before reportlab's mini-markup sees it.

Output is reproducible: reportlab's invariant mode fixes the document ID, and
the dates written are the publication date (or SOURCE_DATE_EPOCH) — with no
date known, the PDF carries none rather than reportlab's placeholder.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar
from xml.sax.saxutils import escape

from pressconv.errors import OptionError, OutputError
from pressconv.l10n import format_date as human_date
from pressconv.model import Collection, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import paper_size_mm
from pressconv.writers.packaging import collection_timestamp, document_timestamp

FONT_DIRECTORY = Path(__file__).resolve().parent.parent / "fonts"
DEFAULT_REGULAR = FONT_DIRECTORY / "DejaVuSans.ttf"
DEFAULT_BOLD = FONT_DIRECTORY / "DejaVuSans-Bold.ttf"


@dataclasses.dataclass(frozen=True, slots=True)
class PdfOptions:
    paper: str = field(default="a4", metadata=option("docx, pdf: page size (default: a4)", choices=("a4", "letter")))
    font: FileValue | None = field(
        default=None, metadata=option("TrueType font for the text (default: DejaVu Sans)", file=True, metavar="FILE.ttf")
    )
    font_bold: FileValue | None = field(
        default=None, metadata=option("TrueType font for the title and headings (default: --font)", file=True, metavar="FILE.ttf")
    )
    #: Fonts tried, in order, for characters the main font lacks (before the fonts fontconfig finds).
    fallback_fonts: tuple[FileValue, ...] = field(
        default=(),
        metadata=option(
            "font for characters the main font lacks (repeatable); fonts installed on the system are also tried",
            file=True, repeatable=True, metavar="FILE.ttf", flag="--fallback-font",
        ),
    )  # fmt: skip
    #: The document author; None takes the release's byline.
    author: str | None = field(default=None, metadata=option("author in the document properties (default: the byline)",
                                                             metavar="NAME"))  # fmt: skip

    def __post_init__(self) -> None:
        paper_size_mm(self.paper)


class PdfWriter:
    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    description: ClassVar[str] = "a print-ready PDF with an embedded Unicode font"
    options_type: ClassVar[type[Any]] = PdfOptions

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        setter = _Setter(options or PdfOptions())
        story = setter.release(release, "title")
        setter.build(stream, story, _Document(
            title=release.title, subject=_subject(release), language=release.language,
            header=release.title, timestamp=document_timestamp(release), source=release.source_url,
        ))  # fmt: skip

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        """Title, a contents page with page numbers, then each release from a new page; bookmarked."""
        from reportlab.platypus import PageBreak, Paragraph, TableStyle
        from reportlab.platypus.tableofcontents import TableOfContents

        setter = _Setter(options or PdfOptions())
        # The contents are a table; its cells default to Helvetica, a font no PDF of ours may use.
        table_style = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), setter.regular, 10.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        contents = TableOfContents(dotsMinLevel=0, levelStyles=[setter.styles["contents"]], tableStyle=table_style)
        story: list[Any] = [
            Paragraph(setter.typeset(collection.title, setter.bold), setter.styles["title"]),
            Paragraph(setter.typeset("Contents", setter.bold), setter.styles["heading"]),
            contents,
        ]
        for release in collection.releases:
            story += [PageBreak(), *setter.release(release, "chapter")]
        setter.build(stream, story, _Document(
            title=collection.title, subject="Press releases", language=collection.language,
            header=collection.title, timestamp=collection_timestamp(collection),
        ), contents=True)  # fmt: skip


@dataclasses.dataclass(frozen=True, slots=True)
class _Document:
    """What the PDF says about itself and puts in the page header."""

    title: str
    subject: str
    language: str
    header: str
    timestamp: datetime.datetime | None
    source: str | None = None


class _Setter:
    """Fonts, styles and page set-up for one write: turns releases into flowables and builds the file."""

    def __init__(self, options: PdfOptions) -> None:
        self.options = options
        self.regular = _register_font(str(options.font or DEFAULT_REGULAR))
        self.bold = _register_font(str(options.font_bold or options.font or DEFAULT_BOLD))
        fallbacks = tuple(_register_font(str(path)) for path in (*options.fallback_fonts, DEFAULT_REGULAR))
        self.typeset = functools.partial(_markup, fallbacks=fallbacks)
        self.styles = _styles(self.regular, self.bold)

    def release(self, release: Release, title_style: str) -> list[Any]:
        from reportlab.platypus import Paragraph

        story = [Paragraph(self.typeset(release.title, self.bold), self.styles[title_style])]
        if release.date is not None:
            story.append(Paragraph(self.typeset(human_date(release.date, release.language), self.regular), self.styles["date"]))
        story += [Paragraph(self.typeset(text, self.regular), self.styles["body"]) for text in release.paragraphs]
        return story

    def build(self, stream: BinaryIO, story: list[Any], about: _Document, *, contents: bool = False) -> None:
        from reportlab.lib.units import mm

        width, height = paper_size_mm(self.options.paper)
        document = _template_class()(
            stream,
            pagesize=(width * mm, height * mm),
            leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm, bottomMargin=25 * mm,
            title=about.title, author=self.options.author or "", subject=about.subject, keywords="press release",
            creator="pressconv", producer="pressconv", lang=about.language, invariant=1,
        )  # fmt: skip
        canvas_class: Any = _canvas_class()
        maker = functools.partial(
            canvas_class, header=about.header, timestamp=about.timestamp, source=about.source, font=self.regular
        )
        if contents:
            document.multiBuild(story, canvasmaker=maker)  # passes until the contents' page numbers settle
        else:
            document.build(story, canvasmaker=maker)


@functools.cache
def _template_class() -> type[Any]:
    """A document template that bookmarks each chapter and reports it to the table of contents."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    class ReleaseTemplate(SimpleDocTemplate):  # type: ignore[misc]
        def beforeDocument(self) -> None:
            self._chapters = 0

        def afterFlowable(self, flowable: Any) -> None:
            if isinstance(flowable, Paragraph) and flowable.style.name == "chapter":
                self._chapters += 1
                key = f"release-{self._chapters}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)
                # The contents entry is parsed as markup again: give it the chapter's own, already
                # escaped and with its fallback-font runs, never the plain text.
                self.notify("TOCEntry", (0, flowable.text, self.page, key))

    return ReleaseTemplate


def _subject(release: Release) -> str:
    if release.date is None:
        return "Press release"
    return f"Press release, {human_date(release.date, release.language)}"


def _markup(text: str, font: str, *, fallbacks: tuple[str, ...]) -> str:
    """reportlab paragraph markup for `text`: escaped, with runs the font lacks set in a fallback font.

    reportlab silently drops characters its font has no glyph for; pressconv
    never drops text, so such a character either gets a font that has it or
    stops the conversion with an error saying which font to add.
    """
    if _coverage(font).issuperset(map(ord, text)):
        return escape(text)  # the common case, checked in one pass at C speed
    runs: list[tuple[str, list[str]]] = []
    for char in text:
        face = _font_for(char, font, fallbacks)
        if runs and runs[-1][0] == face:
            runs[-1][1].append(char)
        else:
            runs.append((face, [char]))
    return "".join(
        escape("".join(chars)) if face == font else f'<font face="{face}">{escape("".join(chars))}</font>' for face, chars in runs
    )


def _font_for(char: str, font: str, fallbacks: tuple[str, ...]) -> str:
    codepoint = ord(char)
    if codepoint in _coverage(font) or char == " " or unicodedata.category(char) == "Cf":
        return font  # invisible format characters (joiners, variation selectors) need no glyph
    for fallback in fallbacks:
        if codepoint in _coverage(fallback):
            return fallback
    system = _system_font_for(codepoint)
    if system is None:
        raise OutputError(
            f"no font has a glyph for {char!r} (U+{codepoint:04X}); install a font that has it, "
            "or name one with --fallback-font FILE.ttf"
        )
    return system


@functools.cache
def _coverage(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


@functools.cache
def _system_font_for(codepoint: int) -> str | None:
    """A font installed on this machine with a glyph for `codepoint`, found through fontconfig.

    Only TrueType-outline fonts qualify (reportlab cannot embed CFF/OpenType
    outlines); candidates are tried in path order so the choice is stable.
    """
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run(
            [fc_list, f":charset={codepoint:x}", "file", "index"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    candidates: list[tuple[str, int]] = []
    for line in listing.splitlines():
        path, _, index = line.partition(": :index=")
        path = path.rstrip(":").strip()
        if path.lower().endswith((".ttf", ".ttc")):
            candidates.append((path, int(index) if index.strip().isdigit() else 0))
    for font_path, font_index in sorted(candidates):
        try:
            name = _register_font(font_path, font_index)
        except OptionError:
            continue
        if codepoint in _coverage(name):
            return name
    return None


@functools.cache
def _register_font(path: str, index: int = 0) -> str:
    """Register a TrueType font with reportlab once per process; returns its registered name.

    The name is derived from the file's content, so two fonts never collide
    and the same font is registered only once however often it is asked for.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise OptionError(f"cannot read the font {path!r}: {error.strerror or error}") from None
    name = f"pressconv-{hashlib.sha256(data).hexdigest()[:12]}-{index}"
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, ValueError, KeyError, IndexError) as error:
        raise OptionError(f"{path} is not a usable TrueType font: {error}") from None
    return name


@functools.cache
def _styles(regular: str, bold: str) -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=15.5, spaceAfter=7.5, allowWidows=0, allowOrphans=0)
    navy = HexColor("#1b2a41")
    return {
        "chapter": ParagraphStyle(
            "chapter", fontName=bold, fontSize=17, leading=21, spaceAfter=5, keepWithNext=1, textColor=navy
        ),
        "heading": ParagraphStyle(
            "heading", fontName=bold, fontSize=13, leading=17, spaceBefore=12, spaceAfter=8, textColor=navy
        ),
        "contents": ParagraphStyle("contents", fontName=regular, fontSize=10.5, leading=15, leftIndent=0, firstLineIndent=0),
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=21, leading=26, spaceAfter=6, keepWithNext=1, textColor=HexColor("#1b2a41")
        ),
        "date": ParagraphStyle(
            "date", fontName=regular, fontSize=10.5, leading=14, spaceAfter=16, keepWithNext=1, textColor=HexColor("#595959")
        ),
        "body": body,
    }


@functools.cache
def _fix_reportlab_to_unicode() -> None:
    """Work around reportlab writing characters above U+FFFF (emoji, rare CJK) into the
    ToUnicode CMap as five hex digits: PDF wants UTF-16BE, i.e. a surrogate pair. Without
    this, text extraction and copy-paste turn "🎉" into "Ἰ" plus a stray digit.

    Only the entries for such characters change; everything else stays byte for byte
    what reportlab wrote. Applied once, the first time a PDF is written.
    """
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_pressconv_fixed", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, subset)
        for code, value in enumerate(subset):
            if value > 0xFFFF:
                high, low = 0xD800 + ((value - 0x10000) >> 10), 0xDC00 + ((value - 0x10000) & 0x3FF)
                text = text.replace(f"\n<{code:02X}> <{value:04X}>\n", f"\n<{code:02X}> <{high:04X}{low:04X}>\n")
        return text

    make_to_unicode_cmap._pressconv_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@functools.cache
def _canvas_class() -> type[Any]:
    """The canvas that draws page furniture and writes honest dates; built on first use so
    importing this module does not import reportlab."""
    _fix_reportlab_to_unicode()
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    class ReleaseInfo(PDFInfo):  # type: ignore[misc]
        """The document information dictionary: dates only when known (never reportlab's placeholder),
        and the release's source URL when it has one."""

        stamp: str | None = None
        source: str | None = None

        def format(self, document: Any) -> Any:
            fields = {
                "Title": self.title, "Author": self.author, "Subject": self.subject, "Keywords": self.keywords,
                "Creator": self.creator, "Producer": self.producer,
            }  # fmt: skip
            if self.stamp is not None:
                fields["CreationDate"] = fields["ModDate"] = self.stamp
            if self.source:
                fields["Source"] = self.source
            entries: dict[str, Any] = {key: PDFString(value) for key, value in fields.items()}
            entries["Trapped"] = PDFName(self.trapped)
            return PDFDictionary(entries).format(document)

    class ReleaseCanvas(Canvas):  # type: ignore[misc]
        """Collects pages, then draws "Page N of M" and the running title once the total is known."""

        def __init__(
            self, *args: Any, header: str, timestamp: datetime.datetime | None, source: str | None, font: str, **kwargs: Any
        ) -> None:
            # Our font from the start: reportlab's default Helvetica would be a non-embedded font.
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._header, self._font = header, font
            self._pages: list[dict[str, Any]] = []
            info = ReleaseInfo()
            info.__dict__.update(self._doc.info.__dict__)
            info.stamp = None if timestamp is None else timestamp.strftime("D:%Y%m%d%H%M%S+00'00'")
            info.source = source
            self._doc.info = info

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_furniture(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_furniture(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(self._font, 8.5)
            self.setFillColor(HexColor("#6b6b6b"))
            self.drawCentredString(width / 2, 13 * mm, f"Page {self._pageNumber} of {total}")
            if self._pageNumber > 1:
                room = width - 50 * mm
                title = self._header
                if stringWidth(title, self._font, 8.5) > room:
                    while title and stringWidth(title + "…", self._font, 8.5) > room:
                        title = title[:-1]
                    title = title.rstrip() + "…"
                self.drawString(25 * mm, height - 15 * mm, title)
                self.setStrokeColor(HexColor("#c8c8c8"))
                self.setLineWidth(0.5)
                self.line(25 * mm, height - 17 * mm, width - 25 * mm, height - 17 * mm)
            self.restoreState()

    return ReleaseCanvas
