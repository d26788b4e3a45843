"""A standalone HTML5 page per release: readable on a phone, a desktop and on paper.

Built as a bs4 tree so every piece of release text is escaped by construction.
Carries schema.org NewsArticle JSON-LD so search engines and archives can
read the headline and date without scraping it all over again.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from pressconv.model import Release
from pressconv.writers.base import read_option_file
from pressconv.writers.xhtml import DEFAULT_CSS, build_article, serialize


@dataclasses.dataclass(frozen=True, slots=True)
class HtmlOptions:
    #: A stylesheet to embed instead of the built-in one.
    css: Path | str | None = None


class HtmlWriter:
    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "a standalone HTML5 page with schema.org metadata"
    options_type: ClassVar[type[Any]] = HtmlOptions

    def write(self, release: Release, stream: BinaryIO, options: Any = None) -> None:
        options = options or HtmlOptions()
        css = DEFAULT_CSS if options.css is None else read_option_file(options.css, "stylesheet").decode("utf-8", "replace")
        stream.write(render_page(release, css).encode("utf-8"))


def render_page(release: Release, css: str) -> str:
    from bs4 import BeautifulSoup, Doctype

    soup = BeautifulSoup("", "html.parser")
    soup.append(Doctype("html"))
    html = soup.new_tag("html", attrs={"lang": release.language})
    head = soup.new_tag("head")
    head.append(soup.new_tag("meta", attrs={"charset": "utf-8"}))
    head.append(soup.new_tag("meta", attrs={"name": "viewport", "content": "width=device-width, initial-scale=1"}))
    title = soup.new_tag("title")
    title.string = release.title
    head.append(title)
    if release.source_url:
        head.append(soup.new_tag("link", attrs={"rel": "canonical", "href": release.source_url}))
    head.append(soup.new_tag("meta", attrs={"name": "generator", "content": "pressconv"}))
    style = soup.new_tag("style")
    # "</style" inside CSS would end the element early; "<\/" is the same CSS.
    style.string = "\n" + css.replace("</", "<\\/")
    head.append(style)
    script = soup.new_tag("script", attrs={"type": "application/ld+json"})
    script.string = json_ld(release)
    head.append(script)
    body = soup.new_tag("body")
    body.append(build_article(soup, release))
    html.append(head)
    html.append(body)
    soup.append(html)
    return serialize(soup) + "\n"


def json_ld(release: Release) -> str:
    """schema.org NewsArticle; `<`, `>` and `&` escaped so the text cannot close the script."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": release.title}
    if release.date is not None:
        data["datePublished"] = release.date.isoformat()
    data["inLanguage"] = release.language
    if release.source_url:
        data["url"] = release.source_url
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
