"""Make the README's picture, `docs/images/outputs.png`, from pressconv's real outputs.

A visitor should see what they get before installing, and the picture must not
drift from the code: so it is never drawn by hand. This script converts the
bundled seed release (`fixtures/blue-light-integration.txt`) to HTML, PDF, EPUB
and DOCX with `pressconv.convert`, renders each with the program a reader would
use, and puts the four side by side:

- HTML: a headless Chromium screenshot, as a browser shows the page;
- PDF: page 1 through pdftoppm (poppler);
- EPUB: the cover and the first text page, each opened in Chromium from the
  unpacked book (the pages link their stylesheet relatively);
- DOCX: page 1 after LibreOffice turns the document into PDF, i.e. how the
  document looks in a word processor rather than how python-docx wrote it.

Run it after changing a writer:  python scripts/screenshots.py [--output PATH]
On one machine the PNG is the same, byte for byte, from run to run, so git
shows a change only when a rendering changed.
It needs chromium, soffice (LibreOffice) and pdftoppm (poppler-utils); when one
is missing it says which and how to install it, and exits with status 2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

import pressconv

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "blue-light-integration.txt"
DEFAULT_OUTPUT = ROOT / "docs" / "images" / "outputs.png"
FONT = ROOT / "src" / "pressconv" / "fonts" / "DejaVuSans.ttf"

#: Viewports: a desktop browser window for HTML; the cover's own 2:3 shape for EPUB, close to an e-reader's.
HTML_WINDOW = (900, 1200)
EPUB_WINDOW = (600, 900)
#: Resolution for PDF pages: 60 dpi makes an A4 page 496 × 702, a little above the tile height, so only downscaled.
PDF_DPI = 60
#: The composed picture: its width, the margins around and between tiles, the caption lines' sizes.
WIDTH = 1600
MARGIN = 32
GAP = 28
SPREAD_GAP = 10  # between the EPUB cover and its first page, which form one tile
CAPTION_SIZE = 22
DETAIL_SIZE = 15
BACKGROUND = (242, 243, 245)
BORDER = (196, 200, 207)
INK = (33, 37, 41)
MUTED = (100, 106, 115)
#: Generous limits: a cold LibreOffice start takes a few seconds, Chromium about two.
TIMEOUT = 180


class ToolMissing(Exception):
    """An external program the picture needs is not installed."""


@dataclass(frozen=True, slots=True)
class Tools:
    """Paths of the external renderers."""

    chromium: str
    soffice: str
    pdftoppm: str


@dataclass(frozen=True, slots=True)
class Tile:
    """One format in the picture: its rendered page(s), a caption and a line saying what is shown."""

    pages: tuple[Image.Image, ...]
    caption: str
    detail: str


_INSTALL_HINTS = {
    "chromium": "apt-get install chromium",
    "soffice": "apt-get install libreoffice-writer-nogui",
    "pdftoppm": "apt-get install poppler-utils",
}


def find_tools() -> Tools:
    """Every renderer's path, or `ToolMissing` naming the first one absent and its Debian package."""

    def which(*names: str) -> str:
        for name in names:
            path = shutil.which(name)
            if path is not None:
                return path
        raise ToolMissing(f"{names[0]} is not installed ({_INSTALL_HINTS[names[0]]})")

    return Tools(
        chromium=which("chromium", "chromium-browser", "google-chrome"),
        soffice=which("soffice", "libreoffice"),
        pdftoppm=which("pdftoppm"),
    )


def run(argv: Sequence[str], work: Path) -> None:
    """Run a renderer quietly with TMPDIR inside `work`, so whatever it leaves behind goes with `work`.

    Chromium and LibreOffice chatter on stderr even when they succeed (D-Bus,
    javaldx); it is shown only when the program fails.
    """
    env = {**os.environ, "TMPDIR": str(work), "HOME": str(work)}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(argv[0]).name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def screenshot(tools: Tools, page: Path, window: tuple[int, int], work: Path) -> Image.Image:
    """A headless Chromium screenshot of a local page, in a throw-away profile with no network chatter."""
    out = work / f"{page.stem}-{window[0]}x{window[1]}.png"
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=work))
    run(
        [
            tools.chromium,
            "--headless",
            "--no-sandbox",  # Chromium refuses to run as root (CI) without it
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={window[0]},{window[1]}",
            f"--screenshot={out}",
            page.resolve().as_uri(),
        ],
        work,
    )
    return load(out)


def first_pdf_page(tools: Tools, pdf: Path, work: Path) -> Image.Image:
    """Page 1 of a PDF as pdftoppm draws it."""
    stem = work / f"{pdf.stem}-{pdf.parent.name}-page1"
    run([tools.pdftoppm, "-png", "-r", str(PDF_DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], work)
    return load(stem.with_suffix(".png"))


def docx_page(tools: Tools, docx: Path, work: Path) -> Image.Image:
    """Page 1 of a DOCX as LibreOffice lays it out (converted to PDF in a private profile, then drawn)."""
    outdir = work / "docx-pdf"
    profile = work / "libreoffice-profile"
    run(
        [
            tools.soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        work,
    )
    pdf = outdir / f"{docx.stem}.pdf"
    if not pdf.is_file():  # soffice exits 0 even when it could not convert
        raise RuntimeError(f"LibreOffice did not convert {docx.name} to PDF")
    return first_pdf_page(tools, pdf, work)


def epub_pages(tools: Tools, epub: Path, work: Path) -> tuple[Image.Image, ...]:
    """The cover and the first text page of an EPUB, each opened in Chromium from the unpacked book."""
    book = work / "epub"
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(book)  # zipfile drops '..' and absolute parts, so nothing lands outside `book`
    spine = spine_documents(book)
    if not spine:
        raise RuntimeError(f"{epub.name} has no documents in its spine")
    return tuple(screenshot(tools, document, EPUB_WINDOW, work) for document in spine[:2])


_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


def spine_documents(book: Path) -> list[Path]:
    """The unpacked book's reading order, found as a reading system finds it: container.xml → package → spine."""
    container = ET.parse(book / "META-INF" / "container.xml").getroot()
    rootfile = container.find(f"{_CONTAINER}rootfiles/{_CONTAINER}rootfile")
    if rootfile is None:
        raise RuntimeError("the EPUB's container.xml names no package document")
    package_path = book / rootfile.attrib["full-path"]
    package = ET.parse(package_path).getroot()
    hrefs = {item.attrib["id"]: item.attrib["href"] for item in package.iter(f"{_OPF}item")}
    return [package_path.parent / hrefs[ref.attrib["idref"]] for ref in package.iter(f"{_OPF}itemref")]


def load(path: Path) -> Image.Image:
    """A rendered PNG as RGB, read fully so the file can go with its temporary folder."""
    with Image.open(path) as image:
        return image.convert("RGB")


@dataclass(frozen=True, slots=True)
class Rendering:
    """The tiles, and what the person running the script should know about how faithful they are."""

    tiles: tuple[Tile, ...]
    warnings: tuple[str, ...]


def render_tiles(seed: Path, tools: Tools, work: Path) -> Rendering:
    """Convert the seed to the four formats and render each as a reader would see it."""
    outputs = work / "outputs"
    result = pressconv.convert(seed, to=["html", "pdf", "epub", "docx"], output=outputs)
    paths = {output.format: Path(output.path) for output in result.outputs if output.path is not None}
    tiles = (
        Tile((screenshot(tools, paths["html"], HTML_WINDOW, work),), "HTML", "in a browser"),
        Tile((first_pdf_page(tools, paths["pdf"], work),), "PDF", "page 1"),
        Tile(epub_pages(tools, paths["epub"], work), "EPUB", "cover and first page"),
        Tile((docx_page(tools, paths["docx"], work),), "DOCX", "page 1, opened in LibreOffice"),
    )
    substitute = font_substitute(docx_font(paths["docx"]))
    return Rendering(tiles, (substitute,) if substitute else ())


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_font(docx: Path) -> str | None:
    """The body font a DOCX asks for: the document defaults' Latin font in its styles part."""
    with zipfile.ZipFile(docx) as archive:
        styles = ET.fromstring(archive.read("word/styles.xml"))
    fonts = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
    return None if fonts is None else fonts.get(f"{_W}ascii")


#: Free fonts with the same metrics as Word's defaults (LibreOffice lays a page out alike with either), and their Debian packages.
_METRIC_TWINS = {
    "calibri": ("Carlito", "fonts-crosextra-carlito"),
    "cambria": ("Caladea", "fonts-crosextra-caladea"),
    "arial": ("Liberation Sans", "fonts-liberation2"),
    "times new roman": ("Liberation Serif", "fonts-liberation2"),
}


def font_substitute(family: str | None) -> str | None:
    """A warning when fontconfig draws `family` with an unrelated font, so the DOCX tile will not look as in Word.

    Word's Calibri is not free; Carlito has its metrics and LibreOffice uses
    it in its place. Without either, lines break elsewhere and the page looks
    unlike what a recipient sees.
    """
    fc_match = shutil.which("fc-match")
    if family is None or fc_match is None:
        return None
    done = subprocess.run([fc_match, "-f", "%{family}", family], capture_output=True, text=True, timeout=30, check=False)
    drawn = done.stdout.split(",")[0].strip()
    twin = _METRIC_TWINS.get(family.lower())
    if done.returncode != 0 or drawn.lower() in {family.lower(), twin[0].lower() if twin else ""}:
        return None
    hint = f"; for a faithful page install {twin[0]}, its metric twin (apt-get install {twin[1]})" if twin else ""
    return f"the DOCX asks for {family}, which this machine draws as {drawn}{hint}"


def compose(tiles: Sequence[Tile], width: int = WIDTH) -> Image.Image:
    """The tiles side by side at one page height, bordered, each captioned, on a light grey ground.

    The page height is chosen so the row fills `width`: each page keeps its own
    shape (A4, a browser window, an e-reader screen), so shapes tell formats apart.
    """
    caption_font = ImageFont.truetype(str(FONT), CAPTION_SIZE)
    detail_font = ImageFont.truetype(str(FONT), DETAIL_SIZE)
    pages = [page for tile in tiles for page in tile.pages]
    ratios = sum(page.width / page.height for page in pages)
    borders = 2 * len(pages)
    spreads = sum(len(tile.pages) - 1 for tile in tiles) * SPREAD_GAP
    free = width - 2 * MARGIN - GAP * (len(tiles) - 1) - spreads - borders
    height = int(free / ratios)
    scaled = [[thumbnail(page, height) for page in tile.pages] for tile in tiles]
    caption_height = CAPTION_SIZE + DETAIL_SIZE + 22
    canvas = Image.new("RGB", (width, MARGIN + height + 2 + caption_height + MARGIN), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    # Rounding leaves a few pixels over: share them out as extra gap so the row is centred.
    used = sum(page.width + 2 for row in scaled for page in row) + spreads + GAP * (len(tiles) - 1)
    x = (width - used) // 2
    for tile, row in zip(tiles, scaled, strict=True):
        left = x
        for index, page in enumerate(row):
            if index:
                x += SPREAD_GAP
            draw.rectangle((x, MARGIN, x + page.width + 1, MARGIN + page.height + 1), outline=BORDER)
            canvas.paste(page, (x + 1, MARGIN + 1))
            x += page.width + 2
        centre = (left + x) / 2
        top = MARGIN + height + 2 + 12
        draw.text((centre, top), tile.caption, font=caption_font, fill=INK, anchor="mt")
        draw.text((centre, top + CAPTION_SIZE + 6), tile.detail, font=detail_font, fill=MUTED, anchor="mt")
        x += GAP
    return canvas


def thumbnail(page: Image.Image, height: int) -> Image.Image:
    """The page scaled to `height` with Lanczos, which keeps small text legible as grey lines, not noise."""
    width = max(1, round(page.width * height / page.height))
    return page.resize((width, height), Image.Resampling.LANCZOS)


def save(image: Image.Image, path: Path) -> None:
    """Write a small PNG: 256 colours are plenty for pages of text, and keep the README light."""
    path.parent.mkdir(parents=True, exist_ok=True)
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, format="PNG", optimize=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the README's picture of the seed release in every format.")
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the PNG (default: {DEFAULT_OUTPUT.relative_to(ROOT)})",
    )
    parser.add_argument("--seed", type=Path, default=SEED, help="the release to show (default: the bundled seed)")
    args = parser.parse_args(argv)
    try:
        tools = find_tools()
    except ToolMissing as error:
        print(f"screenshots.py: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pressconv-screenshots-") as folder:
        rendering = render_tiles(args.seed, tools, Path(folder))
    for warning in rendering.warnings:
        print(f"screenshots.py: warning: {warning}", file=sys.stderr)
    save(compose(rendering.tiles), args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
