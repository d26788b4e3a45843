"""The headline as the page means it: without a section label glued to it, and never the site's name.

The reader takes the headline from the page's `<h1>` (or what stands for it). Two things go wrong there:

- a **section label glued to the headline**: news sites print a kicker ("Politics", "Corona-Pandemie",
  "Local News |", a date) in the `<h1>` before the headline, in an element of its own, or a "by / date" line
  after it. The label is taken off when the page marks it as one (a class naming a kicker, a line break
  after it, a date) or when what the page declares as its headline (JSON-LD `headline`, `og:title`, the
  `<title>` less the site's name) is the rest without it;
- **the site's name as the headline**: a page with no `<h1>` of its own, whose only `<h1>` is the site's
  logo. When the shown title is the site's name (`og:site_name`, or the part of the `<title>` beside the
  headline), the declared headline is taken instead.

Both decide from the page's own statements only; with nothing declared the shown title stays.
"""

from __future__ import annotations

import re
from typing import Any

from pressconv.keys import typographic_key
from pressconv.readers import dates
from pressconv.readers.html.metadata import Metadata
from pressconv.readers.html.page import attribute, is_tag, is_text, normal_space

__all__ = ["is_site_name", "settle_title"]

# What separates a `<title>`'s headline from the site's name: "Headline | Site", "Site – Headline" (not a colon:
# "Plan vélo : 250 millions…" is one headline).
_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[|–—·•»\-]\s+|\s+::\s+|\s*\|\s*)")
# A class or id that names an element as a kicker (a section label above or before the headline).
_KICKER_NAME = re.compile(
    r"kicker|overline|topline|dachzeile|roofline|eyebrow|supertitle|pretitle|pre-title|overtitle|subject|rubri[ck]|categor|section|label|tag",
    re.I,
)
# A date and a separator before a headline: "23.01.2022 - Headline", "1 March 2024 | Headline".
_DATE_LEAD = re.compile(r"(.{6,30}?)\s+[|–—:·•\-]\s+")
#: A label is short: at most this many words.
_LABEL_WORDS = 6
#: A headline is at least this many words long (a shorter rest is no headline left over).
_HEADLINE_WORDS = 3


def settle_title(title: str, element: Any, meta: Metadata) -> str:
    """The title without a label glued to it, or the declared headline when the shown one is the site's name."""
    dated = _DATE_LEAD.match(title)
    if dated is not None and (found := dates.match_date(title, 0, partial=False)) is not None and found.end == dated.end(1):
        rest = title[dated.end() :].strip()
        if len(rest.split()) >= _HEADLINE_WORDS:
            return rest  # "23.01.2022 - Headline": the date is the page's, not the headline's
    declared = _declared(meta)
    keys = {typographic_key(text) for text in declared}
    if typographic_key(title) in keys:
        return title
    if is_site_name(title, meta):
        replacement = next((text for text in declared if not is_site_name(text, meta)), None)
        return replacement or title
    if _links_home(element) and meta.html_title:
        # The site's logo as the headline ("<h1><a href=/>Site</a></h1>"): the longest other part of the <title>.
        parts = [
            part.strip() for part in _SEPARATORS.split(meta.html_title) if typographic_key(part.strip()) != typographic_key(title)
        ]
        longest = max(parts, key=lambda part: len(part.split()), default=None)
        if longest and len(longest.split()) >= _HEADLINE_WORDS:
            return longest
    unglued = _without_label(title, element, keys)
    return unglued or title


def _declared(meta: Metadata) -> list[str]:
    """What the page declares its headline to be, most trusted first, each also without the site's name when
    the page names its site (`og:site_name`) or puts it last in its `<title>`."""
    found: list[str] = []
    for text in (meta.headline, meta.og_title, meta.html_title):
        if not text:
            continue
        for candidate in (_without_site(text, meta), text):
            if candidate and candidate not in found:
                found.append(candidate)
    return found


def _without_site(title: str, meta: Metadata) -> str | None:
    """ "Council approves budget | Northshire Council" → "Council approves budget": the title less the site's
    name at either end, the rest as written (its own dashes kept); None when no end is the site's name."""
    separators = list(_SEPARATORS.finditer(title))
    if not separators:
        return None
    first, last = separators[0], separators[-1]
    if is_site_name(title[last.end() :].strip(), meta):
        return title[: last.start()].strip() or None
    if is_site_name(title[: first.start()].strip(), meta):
        return title[first.end() :].strip() or None
    return None


def is_site_name(text: str, meta: Metadata) -> bool:
    """The site's name: `og:site_name`, or the last part of the `<title>` when it is shorter than another
    ("Headline | Site") — the pipeline asks this of a lone `<h1>` too: a site's name there is its logo."""
    key = typographic_key(text)
    if meta.site_name and key == typographic_key(meta.site_name):
        return True
    if not meta.html_title:
        return False
    parts = [part.strip() for part in _SEPARATORS.split(meta.html_title) if part.strip()]
    if len(parts) < 2:
        return False
    longest = max(len(part.split()) for part in parts)
    return key == typographic_key(parts[-1]) and len(text.split()) < longest


def _without_label(title: str, element: Any, keys: set[str]) -> str | None:
    """The title less a label glued before it (or a byline-and-date line after it), or None when there is none."""
    title_key = typographic_key(title)
    # What the page declares is the title less a leading label: "Politics | Headline" shown, "Headline" declared.
    for key in keys:
        if len(key.split()) >= _HEADLINE_WORDS and title_key.endswith(key) and title_key != key:
            head = title_key[: -len(key)].strip()
            if head and len(head.split()) <= _LABEL_WORDS:
                return title[len(title) - len(_tail_of(title, key)) :].strip() or None
        if len(key.split()) >= _HEADLINE_WORDS and title_key.startswith(key) and title_key != key:
            tail = title_key[len(key) :].strip()
            if tail and _is_meta_tail(tail):
                return _head_of(title, key)
    if element is None or not is_tag(element):
        return None
    parts = _parts(element)
    if len(parts) < 2:
        return None
    first_node, first = parts[0]
    rest = " ".join(text for _, text in parts[1:])
    if (
        is_tag(first_node)
        and len(first.split()) <= _LABEL_WORDS
        and len(rest.split()) >= _HEADLINE_WORDS
        and (_KICKER_NAME.search(_names(first_node)) or _ends_line(first_node) or dates.is_date(first.rstrip(":|-–— ")))
    ):
        return rest
    last_node, last = parts[-1]
    head = " ".join(text for _, text in parts[:-1])
    if is_tag(last_node) and len(head.split()) >= _HEADLINE_WORDS and _is_meta_tail(last):
        return head
    return None


def _tail_of(title: str, key: str) -> str:
    """The end of `title` whose typographic key is `key` (the title as shown, not its key)."""
    for start in range(len(title)):
        if typographic_key(title[start:]) == key:
            return title[start:]
    return title


def _head_of(title: str, key: str) -> str:
    """The start of `title` whose typographic key is `key`."""
    for end in range(len(title), 0, -1):
        if typographic_key(title[:end]) == key:
            return title[:end].strip()
    return title


def _is_meta_tail(text: str) -> bool:
    """What follows a headline in its `<h1>` and is not part of it: a date early on ("02.02.2022 • Sport")."""
    text = text.lstrip("|·•-–—,: ")
    return any(dates.match_date(text, pos, partial=False) is not None for pos in range(min(len(text), 4)))


def _parts(element: Any) -> list[tuple[Any, str]]:
    """The element's pieces of text, each with the node that holds it: its children, or a lone wrapper's
    (`<h1><a><span>Label</span><span>Headline</span></a></h1>`)."""
    node = element
    for _ in range(10):
        kids = [child for child in node.children if _text_of(child)]
        if len(kids) == 1 and is_tag(kids[0]):
            node = kids[0]
            continue
        return [(child, _text_of(child)) for child in kids]
    return []


def _text_of(node: Any) -> str:
    if is_text(node):
        return normal_space(str(node)) if type(node).__name__ in ("NavigableString", "str") else ""
    if is_tag(node):
        return normal_space(node.get_text(" "))
    return ""


def _names(tag: Any) -> str:
    return f"{attribute(tag, 'class')} {attribute(tag, 'id')}"


def _links_home(element: Any) -> bool:
    """The element is a link to the site's home page and nothing else (`rel=home`, or an address whose path is `/`)."""
    if element is None or not is_tag(element):
        return False
    links = element.find_all("a", limit=3)
    if len(links) != 1 or normal_space(links[0].get_text(" ")) != normal_space(element.get_text(" ")):
        return False
    href = attribute(links[0], "href").strip()
    tail = href.rsplit("://", 1)[-1]
    path = tail[tail.find("/") :] if "/" in tail else "/"
    return "home" in attribute(links[0], "rel").lower().split() or path.split("?")[0] in ("/", "/index.html", "/index.php")


def _ends_line(tag: Any) -> bool:
    """The element is followed by a line break, or is a block of its own (a label on its own line)."""
    if tag.name in ("div", "p", "small", "h2", "h3", "h4", "h5", "h6", "header"):
        return True
    sibling = tag.next_sibling
    while sibling is not None and is_text(sibling) and not str(sibling).strip():
        sibling = sibling.next_sibling
    return is_tag(sibling) and sibling.name == "br"
