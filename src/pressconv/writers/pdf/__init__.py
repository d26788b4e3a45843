"""Print-ready, searchable, tagged PDFs: PDF/UA-1 and PDF/A-2a by default.

Text stays real, extractable text in an embedded Unicode font (DejaVu Sans,
shipped in `pressconv/fonts`, or the user's TrueType font), laid out and
tagged by pressconv itself on reportlab's canvas and PDF objects — see
`document` for how, and docs/accessibility-pdf.md for what is conformant and
how it is checked. The package's modules, in the order a write uses them:

- `fonts`: loading fonts, fallbacks, the missing-glyph policy, ToUnicode maps;
- `styles`: sizes, spacing and colours;
- `layout`: line breaking and pagination (linear time);
- `tagging`: the structure tree;
- `furniture`: the running title;
- `objects`: PDF/A streams, XMP and the output intent;
- `document`: composing, drawing and writing.

Output is reproducible: the document ID is fixed (reportlab's invariant
mode) and the only dates written are the publication date (or
SOURCE_DATE_EPOCH); with no date known, the PDF carries none.

reportlab is imported only when a PDF is written, so `pressconv --help` stays fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from pressconv.l10n import format_date, label
from pressconv.model import Collection, Notice, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import paper_size_mm
from pressconv.writers.packaging import collection_timestamp, document_timestamp
from pressconv.writers.pdf.fonts import DEFAULT_BOLD, DEFAULT_REGULAR, FONT_DIRECTORY, PLACEHOLDER

if TYPE_CHECKING:
    from pressconv.writers.pdf.fonts import FontChain, GlyphReport, LoadedFont

__all__ = ["DEFAULT_BOLD", "DEFAULT_REGULAR", "FONT_DIRECTORY", "PLACEHOLDER", "PdfOptions", "PdfWriter"]

MISSING_GLYPH_POLICIES = ("placeholder", "error")


@dataclasses.dataclass(frozen=True, slots=True)
class PdfOptions:
    paper: str = field(default="a4", metadata=option("page size (default: a4)", choices=("a4", "letter")))
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
    #: The document author; None takes the release's byline ("" when it has none).
    author: str | None = field(default=None, metadata=option("author in the document properties (default: the byline)",
                                                             metavar="NAME"))  # fmt: skip
    #: A character no font has: drawn as a placeholder box (the text layer keeps it) with a notice, or an error.
    missing_glyphs: str = field(
        default="placeholder",
        metadata=option(
            "a character no font has is drawn as a box, kept in the text layer and reported (placeholder, "
            "the default), or stops the conversion (error)",
            choices=MISSING_GLYPH_POLICIES, metavar="POLICY",
        ),
    )  # fmt: skip
    #: Look for fallback fonts installed on this machine (fontconfig). Off: only the fonts given and the
    #: bundled DejaVu are used, so the output is the same on every machine.
    system_fonts: bool = field(
        default=True,
        metadata=option("use only the given and bundled fonts, never fonts installed on this system "
                        "(the same output on every machine)", switch=True, flag="--no-system-fonts"),
    )  # fmt: skip

    def __post_init__(self) -> None:
        paper_size_mm(self.paper)
        if self.missing_glyphs not in MISSING_GLYPH_POLICIES:
            raise ValueError(f"missing_glyphs must be one of {', '.join(MISSING_GLYPH_POLICIES)}, not {self.missing_glyphs!r}")


class PdfWriter:
    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    description: ClassVar[str] = "a tagged, archival PDF (PDF/UA-1, PDF/A-2a) with an embedded Unicode font"
    options_type: ClassVar[type[Any]] = PdfOptions

    def check(self, options: Any) -> None:
        """Refuse an unreadable or unusable font before any work (OptionError)."""
        _Fonts(options or PdfOptions())

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        from pressconv.writers.pdf.document import About, Composer, render

        options = options or PdfOptions()
        fonts = _Fonts(options)
        about = About(
            title=release.title, subject=_subject(release), language=release.language, header=release.title,
            author=_author(options, release.byline), timestamp=document_timestamp(release), source=release.source_url,
        )  # fmt: skip

        def compose(composer: Composer) -> None:
            composer.release(release, composer.root)

        render(stream, about, fonts.chains(), _paper(options), compose)
        return fonts.notices("")  # the caller knows which release it wrote; a bundle's notices name theirs

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        """Title, a contents page with page numbers, then each release from a new page; bookmarked, tagged as TOC/TOCI."""
        from pressconv.writers.pdf.document import About, Composer, render
        from pressconv.writers.pdf.fonts import GlyphReport
        from pressconv.writers.pdf.tagging import Element

        options = options or PdfOptions()
        fonts = _Fonts(options)
        regular, bold = fonts.chains()
        reports = [GlyphReport() for _ in collection.releases]

        def use(report: GlyphReport) -> None:
            regular.report = bold.report = report

        def compose(composer: Composer) -> None:
            composer.add(collection.title, (), "title", Element("H1", composer.root))
            entries = composer.contents(collection, composer.root, before_entry=lambda number: use(reports[number]))
            for number, release in enumerate(collection.releases):
                use(reports[number])
                # A release in another language than the bundle's says so on its section (PDF/UA 7.2).
                other = release.language if release.language != collection.language else None
                section = Element("Sect", composer.root, lang=other)
                entries[number].points_to = composer.release(release, section, depth=1, key=f"release-{number + 1}")
            use(fonts.report)

        about = About(
            title=collection.title, subject=label("press-releases", collection.language), language=collection.language,
            header=collection.title, author=options.author or "", timestamp=collection_timestamp(collection), outline=True,
        )  # fmt: skip
        render(stream, about, (regular, bold), _paper(options), compose)
        notices = list(fonts.notices(""))
        for release, report in zip(collection.releases, reports, strict=True):
            notices += fonts.notices(_name(release), report)
        return notices


class _Fonts:
    """The fonts of one write, and what it had to do about characters they lack.

    The same font file may arrive twice (as a path and as bytes, or as an option and from fontconfig) and be
    parsed into two objects; within one document each font must be one object, so the first one seen is kept.
    """

    def __init__(self, options: PdfOptions) -> None:
        from pressconv.writers.pdf.fonts import GlyphReport, default_font, load_font

        self.options = options
        self._seen: dict[str, LoadedFont] = {}
        self.regular = self._one(load_font(options.font) if options.font is not None else default_font())
        bold_value = options.font_bold if options.font_bold is not None else options.font
        self.bold = self._one(load_font(bold_value) if bold_value is not None else default_font(bold=True))
        self.fallbacks = tuple(self._one(font) for font in (*map(load_font, options.fallback_fonts), default_font()))
        self.report = GlyphReport()

    def _one(self, font: LoadedFont) -> LoadedFont:
        return self._seen.setdefault(font.name, font)

    def chains(self) -> tuple[FontChain, FontChain]:
        from pressconv.writers.pdf.fonts import FontChain, no_system_fonts, system_font_for

        lookup = system_font_for if self.options.system_fonts else no_system_fonts

        def system(codepoint: int) -> LoadedFont | None:
            found = lookup(codepoint)
            return None if found is None else self._one(found)

        def chain(font: LoadedFont) -> FontChain:
            return FontChain(font, self.fallbacks, system=system, policy=self.options.missing_glyphs, report=self.report)

        return chain(self.regular), chain(self.bold)

    def notices(self, where: str, report: GlyphReport | None = None) -> list[Notice]:
        from pressconv.writers.pdf.document import notices_for

        return notices_for(report if report is not None else self.report, where)


def _author(options: PdfOptions, byline: str | None) -> str:
    return options.author if options.author is not None else (byline or "")


def _paper(options: PdfOptions) -> tuple[float, float]:
    from pressconv.writers.pdf.styles import MM

    width, height = paper_size_mm(options.paper)
    return width * MM, height * MM


def _subject(release: Release) -> str:
    kind = label("press-release", release.language)
    return kind if release.date is None else f"{kind}, {format_date(release.date, release.language)}"


def _name(release: Release) -> str:
    """How a notice names a release: its source, else its title."""
    if release.source:
        return release.source
    title = release.title if len(release.title) <= 60 else release.title[:59] + "…"
    return f"“{title}”"
