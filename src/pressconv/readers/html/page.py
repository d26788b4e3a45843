"""The parsed page, and what the other modules of the html reader ask of its elements: is it a block, is it chrome, how much text.

One `PageTree` per read holds the soup and every per-element measure; nothing
is kept between reads. Every walk is iterative (an explicit stack), so a page
nested ten thousand `<div>`s deep is read, not a `RecursionError`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pressconv.errors import InputError
from pressconv.readers.structure import contact_heading, is_end_mark, is_notes_heading

#: Elements whose content is never page text.
SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "picture", "img", "map", "area", "head", "title", "meta", "link", "base", "button", "input", "select", "textarea",
    "option", "optgroup", "datalist", "source", "track", "param", "progress", "meter", "dialog",
})  # fmt: skip
MEDIA = frozenset({"img", "picture", "video", "audio", "iframe", "svg", "object", "embed", "canvas"})
#: Elements that start and end a block of text (everything else is inline, or unknown and treated as inline).
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "caption", "frameset", "frame", "noframes",
})  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Blocks that hold text themselves (a paragraph), as opposed to holding other blocks (a container).
TEXT_BLOCKS = frozenset(
    {"p", "pre", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "summary", "legend", "address"}
)
#: Structural wrappers that never count as "the element around a paragraph" when scoring.
_NOT_CONTAINERS = TEXT_BLOCKS | {"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "hgroup", "menu", "dir", "html"}

# Site furniture by role: the ARIA landmarks and widgets that are never the release.
_CHROME_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    "toolbar", "tablist", "tooltip", "alert", "status", "form",
})  # fmt: skip
_CHROME_TAGS = frozenset({"nav", "aside", "menu"})
# Words in class and id names that mean "not the release" on most sites, whatever the CMS. They are hints:
# an element they name is chrome only when it is also small beside the content or mostly links (see `is_chrome`).
# Words in class and id names that mean "not the release" on most sites, whatever the CMS, in three strengths.
# Sure: an element so named is furniture (unless it holds the densest text or the headline, which the caller protects).
_SURE_HINT = re.compile(
    r"(?<![a-z])(?:cookie|consent|gdpr|onetrust|breadcrumb|share|sharing|social|addtoany|a2a_|sharedaddy|related|recommend"
    r"|comment|disqus|respond|newsletter|subscribe|signup|advert|adslot|ad-slot|ads-|sponsor|sidebar|skip-?link|skip-?to"
    r"|pagination|pager|prev-next|post-nav|popup|modal|visually-?hidden|sr-only|screen-reader|element-invisible|offscreen"
    r"|breaking-?news|news-?ticker|ticker|notification-?bar)",
    re.I,
)
# Likely: furniture when small beside the content or mostly links (a "tags" row, a caption, a print button).
_LIKELY_HINT = re.compile(
    r"(?<![a-z])(?:promo|tag-?list|tags|tagcloud|categor|taxonomy|print|rating|feedback|survey|toolbar|tools?|masthead"
    r"|site-header|site-footer|global-?nav|menu|navbar|follow-us|more-news|latest|trending|most-read|popular|read-?next"
    r"|back-to|author-bio|about-the-author|caption|credit|wp-caption|reply"
    # An author's box under the article ("author-box", "m-author__description", "author_desc"), never a bare byline
    # ("author"); a donation appeal.
    r"|author[-_]*(?:box|bio|desc|personal|profile|about|info)|about[-_]?(?:the[-_]?)?author|donat|cta(?![a-z]))",
    re.I,
)
# Weak: page builders name every content block so ("elementor-widget-text-editor"); furniture only when mostly links.
_WEAK_HINT = re.compile(r"(?<![a-z])(?:widget|module|block-views|teaser|card)", re.I)
# Hints that only ever name invisible or purely decorative things: removed whatever their size.
_INVISIBLE_HINT = re.compile(
    r"^(?:visually-?hidden|sr-only|screen-reader-text|element-invisible|offscreen|hidden|hide|d-none)$", re.I
)
_GOOD_HINT = re.compile(
    r"article|body|content|entry|h-entry|hentry|main|post|text|story|release|news-?item|govspeak|prose|rich-?text", re.I
)
_BAD_HINT = re.compile(
    r"comment|footer|foot|sidebar|aside|nav|menu|breadcrumb|share|social|related|promo|banner|cookie|masthead"
    r"|advert|sponsor|popup|meta|tags|pagination|header",
    re.I,
)
#: The longest text `PageTree.short_text` gives (headlines, table cells, the words around a date).
SHORT_TEXT = 300
#: How much of a footer's text is looked at for the parts of a release that live in footers on some sites.
_FOOTER_LOOK = 2000
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


def parse_html(text: str, *, scripts: bool = True) -> Any:
    """The page as a Beautiful Soup tree, built by lxml (libxml2): about three times faster than the standard
    library's `html.parser`, and it closes unclosed `<p>`s as browsers do instead of nesting them.

    `scripts`: read as a browser that runs scripts (`<noscript>` never shown), or as one that does not
    (`<noscript>`'s content shown in its place)."""
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        # bs4 warns about XHTML read as HTML and about text that looks like a file name; neither matters here.
        warnings.simplefilter("ignore")
        try:
            return BeautifulSoup(without_noscript(text) if scripts else _noscript_shown(text), "lxml")
        except RecursionError:
            raise InputError("the page is nested too deeply to read") from None
        except (AssertionError, ValueError, IndexError, TypeError) as error:  # a parser's rare failures on garbage
            raise InputError(f"the page cannot be parsed as HTML ({type(error).__name__}: {error})") from None


def without_noscript(text: str) -> str:
    """The page without its `<noscript>` elements, as a browser that runs scripts reads them: as raw text,
    never shown. Parsed as markup, a `<noscript><div></noscript>` leaves its `<div>` open and libxml2 puts the
    rest of the page inside the noscript. One scan forward with `str.find` (linear, however many are unclosed);
    an unclosed one is left as it is."""
    lowered = text.lower()
    if "<noscript" not in lowered:
        return text
    parts: list[str] = []
    position = 0
    while (start := lowered.find("<noscript", position)) >= 0:
        after = lowered[start + 9 : start + 10]
        if after and after not in " \t\n\r\f/>":
            parts.append(text[position : start + 9])
            position = start + 9
            continue
        close = lowered.find("</noscript", start)
        end = lowered.find(">", close) if close >= 0 else -1
        if end < 0:
            break
        parts.append(text[position:start])
        position = end + 1
    parts.append(text[position:])
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _node_types() -> tuple[type, type, type]:
    """bs4's node classes, imported on first use (the text path never loads bs4); constant, so cached."""
    from bs4.element import NavigableString, PreformattedString, Tag

    return Tag, NavigableString, PreformattedString


def is_tag(node: Any) -> bool:
    return isinstance(node, _node_types()[0])


def is_text(node: Any) -> bool:
    """A piece of page text (not a comment, doctype, declaration or processing instruction)."""
    _, text, other = _node_types()
    return isinstance(node, text) and not isinstance(node, other)


def attribute(tag: Any, name: str) -> str:
    """An attribute as one string (bs4 gives multi-valued ones such as class as lists)."""
    value = tag.attrs.get(name) if getattr(tag, "attrs", None) else None
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(str(part) for part in value)
    return str(value)


def hint_words(tag: Any) -> str:
    """The class and id of an element, as one lower-case string to test hints against."""
    return f"{attribute(tag, 'class')} {attribute(tag, 'id')}".lower()


def class_weight(tag: Any) -> int:
    """Readability's class weight: +25 for names meaning content, −25 for names meaning furniture."""
    words = hint_words(tag).strip()
    if not words:
        return 0
    weight = 0
    if _GOOD_HINT.search(words):
        weight += 25
    if _BAD_HINT.search(words):
        weight -= 25
    return weight


def is_invisible(tag: Any) -> bool:
    """Hidden from readers: `hidden`, `aria-hidden`, inline display:none, or a visually-hidden class."""
    attrs = getattr(tag, "attrs", None)
    if not attrs:
        return False
    if "hidden" in attrs or attribute(tag, "aria-hidden").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attribute(tag, "style")):
        return True
    return any(_INVISIBLE_HINT.match(word) for word in attribute(tag, "class").split())


def strip_invisible(soup: Any) -> None:
    """Remove what a reader never sees: scripts, styles, media, form controls, comments and hidden elements.

    A figure with an image, a video or an embed is the picture and its caption, never the release's words.
    Linear in the page's size however it is built: which figures hold media is found in one pass from the
    leaves up, only the outermost of nested doomed elements is removed (its inside goes with it), and the
    removals are done by `remove_all`, not one `extract()` each (which searches the parent's children).
    """
    root = soup
    with_media: set[int] = set()
    for tag in reversed(list(iter_tags(root))):
        if tag.name in MEDIA or any(id(child) in with_media for child in tag.children):
            with_media.add(id(tag))
    doomed: list[Any] = []
    stack = list(reversed(list(root.children)))
    while stack:
        node = stack.pop()
        if is_tag(node):
            if node.name in SKIPPED or is_invisible(node) or (node.name == "figure" and id(node) in with_media):
                doomed.append(node)
            else:
                stack.extend(reversed(node.contents))
        elif _is_comment(node):
            doomed.append(node)
    remove_all(doomed)


def remove_all(nodes: list[Any]) -> None:
    """Take `nodes` (none inside another, in document order) out of the tree, in time linear in the tree's size.

    bs4's `extract()` finds the node's place among its siblings by a scan of the parent's children, so
    removing many siblings one by one is quadratic. Here each node is unlinked from the element chain and
    its siblings as `extract()` does it, and each parent's children list is rebuilt once.
    """
    parents: dict[int, Any] = {}
    removed: set[int] = set()
    for node in nodes:
        parent = node.parent
        if parent is None:
            continue
        parents[id(parent)] = parent
        removed.add(id(node))
        last = node._last_descendant()  # the bs4 step extract() itself uses: O(1) when the node has a next sibling
        following = last.next_element
        before = node.previous_element
        if before is not None and before is not following:
            before.next_element = following
        if following is not None and following is not before:
            following.previous_element = before
        node.previous_element = None
        last.next_element = None
        node.parent = None
        if node.previous_sibling is not None and node.previous_sibling is not node.next_sibling:
            node.previous_sibling.next_sibling = node.next_sibling
        if node.next_sibling is not None and node.next_sibling is not node.previous_sibling:
            node.next_sibling.previous_sibling = node.previous_sibling
        node.previous_sibling = node.next_sibling = None
    for parent in parents.values():
        parent.contents = [child for child in parent.contents if id(child) not in removed]


def _is_comment(node: Any) -> bool:
    return isinstance(node, _node_types()[2])


def normal_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


#: How many nodes `text_start` reads per character it is asked for (plus a floor): the bound that keeps
#: every "what does this element say" question linear however deeply the page nests elements.
_NODES_PER_CHAR = 4
_NODES_FLOOR = 64


def text_start(tag: Any, limit: int) -> str:
    """The element's text, spaces normalised, when it is at most `limit` characters; else its first `limit`
    characters and a little more (callers compare lengths: longer than `limit` means "long").

    Reads at most about 4 × `limit` nodes and `limit` characters, so asking it of every element of a page
    nested n deep costs O(n · limit), where `get_text()` on each would cost O(n²). An element whose first
    characters lie further down than that answers with what was found (nested empty wrappers are not text).
    """
    if is_text(tag):
        return normal_space(str(tag))[: limit + 1]
    parts: list[str] = []
    length = 0
    budget = _NODES_FLOOR + _NODES_PER_CHAR * limit
    for node in tag.descendants:
        budget -= 1
        if budget < 0:
            break
        if is_text(node):
            text = str(node)
            parts.append(text)
            length += len(text)
            if length > 2 * limit + 2:  # room for the spaces normal_space will fold
                break
    return normal_space(" ".join(parts))[: limit + 1]


_NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.I)


def _noscript_shown(text: str) -> str:
    """The page as a browser that runs no scripts shows it: each `<noscript>`'s content in its place."""
    return _NOSCRIPT_TAG.sub("", text)


@dataclass
class Stats:
    """Text measures of one element's subtree."""

    text: int = 0
    links: int = 0
    #: A block element (a paragraph, a table) lies somewhere inside it.
    blocks_inside: bool = False
    #: The readability-style paragraph score gathered from the paragraphs below it.
    score: float = 0.0

    @property
    def link_density(self) -> float:
        return self.links / self.text if self.text else 0.0


@dataclass
class PageTree:
    """The soup and per-element measures for one read (keyed by `id()` of the element, valid for this tree only)."""

    soup: Any
    stats: dict[int, Stats] = field(default_factory=dict)
    #: `short_text` answers, each element's text computed once from its children's (see there).
    texts: dict[int, str] = field(default_factory=dict)
    #: Where each element's text starts, and where the lines that start a release part do (`holds_release_part`).
    text_starts: dict[int, int] = field(default_factory=dict)
    part_starts: list[int] | None = None

    @property
    def body(self) -> Any:
        body = self.soup.find("body")
        return body if body is not None else self.soup

    def of(self, tag: Any) -> Stats:
        return self.stats.get(id(tag)) or Stats()

    def measure(self) -> None:
        """Text and link lengths for every element, and each paragraph's score given to the elements around it.

        One pass from the leaves up (children before parents), so a page nested thousands deep stays linear.
        """
        root = self.body
        for tag in reversed([root, *iter_tags(root)]):
            stats = Stats()
            for child in tag.children:
                if is_text(child):
                    stats.text += len(normal_space(str(child)))
                elif (inner := self.stats.get(id(child))) is not None:
                    stats.text += inner.text
                    stats.links += inner.links
                    stats.blocks_inside = stats.blocks_inside or inner.blocks_inside or child.name in BLOCKS
            if tag.name == "a":
                stats.links = stats.text
            self.stats[id(tag)] = stats
        self._score_paragraphs(root)

    def _score_paragraphs(self, root: Any) -> None:
        # Each element's nearest three container ancestors (below `root`, inclusive), handed down parent to
        # child in one pass: asking each paragraph's ancestors in turn is quadratic in a deep chain of <li>s.
        above: dict[int, tuple[Any, ...]] = {id(root): ()}
        for tag in iter_tags(root):
            parent = tag.parent
            outer = above.get(id(parent), ())
            if _is_container(parent):
                outer = (parent, *outer)[:3]
            above[id(tag)] = outer
            if tag.name not in BLOCKS:
                continue
            own = own_text(tag)
            if len(own) < 25:
                continue
            chunks = 1 + sum(1 for child in tag.children if is_tag(child) and child.name == "br") // 2
            weight = chunks + own.count(",") + min(len(own) / 100, 3.0 * chunks)
            holders = ((tag, *outer) if _is_container(tag) else outer)[:3]
            for depth, holder in enumerate(holders):
                self.stats.setdefault(id(holder), Stats()).score += weight / (1 + depth)

    def short_text(self, tag: Any) -> str | None:
        """The element's text as `normal_space(tag.get_text(" "))` gives it, when it is short (at most
        `SHORT_TEXT` characters measured); None for a longer one.

        Memoised from the leaves up: an element's text is its children's joined, each computed once. So
        asking it of every element in a chain nested n deep costs O(n), where `get_text()` on each re-reads
        everything below and costs O(n²). Only short texts are kept, so the memory stays linear too.
        """
        if is_text(tag):
            return normal_space(str(tag))
        if self.of(tag).text > SHORT_TEXT:
            return None
        texts = self.texts
        if id(tag) in texts:
            return texts[id(tag)]
        stack: list[tuple[Any, bool]] = [(tag, False)]
        while stack:
            node, done = stack.pop()
            if done:
                parts = (normal_space(str(child)) if is_text(child) else texts.get(id(child), "") for child in node.children)
                texts[id(node)] = normal_space(" ".join(parts))
            elif id(node) not in texts:
                stack.append((node, True))
                stack.extend((child, False) for child in node.children if is_tag(child) and id(child) not in texts)
        return texts[id(tag)]

    def holds_release_part(self, tag: Any) -> bool:
        """A header or footer whose first 2,000 characters hold a line that starts the notes, a contact block or
        an end mark, as some sites lay their releases out (`_starts_release_part`).

        Answered from one walk of the page (`_index_release_parts`): where each element's text starts, and
        where such lines start, among the lines inside headers and footers. Each question is then a binary
        search, so footers nested n deep cost O(n log n), not a scan below each of them."""
        if self.part_starts is None:
            self._index_release_parts()
        assert self.part_starts is not None
        start = self.text_starts.get(id(tag))
        if start is None:
            return False
        end = start + min(self.of(tag).text, _FOOTER_LOOK)
        at = bisect.bisect_left(self.part_starts, start)
        return at < len(self.part_starts) and self.part_starts[at] < end

    def _index_release_parts(self) -> None:
        starts: dict[int, int] = {}
        parts: list[int] = []
        offset = 0
        stack: list[tuple[Any, bool]] = [(self.body, False)]
        while stack:
            node, inside = stack.pop()
            if is_text(node):
                line = normal_space(str(node))
                if inside and line and _starts_release_part(line):
                    parts.append(offset)
                offset += len(line)  # the same measure as `Stats.text`
            elif is_tag(node):
                starts[id(node)] = offset
                inside = inside or node.name in ("header", "footer")
                stack.extend((child, inside) for child in reversed(node.contents))
        self.text_starts, self.part_starts = starts, parts

    def final_score(self, tag: Any) -> float:
        stats = self.of(tag)
        return (stats.score + class_weight(tag)) * (1 - stats.link_density)


def _is_container(tag: Any) -> bool:
    """An element that could hold an article (a <div>, a <section>), not a paragraph or a list's or table's part."""
    return tag.name in BLOCKS and tag.name not in _NOT_CONTAINERS


def first_line(tag: Any) -> str:
    """The first piece of text an element shows (its first string, spaces normalised), or ""."""
    for node in iter_nodes(tag):
        if is_text(node) and (text := normal_space(str(node))) and not _in_skipped(node, tag):
            return text
    return ""


def _in_skipped(node: Any, root: Any) -> bool:
    parent = node.parent
    while parent is not None and parent is not root:
        if parent.name in SKIPPED:
            return True
        parent = parent.parent
    return False


def _starts_release_part(line: str) -> bool:
    """The line starts the notes, a contact block or an end mark ("Notes to editors", "Media contact:", "ENDS"):
    the text reader's recognisers (`pressconv.readers.structure`). Not "About us" or "Contact us": every site
    footer has those."""
    opened = contact_heading(line)
    return is_end_mark(line) or is_notes_heading(line) or (opened is not None and opened[0])


def own_text(tag: Any) -> str:
    """The text a block holds itself: its strings and inline elements, not those of blocks inside it."""
    parts: list[str] = []
    stack = list(reversed(list(tag.children)))
    while stack:
        node = stack.pop()
        if is_text(node):
            parts.append(str(node))
        elif is_tag(node) and node.name not in BLOCKS and node.name not in SKIPPED:
            stack.extend(reversed(list(node.children)))
    return normal_space(" ".join(parts))


def iter_nodes(root: Any) -> Iterator[Any]:
    """Every node under `root` in document order, without recursion: bs4's element chain (`descendants`),
    which every removal here keeps whole (`remove_all` relinks it as `extract()` does)."""
    return iter(root.descendants) if is_tag(root) else iter(())


def iter_tags(root: Any) -> Iterator[Any]:
    tag = _node_types()[0]
    return (node for node in iter_nodes(root) if isinstance(node, tag))


def is_chrome(tag: Any, tree: PageTree, content_text: int) -> bool:
    """True when an element is site furniture: a landmark that is not the content, or a hinted element
    that is small or mostly links.

    `content_text` is the text length of the article container, for judging "small".
    """
    name = tag.name
    role = attribute(tag, "role").lower()
    label = attribute(tag, "aria-label").lower()
    if name in _CHROME_TAGS or role in _CHROME_ROLES or "breadcrumb" in label or "share" in label:
        return True
    if name in ("header", "footer"):
        # A page's header and footer; an article's own header holds the headline and is protected by the caller.
        return not tree.holds_release_part(tag)
    if name == "form":
        # ASP.NET pages wrap everything in one form; only a form that is small beside the content is furniture.
        return tree.of(tag).text < 0.5 * content_text
    if name in TEXT_BLOCKS or name not in BLOCKS:
        return False  # a heading's or a paragraph's id is made from its own words ("how-the-money-will-be-shared")
    words = hint_words(tag)
    if not words.strip() or _GOOD_HINT.search(attribute(tag, "id")):
        return False
    stats = tree.of(tag)
    if _SURE_HINT.search(words):
        return True
    if _LIKELY_HINT.search(words):
        return stats.link_density > 0.3 or stats.text < 0.3 * max(content_text, 1)
    return _WEAK_HINT.search(words) is not None and stats.link_density > 0.5
