"""The plain use of each library, as someone would first write it: the yardstick pressconv is measured against.

Each function writes the same content (title, date, cleaned paragraphs) with
the library's ordinary API and defaults; no pressconv code is involved.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from xml.sax.saxutils import escape

import pressconv

FONT = Path(pressconv.__file__).parent / "fonts" / "DejaVuSans.ttf"


def docx_plain(release: pressconv.Release) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(release.title, 0)
    document.add_paragraph(str(release.date))
    for text in release.paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@functools.cache
def _plain_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("PlainDejaVu", str(FONT)))
    return "PlainDejaVu"


def pdf_plain(release: pressconv.Release) -> bytes:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _plain_font()
    styles = getSampleStyleSheet()
    for name in ("Title", "Normal"):
        styles[name].fontName = font
    buffer = io.BytesIO()
    story = [Paragraph(escape(release.title), styles["Title"]), Paragraph(str(release.date), styles["Normal"])]
    story += [Paragraph(escape(text), styles["Normal"]) for text in release.paragraphs]
    SimpleDocTemplate(buffer, title=release.title).build(story)
    return buffer.getvalue()


def epub_plain(release: pressconv.Release) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("plain")
    book.set_title(release.title)
    book.set_language("en")
    chapter = epub.EpubHtml(title=release.title, file_name="release.xhtml", lang="en")
    chapter.content = "<h1>" + escape(release.title) + "</h1>" + "".join(f"<p>{escape(text)}</p>" for text in release.paragraphs)
    book.add_item(chapter)
    book.toc = [epub.Link("release.xhtml", release.title, "release")]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


def html_plain(release: pressconv.Release) -> bytes:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<!DOCTYPE html><html><head><title></title></head><body></body></html>", "html.parser")
    soup.title.string = release.title
    heading = soup.new_tag("h1")
    heading.string = release.title
    soup.body.append(heading)
    for text in release.paragraphs:
        paragraph = soup.new_tag("p")
        paragraph.string = text
        soup.body.append(paragraph)
    return str(soup).encode("utf-8")


PLAIN = {"docx": docx_plain, "pdf": pdf_plain, "epub": epub_plain, "html": html_plain}
