"""The parsed page, and what the other modules of the html reader ask of its elements: is it a block, is it chrome, how much text.

One `PageTree` per read holds the soup and every per-element measure; nothing
is kept between reads. Every walk is iterative (an explicit stack), so a page
nested ten thousand `<div>`s deep is read, not a `RecursionError`.
"""

from __future__ import annotations

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
    r"|pagination|pager|prev-next|post-nav|popup|modal|visually-?hidden|sr-only|screen-reader|element-invisible|offscreen)",
    re.I,
)
# Likely: furniture when small beside the content or mostly links (a "tags" row, a caption, a print button).
_LIKELY_HINT = re.compile(
    r"(?<![a-z])(?:promo|tag-?list|tags|tagcloud|categor|taxonomy|print|rating|feedback|survey|toolbar|tools?|masthead"
    r"|site-header|site-footer|global-?nav|menu|navbar|follow-us|more-news|latest|trending|most-read|popular|read-?next"
    r"|back-to|author-bio|about-the-author|caption|credit|wp-caption|reply)",
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
    r"comment|footer|foot|sidebar|aside|nav|menu|breadcrumb|share|social|related|promo|banner|cookie|widget|masthead"
    r"|advert|sponsor|popup|meta|tags|pagination|header",
    re.I,
)
#: How much of a footer's text is looked at for the parts of a release that live in footers on some sites.
_FOOTER_LOOK = 2000
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


def parse_html(text: str) -> Any:
    """The page as a Beautiful Soup tree, with the standard library's parser (always present, same tree everywhere)."""
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        # bs4 warns about XHTML read as HTML and about text that looks like a file name; neither matters here.
        warnings.simplefilter("ignore")
        try:
            return BeautifulSoup(text, "html.parser")
        except RecursionError:
            raise InputError("the page is nested too deeply to read") from None
        except (AssertionError, ValueError, IndexError, TypeError) as error:  # html.parser's rare failures on garbage
            raise InputError(f"the page cannot be parsed as HTML ({type(error).__name__}: {error})") from None


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
    """Remove what a reader never sees: scripts, styles, media, form controls, comments and hidden elements."""
    # A figure with an image, a video or an embed is the picture and its caption, never the release's words.
    media = [figure for figure in soup.find_all("figure") if figure.find(list(MEDIA)) is not None]
    for figure in media:
        figure.extract()
    doomed = [
        node for node in soup.descendants if (is_tag(node) and (node.name in SKIPPED or is_invisible(node))) or _is_comment(node)
    ]
    for node in doomed:
        node.extract()


def _is_comment(node: Any) -> bool:
    return isinstance(node, _node_types()[2])


def normal_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Stats:
    """Text measures of one element's subtree."""

    text: int = 0
    links: int = 0
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
            if tag.name == "a":
                stats.links = stats.text
            self.stats[id(tag)] = stats
        self._score_paragraphs(root)

    def _score_paragraphs(self, root: Any) -> None:
        for tag in iter_tags(root):
            if tag.name not in BLOCKS:
                continue
            own = own_text(tag)
            if len(own) < 25:
                continue
            chunks = 1 + sum(1 for child in tag.children if is_tag(child) and child.name == "br") // 2
            weight = chunks + own.count(",") + min(len(own) / 100, 3.0 * chunks)
            holders = containers_of(tag, root)
            for depth, holder in enumerate(holders[:3]):
                self.stats.setdefault(id(holder), Stats()).score += weight / (1 + depth)

    def final_score(self, tag: Any) -> float:
        stats = self.of(tag)
        return (stats.score + class_weight(tag)) * (1 - stats.link_density)


def containers_of(tag: Any, root: Any) -> list[Any]:
    """The elements around a paragraph that could hold an article: itself if it is a container, then its container ancestors."""
    found = [tag] if tag.name not in _NOT_CONTAINERS and tag.name in BLOCKS else []
    for ancestor in tag.parents:
        if ancestor.name in BLOCKS and ancestor.name not in _NOT_CONTAINERS:
            found.append(ancestor)
        if ancestor is root or len(found) >= 3:
            break
    return found


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


def _holds_release_part(tag: Any) -> bool:
    """A footer that starts the notes, a contact block or an end mark ("Notes to editors", "Media contact:", "ENDS"),
    as some sites lay their releases out: the text reader's recognisers (`pressconv.readers.structure`), asked of
    each line of the footer's first 2,000 characters. Not "About us" or "Contact us": every site footer has those."""
    seen = 0
    for node in iter_nodes(tag):
        if not is_text(node):
            continue
        line = normal_space(str(node))
        if not line:
            continue
        opened = contact_heading(line)
        if is_end_mark(line) or is_notes_heading(line) or (opened is not None and opened[0]):
            return True
        seen += len(line)
        if seen >= _FOOTER_LOOK:
            return False
    return False


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
    """Every node under `root` in document order, without recursion."""
    stack = list(reversed(list(root.children))) if is_tag(root) else []
    while stack:
        node = stack.pop()
        yield node
        if is_tag(node):
            stack.extend(reversed(list(node.children)))


def iter_tags(root: Any) -> Iterator[Any]:
    return (node for node in iter_nodes(root) if is_tag(node))


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
        return not _holds_release_part(tag)
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
