"""The html reader's pipeline: a saved press-release web page → `Release`.

The steps, each in its own module of this package:

1. `decoding`: bytes → text (BOM, saved HTTP head, `<meta charset>`, else UTF-8 or Windows-1252);
2. `metadata`: what the page declares — schema.org JSON-LD and microdata, Open Graph, `<meta>`, canonical URL;
3. `page`: the tree without what nobody sees (scripts, styles, hidden elements), measured;
4. `container`: where the release is — the densest text block checked against `<article>`, `<main>`, schema.org;
5. `blocks`: the page's text as blocks, flagged inside/outside the container and inside/outside site furniture;
6. here: the headline, and the header lines around it (dates, byline, "From:", label), read like the text reader reads them;
7. `structure`: headings, lists, notes to editors, contacts and end marks.

Precedence for each field: the visible headline over schema.org `headline`
over `og:title` over the `<title>` less its site name; schema.org
`datePublished` over `article:published_time` over other `<meta>` dates over a
`<time datetime>` in the article over a visible "Published …" near the
headline. Never a date from outside the article and its header.

The reader object the registry loads (`HtmlReader`: its name, formats and
sniff) lives in the package's `__init__` and imports this module only to read
a page, so that choosing a reader for a raw text release never pays for it.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from pressconv import lexicon
from pressconv.errors import InputError
from pressconv.keys import typographic_key
from pressconv.language import identify_languages
from pressconv.model import DEFAULT_LANGUAGE, Block, Notice, Paragraph, Release, Removal, iter_texts
from pressconv.notices import Code, notice
from pressconv.options import ReadOptions
from pressconv.readers.decoding import normalise
from pressconv.readers.html.blocks import RawBlock, WalkContext, walk_blocks
from pressconv.readers.html.container import Container, around_headline, find_container
from pressconv.readers.html.dating import publication_date as _publication_date
from pressconv.readers.html.decoding import Page, decode_page
from pressconv.readers.html.header import MetaLine, is_lead_in, read_meta_line
from pressconv.readers.html.metadata import Metadata, http_url, read_metadata
from pressconv.readers.html.page import (
    BLOCKS,
    PageTree,
    attribute,
    is_chrome,
    iter_tags,
    normal_space,
    own_text,
    parse_html,
    strip_invisible,
)
from pressconv.readers.html.structure import build_blocks
from pressconv.readers.html.titling import is_site_name, settle_title

__all__ = ["read_page"]

# A separator starts where a run of spaces starts (`(?<!\s)`): tried from inside a long run, each start would scan
# to the run's end (quadratic); the leftmost match is the same.
_TITLE_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[|–—:·•»\-]\s+|\s+::\s+|\s*\|\s*)")
# "Press release: Council approves budget": the lexicon's strong labels ("label"), a bare "Statement" or "Communiqué".
_LABELLED_TITLE = lexicon.pattern(r"^(?P<label>{label}|statement|communiqu[ée])\s*[:|–—-]\s*(?P<title>\S.*)$")
#: How many blocks after the headline count as its header, at most.
_HEADER_SPAN = 12
_PROSE = 80


def read_page(data: bytes, options: ReadOptions) -> Release:
    page = decode_page(data, encoding=options.encoding, max_bytes=options.max_bytes)
    try:
        release = _read(page, options, scripts=True)
    except InputError:
        if not _has_noscript(page.text):
            raise
        return _read(page, options, scripts=False)
    if release.blocks or not _has_noscript(page.text):
        return release
    # Read as a browser that runs scripts, the page shows nothing: its script fills it in, and its <noscript>
    # holds the same text for a browser that does not (a blog's post body in a template). Read it so.
    without_scripts = _read(page, options, scripts=False)
    return without_scripts if without_scripts.blocks else release


def _has_noscript(text: str) -> bool:
    return "<noscript" in text or "<NOSCRIPT" in text


def _read(page: Page, options: ReadOptions, *, scripts: bool) -> Release:
    soup = parse_html(page.text, scripts=scripts)
    meta = read_metadata(soup, page.location)
    strip_invisible(soup)
    tree = PageTree(soup)
    tree.measure()
    container = find_container(tree, _declared_headline(tree, meta))
    title_element = _title_element(tree, container, meta)
    container = around_headline(container, title_element)
    raw = _walk(tree, container, title_element, meta)
    notices: list[Notice] = [*page.notices, notice(Code.STRUCTURE_FOUND, f"the release on the page is {container.how}")]
    if not options.month_first and (meta.language or "").startswith(("en-US", "en-PH", "en-CA")):
        # A page that says it is American English writes 03/07/2024 for March 7.
        options = dataclasses.replace(options, month_first=True)
    header, body = _split_header(raw, options, meta.author)
    left_out = _left_out(raw, header.consumed, header.kickers)
    body, repeats = _dom_repeats(raw, body)
    left_out += repeats
    title = _clean_field(_title(raw, meta, title_element))
    title = _clean_field(settle_title(title, title_element, meta)) if title else title
    if not title and body:
        title = _title_from_body(body)
        notices.append(notice(Code.TITLE_FROM_BODY, "the page has no headline; its first line is taken as the title"))
    if not title:
        raise InputError("the page has no headline and no text: it does not look like a press release")
    labelled = _LABELLED_TITLE.match(title)
    if labelled is not None:
        # "Press release: Council approves budget" — the label is data, the rest is the headline.
        title, header.label = labelled["title"], header.label or labelled["label"]
    published, found = _publication_date(
        tree, container, title_element, meta, header=header, body=body, raw=raw, options=options, location=page.location
    )
    notices += found
    updated = meta.modified or header.updated
    if updated is not None and published is not None and updated <= published:
        updated = None
    dropped: list[str] = []
    blocks: tuple[Block, ...] = build_blocks(body, dropped)
    left_out += _site_lines(raw, dropped)
    if meta.body and len(meta.body) > 5 * sum(len(text) for text in iter_texts(blocks)):
        # A page its scripts would have filled in: the text is only in schema.org's articleBody.
        blocks = tuple(Paragraph(text) for line in meta.body.splitlines() if (text := _clean_field_long(line)))
        notices.append(notice(Code.STRUCTURE_FOUND, "the page shows almost no text; its schema.org articleBody is read instead"))
    if not blocks:
        notices.append(notice(Code.NO_BODY, "the release has a headline but no paragraphs"))
    byline = _clean_field(meta.author or header.byline)
    issuer = _clean_field(header.issuer or meta.publisher or meta.site_name or _site_in_title(meta.html_title, title))
    notices += _found(byline, updated, issuer, header.label)
    release = Release(
        removed=tuple(sorted(left_out, key=lambda removal: removal.paragraph)),
        title=title,
        date=published,
        blocks=blocks,
        language=options.language or meta.language or DEFAULT_LANGUAGE,
        source_url=meta.canonical or (http_url(page.location, None) if page.location else None),
        notices=tuple(notices),
        updated=updated,
        byline=byline,
        issuer=issuer,
        label=_clean_field(header.label),
        repeats_judged=True,
    )
    return identify_languages(release, options.language or meta.language)


def _walk(tree: PageTree, container: Container, title_element: Any, meta: Metadata) -> list[RawBlock]:
    protected: set[int] = set()
    for anchor in (*container.roots, container.densest, title_element):
        if anchor is None:
            continue
        protected.add(id(anchor))
        protected.update(id(parent) for parent in anchor.parents)
    content_text = sum(tree.of(root).text for root in container.roots)
    context = WalkContext(
        container={id(root) for root in container.roots},
        protected=protected,
        title=title_element,
        chrome=lambda tag: is_chrome(tag, tree, content_text),
        href=lambda href: http_url(href, meta.base),
        tree=tree,
    )
    return walk_blocks(tree.body, context)


def _left_out(raw: list[RawBlock], consumed: set[int], kickers: frozenset[int] | set[int] = frozenset()) -> tuple[Removal, ...]:
    """What the reader leaves out of the page, each block reported as the cleaner reports what it drops: the
    site around the release ("outside-release": navigation, a comment thread, the footer) and furniture
    inside it ("page-furniture": a cookie banner, a share bar, a related-stories box). `paragraph` is the
    block's 1-based position among the page's text blocks in reading order; the header's lines read as
    metadata (dates, byline, label) are data, not left out; a section kicker there (`kickers`: a line that only
    links to a listing page, "News") is the site's, and reported as page furniture."""
    removed = []
    for number, block in enumerate(raw, start=1):
        if number - 1 in kickers:
            pass  # a section kicker by the headline, left out of the body: the site's, and reported
        elif block.is_title or number - 1 in consumed or (block.in_container and not block.chrome):
            continue
        text = _clean_field_long(block.text)
        if text:
            removed.append(Removal(number, "page-furniture" if block.in_container else "outside-release", text))
    return tuple(removed)


#: Class names that show an element on some screens only ("hidden-xs", "d-md-none", "visible-desktop",
#: "mobile-only", "show-for-large"): a page that prints a block twice, once per screen size, marks a copy so.
_SCREEN_ONLY = re.compile(
    r"(?<![a-z])(?:(?:hidden|visible|show|hide|d)-(?:for-)?(?:xs|sm|md|lg|xl|xxl|small|medium|large|mobile|tablet|desktop)"
    r"|(?:mobile|desktop|tablet)-?(?:only|hidden|visible|show|hide)|(?:only|hide|show)-(?:on-)?(?:mobile|desktop|tablet))(?![a-z])",
    re.I,
)


def _dom_repeats(raw: list[RawBlock], body: list[RawBlock]) -> tuple[list[RawBlock], tuple[Removal, ...]]:
    """The body without what a page repeats, by its elements: a block the same as the block just before it
    (a teaser's summary over the same first paragraph), and a block inside an element shown on some screens
    only whose text the body shows elsewhere too (the page's copy for another screen size). Text repeated
    anywhere else is the page's own — the same item in several lists, a question asked of each interviewee —
    and stays (`Release.repeats_judged` tells the cleaner so). Each block left out is reported, numbered by
    its place among the page's blocks as the rest of what the reader leaves out."""
    at = {id(block): index for index, block in enumerate(raw)}
    keys = [typographic_key(block.text) for block in body]
    screen_only = _screen_only(body)
    # Where each text is first shown, and where first outside a screen-only element: a screen-only copy goes
    # when the text came before it, or comes anywhere in the body's shared text (one of two copies stays).
    first: dict[str, int] = {}
    shared: dict[str, int] = {}
    for block, key in zip(body, keys, strict=True):
        first.setdefault(key, at[id(block)])
        if id(block.element) not in screen_only:
            shared.setdefault(key, at[id(block)])
    kept: list[RawBlock] = []
    removed: list[Removal] = []
    previous: tuple[RawBlock, str] | None = None
    for block, key in zip(body, keys, strict=True):
        wordy = any(char.isalnum() for char in key)
        same_as_previous = (
            previous is not None
            and previous[1] == key
            and not (block.kind == previous[0].kind == "item" and block.list_key == previous[0].list_key)
        )
        if wordy and same_as_previous and previous is not None:
            removed.append(Removal(at[id(block)] + 1, "repeated-paragraph", block.text, at[id(previous[0])] + 1))
            continue
        if wordy and id(block.element) in screen_only:
            original = first[key] if first[key] != at[id(block)] else shared.get(key)
            if original is not None:
                removed.append(Removal(at[id(block)] + 1, "repeated-paragraph", block.text, original + 1))
                continue
        kept.append(block)
        previous = (block, key)
    return kept, tuple(removed)


def _screen_only(body: list[RawBlock]) -> set[int]:
    """The elements (ids) of the body's blocks that lie inside an element shown on some screens only: each
    element's answer found once, from its parent's (linear however deep the blocks sit)."""
    answers: dict[int, bool] = {}
    found: set[int] = set()
    for block in body:
        element = block.element
        chain = []
        node = element
        while node is not None and id(node) not in answers:
            chain.append(node)
            node = node.parent
        answer = answers.get(id(node), False) if node is not None else False
        for tag in reversed(chain):
            answer = answer or _SCREEN_ONLY.search(attribute(tag, "class")) is not None
            answers[id(tag)] = answer
        if answers.get(id(element), False):
            found.add(id(element))
    return found


def _site_lines(raw: list[RawBlock], dropped: list[str]) -> tuple[Removal, ...]:
    """The site's lines found among the release's blocks ("Related news" and its links, "Read more: …") as
    page furniture, each numbered by the page block that holds it."""
    removed = []
    at = 0
    for text in dropped:
        found = next((index for index in range(at, len(raw)) if text in raw[index].text), None)
        if found is not None:
            at = found
        if (cleaned := _clean_field_long(text)) is not None:
            removed.append(Removal((found if found is not None else at) + 1, "page-furniture", cleaned))
    return tuple(removed)


def _title_from_body(body: list[RawBlock]) -> str:
    """The title of a page without a headline: its first block that is not a line of the web page, taken out of `body`.

    Lines of the web page before it ("Print this page") stay in the body, where the page-chrome cleaning step
    removes and reports them (or --keep-chrome keeps them): never the title, never lost — as in the text reader.
    """
    from pressconv.lines import is_chrome as is_chrome_line

    at = next((index for index, block in enumerate(body) if not is_chrome_line(block.text)), None)
    if at is None:
        raise InputError("the page has no headline and holds only lines of a web page (navigation, share buttons), no release")
    return body.pop(at).text


def _found(byline: str | None, updated: datetime.date | None, issuer: str | None, label: str | None) -> list[Notice]:
    """The quiet notices the text reader gives too, so both readers report the same way."""
    found = []
    if byline:
        found.append(notice(Code.BYLINE_FOUND, f"byline: {byline}"))
    if updated:
        found.append(notice(Code.UPDATED_FOUND, f"updated {updated.isoformat()}, kept apart from the publication date"))
    if issuer:
        found.append(notice(Code.ISSUER_FOUND, f"issuer: {issuer}"))
    if label:
        found.append(notice(Code.LABEL_DROPPED, f"the label {label!r} is kept as data, not text"))
    return found


def _declared_headline(tree: PageTree, meta: Metadata) -> Any:
    """The <h1> that says what the page's metadata says the headline is, if one does (found before the container)."""
    # The <title> less its site name: the whole <title> would match a site-name <h1> ("Eastbrook Town Council").
    declared = [
        typographic_key(text) for text in (meta.headline, meta.og_title, _without_site(meta.html_title, meta.site_name)) if text
    ]
    for heading in tree.body.find_all("h1"):
        key = typographic_key(tree.short_text(heading) or "")  # a heading too long to be a headline matches none
        if key and any(key == wanted or (len(key) > 10 and key in wanted) for wanted in declared):
            return heading
    return None


def _title_element(tree: PageTree, container: Container, meta: Metadata) -> Any:
    """The element that shows the headline: the `<h1>` that matches what the page declares, else the article's first."""
    matching = _declared_headline(tree, meta)
    if matching is not None:
        return matching
    body = tree.body
    headings = [tag for tag in body.find_all("h1") if tree.of(tag).text]
    declared = [
        typographic_key(text) for text in (meta.headline, meta.og_title, _without_site(meta.html_title, meta.site_name)) if text
    ]
    # The first <h1> inside the container, found by walking the container once (not each heading's ancestors).
    inside = next(
        (tag for root in container.roots for tag in (root, *iter_tags(root)) if tag.name == "h1" and tree.of(tag).text), None
    )
    if inside is not None:
        return inside
    headline = body.find(attrs={"itemprop": "headline"})
    if headline is not None and tree.of(headline).text:
        return headline
    if len(headings) == 1 and not _is_logo(headings[0]) and not is_site_name(tree.short_text(headings[0]) or "", meta):
        return headings[0]
    # No <h1>: a heading or a bold line in the article, before its first paragraph, that the <title> names.
    for tag in iter_tags(container.roots[0]):
        if not tree.of(tag).text:
            continue
        if tag.name == "p" and len(own_text(tag)) >= _PROSE:
            break  # own text: html.parser nests unclosed <p>s, so a <p>'s whole text may be the rest of the page
        if (
            tag.name in ("h2", "h3", "b", "strong", "font", "big")
            and (text := tree.short_text(tag))
            and len(text) < 200
            and any((key := typographic_key(text)) and key in wanted for wanted in declared)
        ):
            return _whole_block(tree, tag)
    return None


def _whole_block(tree: PageTree, tag: Any) -> Any:
    """The block an inline headline fills (`<p><b><font>Headline</font></b>`), so the whole block is the title."""
    text = tree.short_text(tag)
    while tag.name not in BLOCKS and tag.parent is not None and tree.short_text(tag.parent) == text:
        tag = tag.parent
    return tag


def _is_logo(tag: Any) -> bool:
    link = tag.find("a")
    return link is not None and attribute(link, "href").strip() in ("/", "./", "index.html", "index.htm", "")


def _title(raw: list[RawBlock], meta: Metadata, element: Any) -> str | None:
    shown = " ".join(block.text for block in raw if block.is_title).strip()
    if shown:
        return shown
    for text in (meta.headline, _without_site(meta.og_title, meta.site_name), _without_site(meta.html_title, meta.site_name)):
        if text:
            return text
    return normal_space(element.get_text(" ")) if element is not None else None


def _without_site(title: str | None, site: str | None) -> str | None:
    """ "Council approves budget | Northshire Council" → "Council approves budget"."""
    if not title:
        return None
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    site_key = typographic_key(site) if site else None
    rest = [part for part in parts if typographic_key(part) != site_key] or parts
    # Without the site's name to go by: the part with the most words, the first on a tie (headline first is commoner).
    return max(rest, key=lambda part: len(part.split()))


def _site_in_title(html_title: str | None, title: str) -> str | None:
    """ "Headline | Ministry of X" → "Ministry of X": what the <title> adds to the headline is the site's name."""
    if not html_title:
        return None
    key = typographic_key(title)
    parts = [part.strip() for part in re.split(r"\s+[|–—·•»]\s+|\s+-\s+", html_title) if part.strip()]
    if len(parts) < 2 or typographic_key(parts[0]) != key:
        return None
    site = parts[-1]
    return site if len(site) <= 80 and typographic_key(site) != key else None


@dataclasses.dataclass
class _Header:
    published: Any = None
    updated: Any = None
    byline: str | None = None
    issuer: str | None = None
    label: str | None = None
    notices: list[Notice] = dataclasses.field(default_factory=list)
    #: The blocks read as the header's metadata (positions in the page's blocks): data, not left-out text.
    consumed: set[int] = dataclasses.field(default_factory=set)
    #: Header lines left out that are no metadata (a section kicker linking to its listing page): reported.
    kickers: set[int] = dataclasses.field(default_factory=set)


def _split_header(raw: list[RawBlock], options: ReadOptions, author: str | None = None) -> tuple[_Header, list[RawBlock]]:
    """The header lines around the headline (read for metadata and left out) and the body blocks."""
    header = _Header()
    title_at = next((index for index, block in enumerate(raw) if block.is_title), None)
    content = [index for index, block in enumerate(raw) if block.in_container and not block.chrome and not block.is_title]
    if title_at is not None and any(block.in_container for block in raw if block.is_title):
        content = [index for index in content if index > title_at]
    zone_start = title_at + 1 if title_at is not None else (content[0] if content else 0)
    # A few lines just above the headline belong to it too ("Press release", "7 March 2024").
    before = [index for index in range(max(0, (title_at or 0) - 3), title_at or 0) if not raw[index].chrome]
    consumed = header.consumed
    index = zone_start
    seen = prose = 0
    zone = [*before]
    while index < len(raw) and seen < _HEADER_SPAN:
        block = raw[index]
        if not block.chrome:
            if block.kind != "heading" and len(block.text) >= _PROSE and not read_meta_line(block.text).is_meta:
                # Some sites print the summary first and the "From:"/"Published" lines under it: look one paragraph further.
                prose += 1
                if prose > 1:
                    break
            zone.append(index)
            seen += 1
        index += 1
    position = 0
    while position < len(zone):
        at = zone[position]
        text = raw[at].text
        following = zone[position + 1] if position + 1 < len(zone) else None
        if is_lead_in(text) and following is not None and following == at + 1:
            line = read_meta_line(f"{text.rstrip(':')}: {raw[following].text}", month_first=options.month_first)
            if line.is_meta:
                _take(header, line)
                consumed.update((at, following))
                position += 2
                continue
        line = read_meta_line(text, month_first=options.month_first)
        if line.is_meta and raw[at].kind != "heading":
            _take(header, line)
            consumed.add(at)
        elif getattr(raw[at].element, "name", "") in ("dt", "dd") and len(text) < _PROSE:
            consumed.add(at)  # a definition list beside the headline is the page's metadata ("Details", "Category: …")
        elif _names_only(raw[at], author):
            consumed.add(at)  # the author's name (an avatar, a name line)
        elif _links_to_listing(raw[at]):
            consumed.add(at)  # a section kicker ("News"): left out, and reported as the site's
            header.kickers.add(at)
        if at in consumed and header.byline is None:
            header.byline = _author_link(raw[at])
        position += 1
    body = [raw[index] for index in content if index not in consumed and not _read_date_line(raw[index], header, options)]
    return header, body


def _read_date_line(block: RawBlock, header: _Header, options: ReadOptions) -> bool:
    """Read a body paragraph that only says when the page was published or updated (GOV.UK's "Published …",
    "Last updated … + show all updates" at the foot) into the header, as the header's own lines are: True
    when it was, so it leaves the body. A date that disagrees with one the header has is never dropped:
    the paragraph stays, as text."""
    if block.kind != "paragraph":
        return False
    lines = [read_meta_line(line.text, month_first=options.month_first) for line in block.lines]
    if not all(line.is_meta and (line.published or line.updated) for line in lines):
        return False
    for line in lines:
        if line.published is not None and header.published not in (None, line.published):
            return False
        if line.updated is not None and header.updated not in (None, line.updated):
            return False
    for line in lines:
        _take(header, line)
    return True


_AUTHOR_HREF = re.compile(
    r"/(?:authors?|people|person|staff|profiles?|writers?|journalists?|reporters?|contributors?)/[^/?#]+", re.I
)


def _author_link(block: RawBlock) -> str | None:
    """The name on an author-page link in a header line ("3 November 2022 • <a href=/authors/kim-lee>Kim Lee</a>")."""
    element = block.element
    if element is None or not hasattr(element, "find_all"):
        return None
    for link in element.find_all("a", limit=10):
        if "author" in attribute(link, "rel").lower().split() or _AUTHOR_HREF.search(attribute(link, "href")):
            name = normal_space(link.get_text(" "))
            if 0 < len(name.split()) <= 5 and name in block.text:
                return name
    return None


#: Path segments that name a listing page (a tag, a section): "/news", "/tag/energy/", "/topics/health?page=2".
_LISTING_WORDS = frozenset(
    {"tag", "tags", "category", "categories", "topic", "topics", "section", "sections", "channel", "channels", "news"}
)


def _names_only(block: RawBlock, author: str | None) -> bool:
    """A header line that is only a name: the author the page declares, or a link to an author's page."""
    text = block.text
    if author and typographic_key(text) in {typographic_key(name) for name in [author, *author.split(", ")]}:
        return True
    name = _author_link(block)
    return name is not None and len(text) <= len(name) + 3


def _links_to_listing(block: RawBlock) -> bool:
    """A header line that is only links to listing pages (a tag, a section): "News", "Environment"."""
    element = block.element
    if block.link_share < 0.99 or len(block.text) > 60 or element is None or not hasattr(element, "find_all"):
        return False
    links = element.find_all("a", limit=10)
    return bool(links) and all(_is_listing_href(attribute(link, "href")) for link in links)


def _is_listing_href(href: str) -> bool:
    """An address whose path ends in a listing word, or in one word after it ("/tag/energy/"): read by
    splitting the path once, not by a pattern retried from every slash of a long address."""
    path = re.split(r"[?#]", href, maxsplit=1)[0]
    path = path.removesuffix("/")
    segments = path.split("/")
    if len(segments) < 2:
        return False
    return segments[-1].lower() in _LISTING_WORDS or (len(segments) >= 3 and segments[-2].lower() in _LISTING_WORDS)


def _take(header: _Header, line: MetaLine) -> None:
    if line.published is not None and header.published is None:
        header.published = line.published
        header.notices += line.notices
    header.updated = header.updated or line.updated
    header.byline = header.byline or line.byline
    header.issuer = header.issuer or line.issuer
    header.label = header.label or line.label


def _clean_field_long(value: str) -> str | None:
    text = normalise(value).replace("\n", " ").strip()
    return text or None


def _clean_field(value: str | None) -> str | None:
    """Text from the page's metadata made writable: the same normalising as body text, one line, at most 200 characters."""
    if not value:
        return None
    text = normalise(value).replace("\n", " ").strip()
    return text[:200].strip() or None
