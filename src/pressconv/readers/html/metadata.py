"""What a page says about itself in machine-readable form: schema.org (JSON-LD and microdata), Open Graph, `<meta>`, `<link>`.

Read before the page's scripts are stripped (JSON-LD lives in `<script>`).
Each field keeps the first value found in the order of trust: JSON-LD's
`NewsArticle`, then microdata, then Open Graph / article, then Dublin Core
and plain `<meta>`. Nothing here looks at the visible text; that is
`header`'s job, and the reader decides between the two.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from pressconv.readers import dates
from pressconv.readers.html.page import attribute, is_text, iter_tags, normal_space

_ARTICLE_TYPES = re.compile(r"(?:Article|Posting|PressRelease|Report|NewsRelease|Release)$", re.I)
# What no output format can carry in a link target (the model refuses it): a link with it is dropped, its words kept.
_UNWRITABLE = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_PAGE_TYPES = re.compile(r"(?:WebPage|ItemPage)$", re.I)
_ISO_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s/_]|\d{2}:?\d{2})")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?:$|[-_.@])")
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.issued", "dcterms.date", "dcterms.created", "dc.date.created", "publish-date", "publish_date", "pubdate",
    "publication_date", "publicationdate", "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate",
    "release_date", "govuk:first-published-at", "dc.created",
)  # fmt: skip
_MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified", "last-modified",
    "lastmod", "article.updated", "govuk:updated-at", "revised",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Stamp:
    """A machine-readable publication date as the page writes it, and whether its calendar day may not be the page's.

    A timestamp written in UTC ("…T02:18:11Z", "+00:00", "GMT") names the day in Greenwich: an evening release
    in the Americas is stamped the next day, a morning one in Asia the day before. Its day is kept as written
    (never shifted by a guessed zone); `utc` tells the reader to prefer the page's own local date when one
    is a day away.
    """

    day: datetime.date
    origin: str
    #: The time of day in minutes when it is written in UTC, else None.
    utc_minutes: int | None = None

    @property
    def utc(self) -> bool:
        return self.utc_minutes is not None

    def may_be_local(self, day: datetime.date) -> bool:
        """Whether `day` may be this UTC stamp's day where the page was published: the day before when the
        time is before 10:00, the day after from 14:00 — the zones news is published in run from Hawaii's,
        10 hours behind UTC, to eastern Australia's, 10 ahead (a site header's "today" a day after a stamp
        at 13:00 UTC is not the article's date)."""
        if self.utc_minutes is None:
            return day == self.day
        # Differences of dates, not a date plus a day: a placeholder stamp of 0001-01-01 has no day before it.
        before = self.day - day == _ONE_DAY and self.utc_minutes < 10 * 60
        after = day - self.day == _ONE_DAY and self.utc_minutes >= 14 * 60
        return day == self.day or before or after


@dataclass(frozen=True, slots=True)
class Metadata:
    """The page's own statements about the release; any field may be None."""

    headline: str | None = None
    og_title: str | None = None
    html_title: str | None = None
    site_name: str | None = None
    published: datetime.date | None = None
    published_from: str | None = None
    #: Every publication date the page declares, most trusted first (`published` is the first one's day).
    stamps: tuple[Stamp, ...] = ()
    modified: datetime.date | None = None
    author: str | None = None
    publisher: str | None = None
    language: str | None = None
    canonical: str | None = None
    base: str | None = None
    #: schema.org `articleBody` as plain text (pages rendered by scripts may have the text only here).
    body: str | None = None


def read_metadata(soup: Any, page_url: str | None = None) -> Metadata:
    """Everything the head, JSON-LD and microdata say. Never raises on malformed data (it is skipped)."""
    tags = _gather(soup)
    metas = _meta_values(tags.get("meta", []))
    ld = _json_ld_article(tags.get("script", []))
    micro = _microdata_article(soup, tags.get(_ITEMSCOPE, []))
    base_href = _link_href(tags.get("base", []), None)
    base = _absolute(base_href, page_url) if base_href else page_url
    canonical = (
        _absolute(_link_href(tags.get("link", []), "canonical"), base)
        or _absolute(metas.get("og:url"), base)
        or _absolute(_page_of(ld), base)
    )
    declared = (
        (ld.get("datePublished"), "schema.org JSON-LD"),
        (micro.get("datePublished"), "schema.org microdata"),
        *((metas.get(name), f"<meta {name}>") for name in _PUBLISHED_META),
        *((value, "schema.org JSON-LD (not its article)") for value in _json_ld_published(tags.get("script", []))),
    )
    stamps = tuple(stamp for value, origin in declared if (stamp := machine_stamp(value, origin)) is not None)
    modified = next(
        (found for value in (ld.get("dateModified"), micro.get("dateModified"), *(metas.get(n) for n in _MODIFIED_META))
         if (found := machine_date(value)) is not None),
        None,
    )  # fmt: skip
    ld_author, ld_publisher = ld.get("author"), ld.get("publisher")
    if _is_organisation(ld_author):
        # An organisation as author is the issuer (the department), not a byline; the publisher is often only the website.
        ld_publisher, ld_author = ld_author, None
    author = _first_text(ld_author, micro.get("author"), metas.get("author"), metas.get("dc.creator"),
                         metas.get("article:author"), metas.get("parsely-author"), metas.get("sailthru.author"))  # fmt: skip
    publisher = _first_text(ld_publisher, micro.get("publisher"), metas.get("dc.publisher"), metas.get("publisher"),
                            metas.get("dcterms.publisher"), metas.get("govuk:publishing-organisation"))  # fmt: skip
    html = next(iter(tags.get("html", [])), None)
    language = _first_language(
        attribute(html, "lang") if html is not None else "",
        attribute(html, "xml:lang") if html is not None else "",
        metas.get("content-language"), metas.get("dc.language"), metas.get("og:locale"), _text(ld.get("inLanguage")),
    )  # fmt: skip
    title_tag = next(iter(tags.get("title", [])), None)
    return Metadata(
        headline=_first_text(ld.get("headline"), micro.get("headline"), ld.get("name") if ld.get("@type") else None),
        og_title=_first_text(metas.get("og:title"), metas.get("twitter:title"), metas.get("dc.title")),
        html_title=normal_space(title_tag.get_text()) or None if title_tag is not None else None,
        site_name=_first_text(metas.get("og:site_name"), metas.get("application-name")),
        published=stamps[0].day if stamps else None,
        published_from=stamps[0].origin if stamps else None,
        stamps=stamps,
        modified=modified,
        author=None if author and _looks_like_url(author) else author,
        publisher=publisher,
        language=language,
        canonical=canonical,
        base=base or canonical,
        body=ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None,
    )


def _page_of(ld: dict[str, Any]) -> str | None:
    """The page a JSON-LD article says it is the main entity of (a URL, or an object with an @id or url)."""
    page = ld.get("mainEntityOfPage") or ld.get("url")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    return page if isinstance(page, str) else None


#: A time of day in UTC after a date: "T02:18:11Z", " 00:25:56 GMT", "T06:35:29+00:00", "20200414T00:38:07Z".
_UTC_TIME = re.compile(r"(\d{1,2}):?(\d{2})(?::?\d{2})?(?:[.,:]\d+)?\s*(?:Z|[+-]00:?00|\(?(?:UTC|GMT)\)?)\s*$", re.I)
_ONE_DAY = datetime.timedelta(days=1)
#: Days a system writes for a date it never set: the Unix epoch's first day, a database's 1900-01-01, and anything
#: before machine-dated web pages (a CMS's "0001-01-01T00:00:00Z"), however the value spells it. Such a stamp
#: states no date; the page's other evidence decides.
_PLACEHOLDER_DAYS = frozenset({datetime.date(1970, 1, 1), datetime.date(1900, 1, 1)})
_FIRST_YEAR = 1900


def machine_stamp(value: object, origin: str) -> Stamp | None:
    """A `Stamp` from a machine-readable value (see `machine_date`), marked when its time of day is in UTC."""
    day = machine_date(value)
    if day is None:
        return None
    utc = _UTC_TIME.search(_text(value) or "")
    return Stamp(day, origin, utc_minutes=int(utc[1]) * 60 + int(utc[2]) if utc is not None and int(utc[1]) < 24 else None)


def machine_date(value: object) -> datetime.date | None:
    """A date from a machine-readable value: ISO 8601 (its calendar date as written, whatever the zone), else a spelled date."""
    text = _text(value)
    if not text:
        return None
    match = _ISO_DATE.match(text)
    day: datetime.date | None = None
    if match is not None:
        try:
            day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    elif dates.is_date(text):
        day = dates.read_date(text)[0]
    return None if day is None or day in _PLACEHOLDER_DAYS or day.year < _FIRST_YEAR else day


def language_tag(value: str | None) -> str | None:
    """A BCP 47 tag from what pages write (`en_GB`, `EN-gb`, `pt-br`), or None when it is not one."""
    if not value:
        return None
    match = _LANGUAGE.match(value.strip())
    if match is None:
        return None
    parts = [match[1].lower()]
    if match[2]:
        parts.append(match[2].title())
    if match[3]:
        parts.append(match[3].upper())
    return "-".join(parts)


def http_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL or mailto: for a link target; None for javascript:, fragments, tel: and the unresolvable."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    lowered = href.lower()
    if lowered.startswith("mailto:"):
        return (
            href
            if len(href) > len("mailto:") and not re.search(r"[\x00-\x20\x7f]", href) and not _UNWRITABLE.search(href)
            else None
        )
    absolute = _absolute(href, base)
    return absolute if absolute is None or not _UNWRITABLE.search(absolute) else None


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = re.sub(r"[\x00-\x20\x7f]", "", href.strip())
    try:
        joined = urljoin(base, href) if base else href
        parts = urlsplit(joined)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return joined


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"https?://|www\.", text.strip(), re.I))


#: What `read_metadata` reads, by element name, with how many of each it looks at; `_ITEMSCOPE` for microdata scopes.
_ITEMSCOPE = "[itemscope]"
_GATHERED = {"meta": 500, "script": 100, "base": 50, "link": 300, "html": 1, "title": 1, _ITEMSCOPE: 500}


def _gather(soup: Any) -> dict[str, list[Any]]:
    """The elements the metadata is read from, in document order, from one walk of the page (not one
    `find_all` per kind: bs4's matching machinery costs more than the walk)."""
    found: dict[str, list[Any]] = {}
    for tag in iter_tags(soup):
        for key in (tag.name, _ITEMSCOPE if "itemscope" in tag.attrs else None):
            if key in _GATHERED:
                bucket = found.setdefault(key, [])
                if len(bucket) < _GATHERED[key]:
                    bucket.append(tag)
    return found


def _link_href(tags: list[Any], rel: str | None) -> str | None:
    for tag in tags:
        if rel is None or rel in attribute(tag, "rel").lower().split():
            href = attribute(tag, "href")
            if href:
                return href
    return None


def _meta_values(tags: list[Any]) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in tags:
        key = attribute(tag, "property") or attribute(tag, "name") or attribute(tag, "itemprop") or attribute(tag, "http-equiv")
        content = attribute(tag, "content")
        key = key.strip().lower()
        if key and content.strip() and key not in values:
            values[key] = normal_space(content)
    return values


def _json_ld_article(scripts: list[Any]) -> dict[str, Any]:
    """The most article-like JSON-LD object (NewsArticle and kin over WebPage), with @id references resolved."""
    objects: list[dict[str, Any]] = []
    for script in scripts:
        if "ld+json" not in attribute(script, "type").lower():
            continue
        try:
            data = json.loads(script.get_text() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        objects.extend(_json_objects(data))
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    best: dict[str, Any] = {}
    for obj in objects:
        kinds = obj.get("@type")
        names = (
            [kinds]
            if isinstance(kinds, str)
            else [kind for kind in kinds if isinstance(kind, str)]
            if isinstance(kinds, list)
            else []
        )
        if any(_ARTICLE_TYPES.search(name) for name in names):
            best = obj
            break
        if not best and any(_PAGE_TYPES.search(name) for name in names):
            best = obj
    return {key: _resolve(value, by_id) for key, value in best.items()}


#: "datePublished": "2024-03-07…" anywhere in a JSON-LD script, read even when the script is not valid JSON.
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _json_ld_published(scripts: list[Any]) -> list[str]:
    """The first `datePublished` of the page's JSON-LD outside its article: an object of another type (a
    WebPage, a VideoObject) or a script too broken to parse. htmldate reads these right after the `<meta>`s;
    they come after the article's own date and the `<meta>`s here too."""
    for script in scripts:
        if "ld+json" in attribute(script, "type").lower() and (found := _LD_PUBLISHED.search(script.get_text() or "")):
            return [found[1]]
    return []


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    seen = 0
    while stack and seen < 10_000:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    if isinstance(value, list):
        return [_resolve(item, by_id) for item in value[:20]]
    return value


def _microdata_article(soup: Any, itemscopes: list[Any]) -> dict[str, Any]:
    """The itemprops of the largest schema.org Article-like itemscope (a related-story card is smaller)."""
    scopes = [tag for tag in itemscopes if _ARTICLE_TYPES.search(attribute(tag, "itemtype"))]
    if not scopes:
        return {}
    # The largest: text lengths from one pass over the page, not get_text() of each (nested scopes: quadratic).
    lengths = _text_lengths(soup) if len(scopes) > 1 else {}
    scope = max(scopes, key=lambda tag: lengths.get(id(tag), 0))
    found: dict[str, Any] = {}
    for tag in iter_tags(scope):
        prop = attribute(tag, "itemprop").split()
        for name in prop:
            if name in found or name not in ("headline", "datePublished", "dateModified", "author", "publisher", "name"):
                continue
            if "itemscope" in tag.attrs:
                inner = tag.find(attrs={"itemprop": "name"})
                found[name] = _prop_value(inner) if inner is not None else normal_space(tag.get_text(" "))
            else:
                found[name] = _prop_value(tag)
    return found


def _text_lengths(root: Any) -> dict[int, int]:
    """The length of every element's text (what `get_text()` would give), from the leaves up in one pass."""
    lengths: dict[int, int] = {}
    for tag in reversed([root, *iter_tags(root)]):
        lengths[id(tag)] = sum(len(str(child)) if is_text(child) else lengths.get(id(child), 0) for child in tag.children)
    return lengths


def _prop_value(tag: Any) -> str:
    for name in ("content", "datetime"):
        if attribute(tag, name):
            return normal_space(attribute(tag, name))
    return normal_space(tag.get_text(" "))


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, a {"name": …} object, or the first of a list."""
    if isinstance(value, str):
        return normal_space(value) or None
    if isinstance(value, dict):
        for key in ("name", "@value"):
            if isinstance(value.get(key), str):
                return normal_space(value[key]) or None
        return None
    if isinstance(value, list):
        names = [text for item in value[:10] if (text := _text(item))]
        return ", ".join(names) if names else None
    return None


def _first_text(*values: Any) -> str | None:
    for value in values:
        text = _text(value)
        if text:
            return text
    return None


def _first_language(*values: str | None) -> str | None:
    for value in values:
        tag = language_tag(value)
        if tag:
            return tag
    return None


def _is_organisation(value: Any) -> bool:
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(item, dict) and "Organization" in str(item.get("@type", "")) for item in items)
