"""A standalone HTML5 page per release (or per collection): readable on a phone, a desktop and on paper.

Built as an ElementTree so every piece of release text is escaped by
construction (`pressconv.writers.xhtml` builds the article). The page is made
to pass axe-core's WCAG 2.2 AA and best-practice rules in light and dark
colour schemes: one `<main>` landmark, headings in order, links whose text is
where they go, colours chosen for contrast in both schemes.
Carries schema.org JSON-LD so search engines and archives can read the
headline, date, author and publisher without scraping it all over again.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import field
from typing import Any, BinaryIO, ClassVar
from xml.etree.ElementTree import Element, SubElement

from pressconv.l10n import document_title, text_direction
from pressconv.model import Collection, Release
from pressconv.options import FileValue, option
from pressconv.writers.xhtml import DEFAULT_CSS, build_article, build_contents, html_markup, read_stylesheet


@dataclasses.dataclass(frozen=True, slots=True)
class HtmlOptions:
    css: FileValue | None = field(
        default=None, metadata=option("stylesheet instead of the built-in one", file=True, metavar="FILE.css")
    )


class HtmlWriter:
    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "a standalone HTML5 page with schema.org metadata"
    options_type: ClassVar[type[Any]] = HtmlOptions

    def check(self, options: Any) -> None:
        """Refuse, before any release is written, a stylesheet that is not UTF-8 text."""
        stylesheet(options or HtmlOptions())

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        css = stylesheet(options or HtmlOptions())
        title = document_title(release.title, release.date, release.language)
        html, main = _page(title, release.language, css, _news_article(release), release.source_url)
        main.append(build_article(release))
        stream.write(_document(html))

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        """One page styled as a book: the collection's title, a contents list (title and date), then a chapter per release."""
        css = stylesheet(options or HtmlOptions())
        ld = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": collection.title,
            "inLanguage": collection.language,
            "hasPart": [_news_article(release) for release in collection.releases],
        }
        html, main = _page(collection.title, collection.language, css, ld, None)
        main.set("class", "collection")
        SubElement(SubElement(main, "header"), "h1").text = collection.title
        anchors = [f"release-{number}" for number in range(1, len(collection.releases) + 1)]
        main.append(build_contents(collection, [f"#{anchor}" for anchor in anchors]))
        shared = Counter((release.title, release.date) for release in collection.releases)
        for release, anchor in zip(collection.releases, anchors, strict=True):
            main.append(build_article(release, heading_level=2, anchor=anchor, page_language=collection.language,
                                      name_sections=shared[release.title, release.date] == 1))  # fmt: skip
        stream.write(_document(html))


def stylesheet(options: HtmlOptions) -> str:
    """The page's CSS: the built-in one, or the user's."""
    return read_stylesheet(options.css, DEFAULT_CSS)


def _document(html: Element) -> bytes:
    return ("<!DOCTYPE html>\n" + html_markup(html) + "\n").encode("utf-8")


def _page(title: str, language: str, css: str, ld: dict[str, Any], canonical: str | None) -> tuple[Element, Element]:
    """The document shell: html (lang, dir), head (charset, viewport, title, style, JSON-LD) and an empty `<main>`."""
    direction = {"dir": "rtl"} if text_direction(language) == "rtl" else {}
    html = Element("html", {"lang": language, **direction})
    head = SubElement(html, "head")
    SubElement(head, "meta", {"charset": "utf-8"})
    SubElement(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    if css == DEFAULT_CSS:
        # Light and dark colours are both defined: let the browser use the reader's scheme (forms,
        # scroll bars too). A user's stylesheet may define only one, so it gets the browser's default.
        SubElement(head, "meta", {"name": "color-scheme", "content": "light dark"})
    SubElement(head, "title").text = title
    if canonical:
        SubElement(head, "link", {"href": canonical, "rel": "canonical"})
    SubElement(head, "meta", {"name": "generator", "content": "pressconv"})
    # The serialiser writes <style> and <script> content as is: "</" inside CSS would end the
    # element early, and "<\/" is the same CSS; JSON-LD escapes <, > and & itself.
    SubElement(head, "style").text = "\n" + css.replace("</", "<\\/")
    SubElement(head, "script", {"type": "application/ld+json"}).text = json_ld_text(ld)
    body = SubElement(html, "body", direction)
    return html, SubElement(body, "main")


def _news_article(release: Release) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if release.title is not None:
        data["headline"] = release.title  # a release with no title has no headline: none is made up
    if release.date is not None:
        data["datePublished"] = release.date.isoformat()
    if release.updated is not None:
        data["dateModified"] = release.updated.isoformat()
    data["inLanguage"] = release.language
    if release.byline:
        data["author"] = {"@type": "Person", "name": release.byline}
    if release.issuer:
        data["publisher"] = {"@type": "Organization", "name": release.issuer}
    if release.source_url:
        data["url"] = release.source_url
    return data


def json_ld_text(data: dict[str, Any]) -> str:
    """JSON for a `<script>` block: `<`, `>` and `&` escaped so release text cannot close the script."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
