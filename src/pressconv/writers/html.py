"""A standalone HTML5 page per release (or per collection): readable on a phone, a desktop and on paper.

Built as a bs4 tree so every piece of release text is escaped by construction.
Carries schema.org NewsArticle JSON-LD so search engines and archives can
read the headline and date without scraping it all over again.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import field
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from pressconv.model import Collection, Release
from pressconv.options import FileValue, option
from pressconv.writers.base import read_option_file
from pressconv.writers.xhtml import DEFAULT_CSS, build_article, build_contents, serialize

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


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

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        css = _stylesheet(options or HtmlOptions())
        soup, body = _page(release.title, release.language, css, _news_article(release), release.source_url)
        body.append(build_article(soup, release))
        stream.write((serialize(soup) + "\n").encode("utf-8"))

    def write_collection(self, collection: Collection, stream: BinaryIO, options: Any = None) -> None:
        """One page: the collection's title, a linked contents list, then an article per release."""
        css = _stylesheet(options or HtmlOptions())
        ld = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": collection.title,
            "inLanguage": collection.language,
            "hasPart": [_news_article(release) for release in collection.releases],
        }
        soup, body = _page(collection.title, collection.language, css, ld, None)
        heading = soup.new_tag("h1")
        heading.string = collection.title
        header = soup.new_tag("header")
        header.append(heading)
        body.append(header)
        anchors = [f"release-{number}" for number in range(1, len(collection.releases) + 1)]
        body.append(build_contents(soup, collection, [f"#{anchor}" for anchor in anchors]))
        for release, anchor in zip(collection.releases, anchors, strict=True):
            body.append(build_article(soup, release, heading_level=2, anchor=anchor))
        stream.write((serialize(soup) + "\n").encode("utf-8"))


def _stylesheet(options: HtmlOptions) -> str:
    return DEFAULT_CSS if options.css is None else read_option_file(options.css, "stylesheet").decode("utf-8", "replace")


def _page(title: str, language: str, css: str, ld: dict[str, Any], canonical: str | None) -> tuple[BeautifulSoup, Tag]:
    """The document shell: doctype, head (charset, viewport, title, style, JSON-LD) and an empty body."""
    from bs4 import BeautifulSoup, Doctype

    soup = BeautifulSoup("", "html.parser")
    soup.append(Doctype("html"))
    html = soup.new_tag("html", attrs={"lang": language})
    head = soup.new_tag("head")
    head.append(soup.new_tag("meta", attrs={"charset": "utf-8"}))
    head.append(soup.new_tag("meta", attrs={"name": "viewport", "content": "width=device-width, initial-scale=1"}))
    title_tag = soup.new_tag("title")
    title_tag.string = title
    head.append(title_tag)
    if canonical:
        head.append(soup.new_tag("link", attrs={"rel": "canonical", "href": canonical}))
    head.append(soup.new_tag("meta", attrs={"name": "generator", "content": "pressconv"}))
    style = soup.new_tag("style")
    # "</style" inside CSS would end the element early; "<\/" is the same CSS.
    style.string = "\n" + css.replace("</", "<\\/")
    head.append(style)
    script = soup.new_tag("script", attrs={"type": "application/ld+json"})
    script.string = json_ld_text(ld)
    head.append(script)
    body = soup.new_tag("body")
    html.append(head)
    html.append(body)
    soup.append(html)
    return soup, body


def _news_article(release: Release) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": release.title}
    if release.date is not None:
        data["datePublished"] = release.date.isoformat()
    data["inLanguage"] = release.language
    if release.source_url:
        data["url"] = release.source_url
    return data


def json_ld_text(data: dict[str, Any]) -> str:
    """JSON for a `<script>` block: `<`, `>` and `&` escaped so release text cannot close the script."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
