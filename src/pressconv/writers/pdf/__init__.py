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
- `document`: composing, drawing and writing;
- `writing`: what `PdfWriter` does with its options (fonts, the document's description).

Output is reproducible: the document ID is fixed (reportlab's invariant
mode) and the only dates written are the publication date (or
SOURCE_DATE_EPOCH); with no date known, the PDF carries none.

This module is the writer's face (options, which the CLI turns into flags, and the
class the registry loads); `writing` turns options into fonts and calls `document`.
Nothing else here, and reportlab, is imported until a PDF is written, so
`pressconv --help` and the command line of any other format stay fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from pressconv.model import Collection, Notice, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import paper_size_mm

__all__ = ["DEFAULT_BOLD", "DEFAULT_REGULAR", "FONT_DIRECTORY", "PLACEHOLDER", "PdfOptions", "PdfWriter"]

#: The bundled fonts (DejaVu Sans): the default text and heading fonts, and the last fallback.
FONT_DIRECTORY = Path(__file__).resolve().parents[2] / "fonts"
DEFAULT_REGULAR = FONT_DIRECTORY / "DejaVuSans.ttf"
DEFAULT_BOLD = FONT_DIRECTORY / "DejaVuSans-Bold.ttf"
#: Drawn for a character no font has: WHITE SQUARE, the "tofu" box readers recognise. DejaVu Sans has it.
PLACEHOLDER = "\u25a1"
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
        """Refuse an unreadable or unusable font before any work (OptionError).

        Only fonts the options name: the bundled ones are checked by the tests, so checking the
        defaults loads nothing (neither reportlab nor a font) in a process that may never draw a PDF.
        """
        options = options or PdfOptions()
        if options.font is not None or options.font_bold is not None or options.fallback_fonts:
            from pressconv.writers.pdf.writing import check_fonts

            check_fonts(options)

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        from pressconv.writers.pdf.writing import write_release

        return write_release(release, stream, options or PdfOptions())

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> Sequence[Notice]:
        """Title, a contents page with page numbers, then each release from a new page; bookmarked, tagged as TOC/TOCI."""
        from pressconv.writers.pdf.writing import write_collection

        return write_collection(collection, stream, options or PdfOptions())
