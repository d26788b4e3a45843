"""The one place a `Release` becomes (X)HTML markup, shared by the HTML and EPUB writers.

Text is only ever placed in the tree as strings, never spliced into markup,
so bs4 escapes it on output: a release that says `<script>` shows the word.
The markup chosen serialises identically as HTML5 and XHTML (no void
elements inside the article), so EPUB can embed it unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressconv.l10n import format_date as human_date
from pressconv.model import Collection, Release

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

DEFAULT_CSS = """\
body {
  margin: 0 auto; max-width: 38em; padding: 1.5em 1.25em 3em;
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff;
}
h1, .dateline { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .35em; hyphens: auto; overflow-wrap: break-word; }
.dateline { margin: 0 0 1.75em; color: #555; font-size: .95em; }
p { margin: 0 0 1em; overflow-wrap: break-word; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  .dateline { color: #aaa; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; background: #fff; }
  h1 { font-size: 20pt; }
  p { orphans: 3; widows: 3; }
}
"""


def serialize(node: BeautifulSoup | Tag, *, xhtml: bool = False) -> str:
    """Markup for `node`: HTML5, or with `xhtml` well-formed XML (void elements self-closed).

    Every & < > in text is escaped (not only the ambiguous ones), and only
    the three XML entities are ever written, since XHTML knows no others.
    """
    from bs4.dammit import EntitySubstitution
    from bs4.formatter import HTMLFormatter

    close = "/" if xhtml else ""
    formatter = HTMLFormatter(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=close)
    return node.decode(formatter=formatter)


def xhtml_document(*, title: str, language: str, stylesheet: str, body: str) -> bytes:
    """A complete EPUB 3 content document, ready to store as is.

    `body` is markup already serialised by an escaping builder (`serialize(..., xhtml=True)`
    or ElementTree), never raw text. The shell is built with ElementTree, which escapes the
    title and attributes, so its empty `<body />` is the only one and the body goes there.
    """
    from xml.etree import ElementTree

    html = ElementTree.Element("html", {
        "xmlns": "http://www.w3.org/1999/xhtml", "xmlns:epub": "http://www.idpf.org/2007/ops",
        "lang": language, "xml:lang": language,
    })  # fmt: skip
    head = ElementTree.SubElement(html, "head")
    ElementTree.SubElement(head, "meta", {"charset": "utf-8"})
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet})
    ElementTree.SubElement(html, "body")
    shell = ElementTree.tostring(html, encoding="unicode", short_empty_elements=True)
    document = shell.replace("<body />", f"<body>{body}</body>", 1)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + document + "\n").encode("utf-8")


def build_contents(soup: BeautifulSoup, collection: Collection, anchors: list[str]) -> Tag:
    """`<nav>` listing every release of a collection, linked to `anchors` (one per release)."""
    nav = soup.new_tag("nav", attrs={"aria-labelledby": "contents"})
    heading = soup.new_tag("h2", attrs={"id": "contents"})
    heading.string = "Contents"
    nav.append(heading)
    items = soup.new_tag("ol")
    for release, anchor in zip(collection.releases, anchors, strict=True):
        item = soup.new_tag("li")
        link = soup.new_tag("a", attrs={"href": anchor})
        link.string = release.title
        item.append(link)
        if release.date is not None:
            item.append(" — ")
            time = soup.new_tag("time", attrs={"datetime": release.date.isoformat()})
            time.string = human_date(release.date, release.language)
            item.append(time)
        items.append(item)
    nav.append(items)
    return nav


def build_article(soup: BeautifulSoup, release: Release, *, heading_level: int = 1, anchor: str | None = None) -> Tag:
    """`<article>` with the title as a heading, a `<time>` dateline when the date is known, and the paragraphs.

    A release on its own page has an `<h1>`; as a chapter of a collection, an
    `<h2>` under the collection's title, with an `id` to link to.
    """
    article = soup.new_tag("article", attrs={"id": anchor} if anchor else {})
    header = soup.new_tag("header")
    heading = soup.new_tag(f"h{heading_level}")
    heading.string = release.title
    header.append(heading)
    if release.date is not None:
        dateline = soup.new_tag("p", attrs={"class": "dateline"})
        time = soup.new_tag("time", attrs={"datetime": release.date.isoformat()})
        time.string = human_date(release.date, release.language)
        dateline.append(time)
        header.append(dateline)
    article.append(header)
    for text in release.paragraphs:
        paragraph = soup.new_tag("p")
        paragraph.string = text
        article.append(paragraph)
    return article
