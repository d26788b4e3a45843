"""The one place a `Release` becomes (X)HTML markup, shared by the HTML and EPUB writers.

The tree is built with the standard library's ElementTree: text is only ever
placed in it as strings, never spliced into markup, so the serialiser escapes
it — a release that says `<script>` shows the word. (ElementTree rather than
bs4: pressconv builds trees and never parses or queries them, and bs4's import
alone, with its CSS-selector engine, cost more than writing a page.)

Each block type has one method in `_ArticleBuilder`; the markup chosen
serialises the same as HTML5 and as XHTML (no void elements inside the
article), so EPUB embeds the article unchanged. Every date and fixed label
comes from `pressconv.l10n`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import assert_never
from xml.etree.ElementTree import Element, SubElement, tostring

from pressconv.errors import OptionError
from pressconv.l10n import dated_phrase, format_date, label, shown_title, text_direction
from pressconv.model import Block, Collection, ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Release
from pressconv.options import FileValue, read_option_file
from pressconv.writers.base import heading_text

#: Link targets a writer may emit; anything else in a hand-built `Link` is shown as plain text.
_LINK_SCHEMES = ("http://", "https://", "mailto:")

#: The built-in page style; it has colours for light and dark schemes, so the page declares both
#: (`<meta name="color-scheme" content="light dark">`, which the HTML writer adds with this stylesheet only).
DEFAULT_CSS = """\
body {
  margin: 0 auto; max-width: 38em; padding: 1.5em 1.25em 3em;
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff;
}
h1, h2, h3, h4, h5, h6, .dateline, .byline, .issuer, nav {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
}
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .35em; hyphens: auto; overflow-wrap: break-word; }
h2 { font-size: 1.35em; line-height: 1.25; margin: 1.6em 0 .5em; overflow-wrap: break-word; }
h3 { font-size: 1.15em; margin: 1.4em 0 .4em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 .3em; }
.dateline, .byline, .issuer { margin: 0 0 .25em; color: #555; font-size: .95em; }
article > header { margin-bottom: 1.75em; }
p, li { margin: 0 0 1em; overflow-wrap: break-word; }
ul, ol { margin: 0 0 1em; }
li { margin-bottom: .35em; }
a { color: #0b57d0; text-decoration: underline; }
a:visited { color: #6a2fa8; }
.notes { margin-top: 2em; padding-top: 1em; border-top: 1px solid #ccc; font-size: .95em; }
.contact { margin-top: 1.5em; }
address { font-style: normal; }
address p { margin: 0; }
.end-mark { text-align: center; letter-spacing: .2em; color: #555; font-size: .85em; margin: 2em 0; }
.collection > header h1 { font-size: 2.2em; }
nav li { margin-bottom: .4em; }
nav time { white-space: nowrap; color: #555; }
nav a:visited time { color: inherit; }
.chapter { margin-top: 3em; padding-top: 2em; border-top: 3px double #999; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  .dateline, .byline, .issuer, .end-mark, nav time { color: #b0b0b0; }
  a { color: #8ab4f8; }
  a:visited { color: #d7aefb; }
  .notes { border-top-color: #555; }
  .chapter { border-top-color: #777; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; background: #fff; }
  h1 { font-size: 20pt; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; }
  .chapter { break-before: page; border: 0; }
}
"""


def read_stylesheet(value: FileValue | None, default: str) -> str:
    """A stylesheet option's text (`default` when None); it must be UTF-8 (a BOM is allowed)."""
    if value is None:
        return default
    data = read_option_file(value, "stylesheet")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        name = "given as bytes" if isinstance(value, bytes) else repr(str(value))
        raise OptionError(f"the stylesheet {name} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None


def html_markup(element: Element) -> str:
    """`element` as HTML5: void elements unclosed, text escaped, `<script>`/`<style>` content as given
    (callers escape `</` in it)."""
    return tostring(element, encoding="unicode", method="html")


def xhtml_markup(element: Element) -> str:
    """`element` as well-formed XML (only the three XML entities; empty elements self-closed)."""
    return tostring(element, encoding="unicode", short_empty_elements=True)


def xhtml_document(*, title: str, language: str, stylesheet: str, body: Element, body_class: str | None = None) -> bytes:
    """A complete EPUB 3 content document around `body` (an element built by this module), ready to store."""
    html = Element("html", {
        "xmlns": "http://www.w3.org/1999/xhtml", "xmlns:epub": "http://www.idpf.org/2007/ops",
        "lang": language, "xml:lang": language,
    })  # fmt: skip
    direction = text_direction(language)
    if direction == "rtl":
        html.set("dir", "rtl")
    head = SubElement(html, "head")
    SubElement(head, "meta", {"charset": "utf-8"})
    SubElement(head, "title").text = title
    SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet})
    attributes = {"dir": "rtl"} if direction == "rtl" else {}
    if body_class:
        attributes["class"] = body_class
    body_element = SubElement(html, "body", attributes)
    body_element.append(body)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + xhtml_markup(html) + "\n").encode("utf-8")


def time_element(parent: Element, date: datetime.date, language: str) -> Element:
    """`<time datetime="2014-03-07">7 March 2014</time>` in the reader's language."""
    element = SubElement(parent, "time", {"datetime": date.isoformat()})
    element.text = format_date(date, language)
    return element


def contents_entry_text(release: Release, language: str) -> str:
    """A contents entry as plain text (the EPUB navigation document): the title, then the date when known,
    in the collection's `language` (one date style on the contents page, whatever each release's language)."""
    name = shown_title(release.title, release.language)
    if release.date is None:
        return name
    return f"{name} \u2014 {format_date(release.date, language)}"


def build_contents(collection: Collection, anchors: list[str]) -> Element:
    """`<nav>` listing every release of a collection by title and date, linked to `anchors` (one per release).

    The date is inside the link, so six releases called "Council approves budget" are six different links.
    """
    nav = Element("nav", {"aria-labelledby": "contents"})
    SubElement(nav, "h2", {"id": "contents"}).text = label("contents", collection.language)
    items = SubElement(nav, "ol")
    for release, anchor in zip(collection.releases, anchors, strict=True):
        link = SubElement(SubElement(items, "li"), "a", {"href": anchor})
        link.text = shown_title(release.title, release.language)
        if release.language != collection.language:
            link.set("lang", release.language)
        if release.date is not None:
            link.text += " \u2014 "
            # The contents page's dates are all in the bundle's language, in one style.
            date = time_element(link, release.date, collection.language)
            if release.language != collection.language:
                date.set("lang", collection.language)
    return nav


def build_article(
    release: Release,
    *,
    heading_level: int = 1,
    anchor: str | None = None,
    page_language: str | None = None,
    name_sections: bool = True,
) -> Element:
    """`<article>`: a header (title, date, updated date, byline, issuer), then every block.

    A release on its own page has an `<h1>` title and `<h2>` subheadings; as a chapter of a
    collection (`heading_level=2`) every heading moves one level down, and ids are prefixed
    with `anchor` so they stay unique on the page. The notes and contact sections are named
    (`aria-labelledby`) by their heading and, in a collection, the release's title and date, so
    each landmark's name is unique on the page; `name_sections=False` leaves them unnamed
    (plain sections, not landmarks) for a release whose title and date another one shares.
    """
    attributes = {"id": anchor, "class": "chapter"} if anchor else {}
    article = Element("article", attributes)
    if page_language is not None and page_language != release.language:
        article.set("lang", release.language)
        if text_direction(release.language) != text_direction(page_language):
            article.set("dir", text_direction(release.language))
    builder = _ArticleBuilder(release.language, heading_level, f"{anchor}-" if anchor else "", name_sections)
    builder.header(article, release)
    builder.blocks(article, release.blocks, heading_level + 1)
    return article


def add_text(parent: Element, text: str, links: Iterable[Link] = ()) -> None:
    """`text` as the content of `parent`, each link span an `<a href>`; the text itself is never changed."""
    position = 0
    last: Element | None = None
    for link in sorted(links, key=lambda span: span.start):
        if link.start < position or not link.href.lower().startswith(_LINK_SCHEMES):
            continue  # an overlapping or non-web link: its text stays, unlinked
        _append(parent, last, text[position : link.start])
        last = SubElement(parent, "a", {"href": link.href})
        last.text = text[link.start : link.end]
        position = link.end
    _append(parent, last, text[position:])


def _append(parent: Element, last: Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


class _ArticleBuilder:
    """One method per block type; holds what one article needs to stay consistent (ids, heading order)."""

    def __init__(self, language: str, title_level: int, id_prefix: str, name_sections: bool) -> None:
        self.language = language
        self.name_sections = name_sections
        # In a collection a section's name also holds the release's title and date (ids of the header's elements).
        self.context_ids: list[str] = []
        self.title_level = title_level
        self.id_prefix = id_prefix
        self.last_level = title_level
        self.sections = 0

    def header(self, article: Element, release: Release) -> None:
        header = SubElement(article, "header")
        title = SubElement(header, f"h{self.title_level}")
        title.text = shown_title(release.title, release.language)
        if release.title is None:
            title.set("class", "untitled")  # the kind of document, not a headline of the release's
        if self.id_prefix:
            title.set("id", f"{self.id_prefix}title")
            self.context_ids.append(f"{self.id_prefix}title")
        if release.date is not None:
            dateline = SubElement(header, "p", {"class": "dateline"})
            time_element(dateline, release.date, release.language)
            if self.id_prefix:
                dateline.set("id", f"{self.id_prefix}date")
                self.context_ids.append(f"{self.id_prefix}date")
        if release.updated is not None and release.updated != release.date:
            updated = SubElement(header, "p", {"class": "dateline updated"})
            before, _, after = dated_phrase("updated-on", release.updated, release.language)
            updated.text = before
            time_element(updated, release.updated, release.language).tail = after or None
        if release.byline:
            SubElement(header, "p", {"class": "byline"}).text = label("by", release.language, author=release.byline)
        if release.issuer:
            SubElement(header, "p", {"class": "issuer"}).text = release.issuer

    def blocks(self, parent: Element, blocks: tuple[Block, ...], level: int) -> None:
        """Every block under `parent`; `level` is the heading level a level-2 subheading gets here."""
        for block in blocks:
            match block:
                case Paragraph():
                    self.paragraph(parent, block)
                case Heading():
                    self.heading(parent, block, level)
                case ListBlock():
                    self.list_block(parent, block)
                case NotesSection():
                    self.notes(parent, block, level)
                case ContactBlock():
                    self.contact(parent, block, level)
                case EndMark():
                    self.end_mark(parent, block)
                case _:
                    assert_never(block)

    def _heading(self, parent: Element, text: str, level: int, links: tuple[Link, ...] = (), ident: str | None = None) -> Element:
        # Never skip a level (h2 → h4): assistive technology reads the jump as a missing section.
        level = max(self.title_level + 1, min(level, self.last_level + 1, 6))
        self.last_level = level
        element = SubElement(parent, f"h{level}", {"id": ident} if ident else {})
        add_text(element, text, links)
        return element

    def paragraph(self, parent: Element, block: Paragraph) -> None:
        add_text(self._language_of_part(SubElement(parent, "p"), block.lang), block.text, block.links)

    def heading(self, parent: Element, block: Heading, level: int) -> None:
        self._language_of_part(self._heading(parent, block.text, level + block.level - 2, block.links), block.lang)

    def list_block(self, parent: Element, block: ListBlock) -> None:
        attributes = {"start": str(block.start)} if block.ordered and block.start != 1 else {}
        element = self._language_of_part(SubElement(parent, "ol" if block.ordered else "ul", attributes), block.lang)
        for item in block.items:
            add_text(SubElement(element, "li"), item.text, item.links)

    def _language_of_part(self, element: Element, lang: str | None) -> Element:
        """A block in another language than the release's says so (`lang`, WCAG 3.1.2), and its direction
        when that differs (`dir`), so a screen reader switches voice and the browser lays it out right."""
        if lang is not None:
            element.set("lang", lang)
            if text_direction(lang) != text_direction(self.language):
                element.set("dir", text_direction(lang))
        return element

    def _section(self, parent: Element, kind: str, heading: str, level: int) -> Element:
        """A `<section>` named by its heading (and, in a collection, by the release's title, so each is unique)."""
        self.sections += 1
        ident = f"{self.id_prefix}{kind}-{self.sections}"
        section = SubElement(parent, "section", {"class": kind})
        if self.name_sections:
            section.set("aria-labelledby", " ".join((ident, *self.context_ids)))
        self._heading(section, heading_text(heading), level, ident=ident)
        return section

    def notes(self, parent: Element, block: NotesSection, level: int) -> None:
        section = self._section(parent, "notes", block.heading, level)
        self.blocks(section, block.blocks, level + 1)
        self.last_level = min(self.last_level, level)

    def contact(self, parent: Element, block: ContactBlock, level: int) -> None:
        """An `<address>` (the contact for this article), in a section named by its heading when it has one."""
        container = parent if block.heading is None else self._section(parent, "contact", block.heading, level)
        address = SubElement(container, "address", {"class": "contact"} if block.heading is None else {})
        for line in block.lines:
            add_text(SubElement(address, "p"), line.text, line.links)

    def end_mark(self, parent: Element, block: EndMark) -> None:
        SubElement(parent, "p", {"class": "end-mark"}).text = block.text
