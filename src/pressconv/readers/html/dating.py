"""The publication date of a page: every place that states one, weighed in order of trust.

The order (what htmldate trusts, and in which order, checked on its own test pages):

1. what the page declares for machines: schema.org `datePublished` of its article (JSON-LD, then microdata),
   `article:published_time` and the other publication `<meta>`s, then a `datePublished` elsewhere in its
   JSON-LD (`metadata.Metadata.stamps`);
2. a `<time>` in the article or its header marked as the publication (or before the article's text);
3. the date printed by the headline ("Published 7 March 2024", "7 March 2024 | Jane Smith");
4. the first paragraph's dateline ("LONDON, 7 March 2024 —");
5. a short dated line near the headline (in an aside beside it, a heading above it, glued to a byline);
6. an element the page names as a date ("date", "datum", "published", "byline", "meta" in its class or id)
   holding a short date, anywhere outside the site's furniture;
7. the date in the page's own address (`<link rel=canonical>`, `og:url`), year, month and day all there.

When the page declares two publication dates (its JSON-LD against its `<meta>`) and prints one of them by its
headline, the printed one wins over the most trusted declaration alone: two sources over one.

A machine timestamp written in UTC ("2023-11-09T01:49:09Z") names Greenwich's day, not the page's: when the
page's own local date (a `<time>` with its offset, the printed date, a `<meta>` written at a local offset,
the address) is one day away from it, the local date wins — the day the publisher's readers saw. A timestamp
at a local offset is read as written ("2024-03-07T23:30:00-08:00" is 7 March): its own offset says its day.

The address is the weakest evidence (a path may hold a category's or an upload's date): it decides only when
nothing printed or declared on the page does, and serves as the local date beside a UTC timestamp. A page
that states no date at all gets none: the date is unknown, never guessed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from pressconv.model import Notice
from pressconv.notices import Code, notice
from pressconv.options import ReadOptions
from pressconv.readers import dates
from pressconv.readers.header import PUBLISHED_MARKER, dateline
from pressconv.readers.html.blocks import RawBlock
from pressconv.readers.html.container import Container
from pressconv.readers.html.metadata import Metadata, Stamp, machine_date
from pressconv.readers.html.page import PageTree, attribute, is_tag, own_text, text_start

__all__ = ["publication_date", "url_date"]

#: A paragraph this long (own text) is the article's prose: a `<time>` after it is an event's, not the page's.
_PROSE = 80


class HeaderDates(Protocol):
    """What the reader found in the header lines by the headline (the pipeline's header)."""

    published: Any
    notices: list[Notice]


def publication_date(
    tree: PageTree,
    container: Container,
    title_element: Any,
    meta: Metadata,
    *,
    header: HeaderDates,
    body: list[RawBlock],
    raw: list[RawBlock],
    options: ReadOptions,
    location: str | None,
) -> tuple[datetime.date | None, list[Notice]]:
    """The publication date, from the most trusted place that has one, with a notice saying which."""
    address = url_date(meta.canonical or location)
    if meta.stamps:
        first = meta.stamps[0]
        evidence = _Evidence(tree, container, title_element, meta, header, body, raw, options, address)
        if first.utc:
            local = _local_day_beside(first, _local_dates(evidence))
            if local is not None:
                day, where = local
                return day, [notice(Code.DATE_FROM_PAGE, f"the date is {where}: the page's {first.origin} is in UTC, a day away")]
        seconded = _seconded(first, evidence)
        if seconded is not None:
            return seconded
        return first.day, [notice(Code.DATE_FROM_PAGE, f"the date is from the page's {first.origin}")]
    timed = _time_element_date(tree, container, title_element)
    if timed is not None:
        return timed[0], [notice(Code.DATE_FROM_PAGE, "the date is the <time> element by the headline")]
    if header.published is not None:
        return header.published, [*header.notices, notice(Code.DATE_FROM_PAGE, "the date is the one printed by the headline")]
    found_dateline = _dateline(body, options)
    if found_dateline is not None:
        published, notices = found_dateline
        return published, [*notices, notice(Code.DATE_FROM_DATELINE, "the date is the first paragraph's dateline")]
    nearby = _nearby_date(raw, options)
    if nearby is not None:
        return nearby, [notice(Code.DATE_FROM_PAGE, "the date is a short dated line near the headline")]
    named = _named_date(tree, options)
    if named is not None:
        return named, [notice(Code.DATE_FROM_PAGE, "the date is in an element the page names as its date")]
    titled = _title_date(raw, meta, options)
    if titled is not None:
        return titled, [notice(Code.DATE_FROM_PAGE, "the date is the one in the headline")]
    if address is not None:
        return address, [notice(Code.DATE_FROM_PAGE, "the date is the one in the page's address")]
    return None, [notice(Code.DATE_MISSING, "the page states no publication date; the date is unknown")]


def _seconded(first: Stamp, page: _Evidence) -> tuple[datetime.date, list[Notice]] | None:
    """Two sources over one: when the page declares another publication date than its most trusted one (the
    `<meta>` against the JSON-LD) and prints that other date by its headline, the printed and declared date
    wins — the JSON-LD of many sites carries a first draft's or a syndication's date."""
    others = {stamp.day: stamp for stamp in page.meta.stamps[1:] if stamp.day != first.day}
    if not others:
        return None
    shown = _shown_date(page)
    if shown is None or shown[0] not in others:
        return None
    day, where = shown
    return day, [notice(Code.DATE_FROM_PAGE, f"the date is {where} and the page's {others[day].origin}, not its {first.origin}")]


def _shown_date(page: _Evidence) -> tuple[datetime.date, str] | None:
    """The date the page shows by its headline: its `<time>`, the printed date, the dateline, a dated line."""
    timed = _time_element_date(page.tree, page.container, page.title_element)
    if timed is not None:
        return timed[0], "the <time> element by the headline"
    if page.header.published is not None:
        return page.header.published, "the one printed by the headline"
    found_dateline = _dateline(page.body, page.options)
    if found_dateline is not None:
        return found_dateline[0], "the first paragraph's dateline"
    nearby = _nearby_date(page.raw, page.options)
    return (nearby, "a short dated line near the headline") if nearby is not None else None


def _local_day_beside(stamp: Stamp, local: Iterator[tuple[datetime.date, str]]) -> tuple[datetime.date, str] | None:
    """The first of the page's local dates that is one day from a UTC stamp's day and may be its local day (a
    stamp at 23:00 UTC is never the day before anywhere); None when one agrees with it (the stamp's day is
    the page's too) or none is a day away."""
    for day, where in local:
        if day == stamp.day:
            return None
        if stamp.may_be_local(day):
            return day, where
    return None


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the page offers to date it by (the reader's findings, read lazily by `_local_dates`)."""

    tree: PageTree
    container: Container
    title_element: Any
    meta: Metadata
    header: HeaderDates
    body: list[RawBlock]
    raw: list[RawBlock]
    options: ReadOptions
    address: datetime.date | None


def _local_dates(page: _Evidence) -> Iterator[tuple[datetime.date, str]]:
    """The dates the page states in its own zone, most trusted first, each read only when asked for: the
    `<time>` by the headline, the printed date, a declared date not in UTC, the dateline, a dated line near
    the headline, the address."""
    timed = _time_element_date(page.tree, page.container, page.title_element)
    if timed is not None and not timed[1]:
        yield timed[0], "the <time> element by the headline"
    if page.header.published is not None:
        yield page.header.published, "the one printed by the headline"
    for stamp in page.meta.stamps[1:]:
        if not stamp.utc:
            yield stamp.day, f"the page's {stamp.origin}"
    found_dateline = _dateline(page.body, page.options)
    if found_dateline is not None:
        yield found_dateline[0], "the first paragraph's dateline"
    nearby = _nearby_date(page.raw, page.options)
    if nearby is not None:
        yield nearby, "a short dated line near the headline"
    if page.address is not None:
        yield page.address, "the one in the page's address"


def _dateline(body: list[RawBlock], options: ReadOptions) -> tuple[datetime.date, list[Notice]] | None:
    """The dateline of the body's first paragraph, or of its second under a short first one (a byline:
    "By Jane Smith" over "LONDON, 7 March 2024 — …")."""
    first, second = _first_paragraphs(body)
    for block in (first, second if first is not None and len(first.text) < _PROSE else None):
        if block is not None and (found := dateline(block.text)) is not None:
            published, notices = dates.read_match(found, month_first=options.month_first)
            if published is not None:
                return published, notices
    return None


def _first_paragraphs(body: list[RawBlock]) -> tuple[RawBlock | None, RawBlock | None]:
    """The body's first two paragraphs, past subheadings and lines of the web page ("Print this page" above
    the dateline): the reader keeps such lines for the page-chrome cleaning step, but they never hide it."""
    from pressconv.lines import is_chrome as is_chrome_line

    found = [block for block in body[:20] if block.kind != "heading" and not is_chrome_line(block.text)][:2]
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


#: How far from the headline (in the page's blocks) a dated line is looked for, after and before it.
_NEARBY_AFTER, _NEARBY_BEFORE = 15, 6
#: A line is a dated line when it is short and its date comes early: "12. März 2020, 14:00 Uhr",
#: "By Jane Smith | 12.03.2020", "Posted March 3, 2020" — not a sentence that names an event's date.
_DATED_LINE, _DATE_EARLY = 100, 40


def _nearby_date(raw: list[RawBlock], options: ReadOptions) -> datetime.date | None:
    """The first short line with a date early in it, among the blocks nearest the headline (those after it
    first) — glued to a byline, in an aside beside the headline, a dateline under the byline; inside the
    article when the headline is (or a heading above it that is only a date), anywhere near it when it is
    not. Pages that print their date without a marker word or markup leave only this, as htmldate reads them."""
    title_at = next((index for index, block in enumerate(raw) if block.is_title), None)
    if title_at is None:
        return None
    order = [
        *range(title_at + 1, min(len(raw), title_at + 1 + _NEARBY_AFTER)),
        *range(title_at - 1, max(-1, title_at - 1 - _NEARBY_BEFORE), -1),
    ]
    title_inside = raw[title_at].in_container
    for index in order:
        block = raw[index]
        text = block.text
        if len(text) > _DATED_LINE:
            continue
        if title_inside and not block.in_container and not (index < title_at and block.kind == "heading" and dates.is_date(text)):
            # A headline in the article: its date is in the article too, not in a "Latest news" column — or in a
            # heading above the article that is only a date (a day's heading over its releases).
            continue
        found = _early_date(text, options)
        if found is not None:
            return found
    return None


def _early_date(text: str, options: ReadOptions, early: int = _DATE_EARLY) -> datetime.date | None:
    """The first complete date that starts a word, or digits glued to a word ("Jane Smith3.11.2023": a byline and
    its date in two elements with no space between), within the first `early` characters of a line."""
    for pos in range(min(len(text), early)):
        if text[pos].isalnum() and (pos == 0 or not text[pos - 1].isalnum() or (text[pos].isdigit() and text[pos - 1].isalpha())):
            found = dates.match_date(text, pos, partial=False)
            if found is not None:
                published, _ = dates.read_match(found, month_first=options.month_first)
                if published is not None:
                    return published
    return None


def _time_element_date(tree: PageTree, container: Container, title_element: Any) -> tuple[datetime.date, bool] | None:
    """The publication date of a `<time>` in the article or its header, and whether its `datetime` is in UTC:
    one marked as the publication date (`itemprop="datePublished"`, `pubdate`, a "published"/"posted"/"date"
    class), or any before the article's first paragraph — never one in the body text (an event's date), in
    the scope's furniture (an aside, a related-story card) or one marked as an update.

    One walk per scope that hands "inside furniture" down from parent to child, and only the first 60
    characters of a `<time>`'s parent are read: linear however many `<time>`s or how deeply nested."""
    scopes = [*container.roots]
    if title_element is not None and title_element.parent is not None and not _within(title_element, container.roots):
        scopes.insert(0, title_element.parent)
    for scope in scopes:
        before_text = True
        stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(scope.contents) if is_tag(child)]
        while stack:
            node, furniture = stack.pop()
            if node.name == "p" and len(own_text(node)) >= _PROSE:
                before_text = False
            if not furniture and node.name == "time":
                value = _time_value(tree, node, before_text)
                if value is not None:
                    return value
            inside = furniture or _is_furniture(node)
            stack.extend((child, inside) for child in reversed(node.contents) if is_tag(child))
    return None


def _time_value(tree: PageTree, node: Any, before_text: bool) -> tuple[datetime.date, bool] | None:
    parent = node.parent
    around = "" if parent is None else tree.short_text(parent) or text_start(parent, 60)
    context = f"{hint(node)} {hint(parent)} {around[:60]}".lower()
    marked = "pubdate" in node.attrs or _PUBLISHED_HINT.search(context) is not None
    if _UPDATED_HINT.search(context) and not _PUBLISHED_ONLY_HINT.search(context):
        return None
    if not (before_text or marked):
        return None
    stamp = machine_date(attribute(node, "datetime"))
    if stamp is not None:
        return stamp, _UTC_END.search(attribute(node, "datetime")) is not None
    shown = machine_date(tree.short_text(node) or text_start(node, 60))
    return (shown, False) if shown is not None else None


_UTC_END = re.compile(r"\d:?\d{2}(?:[.,:]\d+)?\s*(?:Z|[+-]00:?00)\s*$", re.I)
_PUBLISHED_HINT = re.compile(r"publish|posted|pubdate|entry-date")
_PUBLISHED_ONLY_HINT = re.compile(r"publish|posted|pubdate")
_UPDATED_HINT = re.compile(r"updat|modif|revis")
_FURNITURE_HINT = re.compile(r"related|sidebar|comment|teaser|card|promo", re.I)


#: A class, id or itemprop that names an element as the page's date or its byline line: htmldate's cues
#: ("date", "datum", "time", "meta", "info", "byline", "published", "posted", "fecha", "parution"…).
_DATE_NAME = re.compile(
    r"date|datum|time|publish|posted|meta|info|footer|post_detail|byline|subline|submitted|created-post|publication"
    r"|author|autor|field-content|fa-clock-o|fa-calendar|fecha|parution",
    re.I,
)
#: How many named elements are read at most (a listing page names hundreds of teaser dates; the first count).
_NAMED_LIMIT = 60
#: How much of a named element's text is read, and how early in it its date must start.
_NAMED_TEXT, _NAMED_EARLY = 100, 60


def _named_date(tree: PageTree, options: ReadOptions) -> datetime.date | None:
    """A date early in the first element the page names as a date or a byline line (or in a `<time datetime>`
    inside one, or after a "Date"/"Datum" term of a definition list), anywhere in the page outside its
    furniture (navigation, footer, sidebars, comments, related-story cards; an aside inside the `<article>`
    is the article's own), never one named as an update; a bare `<time>` in a paragraph is an event's date,
    not this. One walk, "inside a named element" and "inside the article" handed down from parent to child."""
    seen = 0
    stack: list[tuple[Any, bool, bool]] = [(child, False, False) for child in reversed(tree.body.contents) if is_tag(child)]
    while stack and seen < _NAMED_LIMIT:
        node, in_named, in_article = stack.pop()
        if _is_furniture(node) and not (node.name == "aside" and in_article):
            continue  # an aside inside the article is the article's own (its date and author box), not the site's
        names = f"{attribute(node, 'class')} {attribute(node, 'id')} {attribute(node, 'itemprop')}"
        named = _DATE_NAME.search(names) is not None
        if node.name == "dt" and PUBLISHED_MARKER.fullmatch(text_start(node, 40).strip()):
            # A definition list of the article's details: "<dt>Datum</dt><dd>12.01.2017</dd>".
            value = node.find_next_sibling(("dd", "dt"))
            found = _early_date(text_start(value, _NAMED_TEXT), options) if value is not None and value.name == "dd" else None
            if found is not None:
                return found
        if named or (in_named and node.name == "time"):
            seen += 1
            if _UPDATED_HINT.search(names.lower()):
                continue
            found = machine_date(attribute(node, "datetime")) if node.name == "time" else None
            found = found or _early_date(text_start(node, _NAMED_TEXT)[:_NAMED_TEXT], options, _NAMED_EARLY)
            if found is not None:
                return found
        inside = in_article or node.name == "article"
        stack.extend((child, in_named or named, inside) for child in reversed(node.contents) if is_tag(child))
    return None


def _title_date(raw: list[RawBlock], meta: Metadata, options: ReadOptions) -> datetime.date | None:
    """A date in the headline ("Headline <small>02.02.2022</small>") or at the start of the `<title>` or
    `og:title` ("08.11.2021 | Headline"): htmldate reads the `<title>` and `<h1>` for one too."""
    shown = " ".join(block.text for block in raw if block.is_title)
    if shown and len(shown) <= 200:
        found = _early_date(shown, options, len(shown))
        if found is not None:
            return found
    for text in (meta.html_title, meta.og_title):
        found = _early_date(text or "", options, 3)
        if found is not None:
            return found
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)")


def url_date(url: str | None) -> datetime.date | None:
    """The date in a page's address ("/news/2024/03/07/budget"): year, month and day, all three."""
    found = _URL_DATE.search(url or "")
    if found is None:
        return None
    try:
        return datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def hint(tag: Any) -> str:
    return f"{attribute(tag, 'class')} {attribute(tag, 'id')} {attribute(tag, 'itemprop')}" if tag is not None else ""


def _is_furniture(tag: Any) -> bool:
    """An aside, a navigation or footer, or an element named as a related-story card, a sidebar or comments."""
    return tag.name in ("aside", "nav", "footer") or _FURNITURE_HINT.search(hint(tag)) is not None


def _within(tag: Any, roots: tuple[Any, ...]) -> bool:
    return any(tag is root or root in tag.parents for root in roots)
