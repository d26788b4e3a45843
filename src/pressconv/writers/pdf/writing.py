"""What `PdfWriter` does with its options: load the fonts, describe the document, compose and render it."""

from __future__ import annotations

from typing import BinaryIO

from pressconv.l10n import document_title, format_date, label
from pressconv.model import Collection, Notice, Release
from pressconv.writers.base import document_author, paper_size_mm
from pressconv.writers.packaging import collection_timestamp, document_timestamp
from pressconv.writers.pdf import PdfOptions
from pressconv.writers.pdf.document import About, Composer, notices_for, render
from pressconv.writers.pdf.fonts import (
    FontChain,
    GlyphReport,
    LoadedFont,
    default_font,
    load_font,
    no_system_fonts,
    system_font_for,
)
from pressconv.writers.pdf.styles import MM
from pressconv.writers.pdf.tagging import Element


def check_fonts(options: PdfOptions) -> None:
    """Load the fonts the options name, so an unreadable or unusable one fails before any work."""
    _Fonts(options)


def write_release(release: Release, stream: BinaryIO, options: PdfOptions) -> list[Notice]:
    """The release as a tagged PDF on `stream`."""
    fonts = _Fonts(options)
    title = document_title(release.title, release.date, release.language)  # /Title and XMP dc:title, which PDF/UA needs
    about = About(
        title=title, subject=_subject(release), language=release.language, header=title,
        author=document_author(options.author, (release,)), timestamp=document_timestamp(release), source=release.source_url,
    )  # fmt: skip

    def compose(composer: Composer) -> None:
        composer.release(release, composer.root)

    render(stream, about, fonts.chains(), _paper(options), compose)
    return fonts.notices("")  # the caller knows which release it wrote; a bundle's notices name theirs


def write_collection(collection: Collection, stream: BinaryIO, options: PdfOptions) -> list[Notice]:
    """Title, a contents page with page numbers, then each release from a new page; bookmarked, tagged as TOC/TOCI."""
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
        header=collection.title, author=document_author(options.author, collection.releases),
        timestamp=collection_timestamp(collection), outline=True,
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
        lookup = system_font_for if self.options.system_fonts else no_system_fonts

        def system(codepoint: int) -> LoadedFont | None:
            found = lookup(codepoint)
            return None if found is None else self._one(found)

        def chain(font: LoadedFont) -> FontChain:
            return FontChain(font, self.fallbacks, system=system, policy=self.options.missing_glyphs, report=self.report)

        return chain(self.regular), chain(self.bold)

    def notices(self, where: str, report: GlyphReport | None = None) -> list[Notice]:
        return notices_for(report if report is not None else self.report, where)


def _paper(options: PdfOptions) -> tuple[float, float]:
    width, height = paper_size_mm(options.paper)
    return width * MM, height * MM


def _subject(release: Release) -> str:
    kind = label("press-release", release.language)
    return kind if release.date is None else f"{kind}, {format_date(release.date, release.language)}"


def _name(release: Release) -> str:
    """How a notice names a release: its source, else its title."""
    if release.source:
        return release.source
    title = document_title(release.title, release.date, release.language)
    title = title if len(title) <= 60 else title[:59] + "…"
    return f"“{title}”"
