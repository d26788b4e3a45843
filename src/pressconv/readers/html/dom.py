"""The page as a light tree: libxml2's parse (through lxml) turned into plain Python elements and strings.

Beautifulsoup4 on the `lxml` builder was the reader's tree until it was measured: libxml2 parses a page in
about a millisecond, and bs4 then spends thirty to fifty times that building its own objects through a
callback per tag and per string (namespace bookkeeping, multi-valued attributes, the element chain). The
reader asks little of its tree — a name, the attributes, the children, the parent, the text — so this
module builds just that, in one iterative walk over lxml's tree, and answers the handful of bs4 calls the
reader makes (`children`, `contents`, `parents`, `descendants`, `get_text`, `find`, `find_all`) with the
same results bs4 gave on the same libxml2 parse:

- the strings between elements are libxml2's text and tails, a string of ASCII whitespace only shrunk to
  one newline (when it has one) or one space, outside `<pre>` and `<textarea>`, as bs4 does;
- `class`, `rel` and the other space-separated attributes are kept as one string, spaces normalised (bs4
  kept a list, which `page.attribute` joined the same way);
- comments and processing instructions are never built (nothing reads them; bs4 built and the reader
  removed them);
- `get_text` leaves out the text of a `<script>`, `<style>` or `<template>` inside the element, unless the
  element is one (bs4 typed those strings apart for the same result).

The walk keeps its own stack, so a page nested thousands deep is no `RecursionError`; libxml2 caps the
depth it builds anyway, as it did under bs4.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: Attributes bs4 split into lists of words: here one string of words, spaces normalised.
_WORD_LIST_ATTRIBUTES = frozenset({"class", "rel", "rev", "accept-charset", "headers", "accesskey", "dropzone"})
#: Elements whose strings are whitespace-significant: their whitespace-only strings stay as they are.
_KEEP_SPACE = frozenset({"pre", "textarea"})
#: Elements whose strings `get_text` of an outer element leaves out (code, not text).
_CODE = frozenset({"script", "style", "template"})
_ASCII_SPACE = " \t\n\r\f"


class Text(str):
    """A string of the page, knowing the element it is in."""

    name = None
    parent: Element | None

    def __new__(cls, value: str, parent: Element | None = None) -> Text:
        self = super().__new__(cls, value)
        self.parent = parent
        return self

    @property
    def parents(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Element:
    """An element of the page: its name, attributes (strings), children (elements and `Text`s) and parent."""

    __slots__ = ("attrs", "contents", "name", "parent")

    def __init__(self, name: str, attrs: dict[str, str], parent: Element | None = None) -> None:
        self.name = name
        self.attrs = attrs
        self.contents: list[Element | Text] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"<{self.name} {len(self.contents)} children>"

    def __bool__(self) -> bool:
        return True  # an element is never falsy, empty or not (as bs4's Tag)

    @property
    def children(self) -> Iterator[Element | Text]:
        return iter(self.contents)

    @property
    def parents(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def descendants(self) -> Iterator[Element | Text]:
        """Every node below, in document order (iterative)."""
        stack: list[Element | Text] = list(reversed(self.contents))
        while stack:
            node = stack.pop()
            yield node
            if type(node) is Element and node.contents:
                stack.extend(reversed(node.contents))

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        """The element's strings joined by `separator` (each stripped, empty ones left out, with `strip`)."""
        parts: list[str] = []
        stack: list[Element | Text] = list(reversed(self.contents))
        while stack:
            node = stack.pop()
            if isinstance(node, Element):
                if node.name not in _CODE or self.name in _CODE:
                    stack.extend(reversed(node.contents))
            elif strip:
                if text := node.strip():
                    parts.append(text)
            else:
                parts.append(node)
        return separator.join(parts)

    def find_all(self, name: str | None = None, attrs: dict[str, str] | None = None, limit: int | None = None) -> list[Element]:
        """The elements below named `name` (any, with None) whose attributes equal `attrs`, in document order."""
        found: list[Element] = []
        for node in self.descendants:
            if type(node) is not Element or (name is not None and node.name != name):
                continue
            if attrs and any(not _attribute_matches(node.attrs.get(key), value) for key, value in attrs.items()):
                continue
            found.append(node)
            if limit is not None and len(found) >= limit:
                break
        return found

    def find(self, name: str | None = None, attrs: dict[str, str] | None = None) -> Element | None:
        found = self.find_all(name, attrs, limit=1)
        return found[0] if found else None


def _attribute_matches(have: str | None, want: str) -> bool:
    # bs4's match for a word-list attribute: the whole value or any one word.
    return have is not None and (have == want or want in have.split())


def build(root: Any) -> Element:
    """The light tree of lxml's parse `root` (an lxml element, or None for an empty page) under a document node."""
    document = Element("[document]", {})
    if root is None:
        return document
    # (lxml element or a tail marker, the light parent, whether the parent keeps whitespace): each element is
    # made, then its text and children; its tail goes to the parent after the children (pushed first, popped last).
    stack: list[tuple[Any, Element, bool]] = [(root, document, False)]
    while stack:
        source, parent, keep = stack.pop()
        tag = source.tag
        if not isinstance(tag, str):  # a tail marker, a comment or processing instruction: only its tail is text
            _add_text(parent, source.tail, keep)
            continue
        element = Element(tag, _attributes(source.attrib), parent)
        parent.contents.append(element)
        inside = keep or tag in _KEEP_SPACE
        _add_text(element, source.text, inside)
        if len(source):
            stack.append((_Tail(source.tail), parent, keep))
            stack.extend((child, element, inside) for child in reversed(source))
        else:
            _add_text(parent, source.tail, keep)
    return document


class _Tail:
    """A marker on the build stack: the text after an element's end, added once its children are built."""

    __slots__ = ("tail",)
    tag = None

    def __init__(self, tail: str | None) -> None:
        self.tail = tail


def _attributes(attrib: Any) -> dict[str, str]:
    attrs = dict(attrib)
    for name in _WORD_LIST_ATTRIBUTES.intersection(attrs):
        attrs[name] = " ".join(attrs[name].split())
    return attrs


def _add_text(element: Element, text: str | None, keep: bool) -> None:
    if not text:
        return
    if not keep and not text.strip(_ASCII_SPACE):
        text = "\n" if "\n" in text else " "
    contents = element.contents
    if contents and type(contents[-1]) is Text:
        # Two strings in a row (a comment between them was not built): one string, as libxml2 read them.
        contents[-1] = Text(contents[-1] + text, element)
    else:
        contents.append(Text(text, element))
