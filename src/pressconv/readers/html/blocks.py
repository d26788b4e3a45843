"""The page's text as raw blocks, in reading order: each paragraph, heading and list item with its links.

One walk over `<body>` (iterative, so no nesting depth is too deep) turns
elements into `RawBlock`s: a block element ends the text before it and starts
its own; inline elements add to the current text; `<br>` breaks a line and two
`<br>`s in a row end a paragraph (old pages and div-only bodies). Whitespace
collapses to single spaces, as a browser shows it; text is taken as the page
shows it, entities decoded, so "&lt;script&gt;" stays the literal text
"<script>". Each block remembers whether it lies inside the article container
and whether inside site furniture, so the reader can use the page's header
for dates without taking the site into the body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pressconv.model import Link, Text
from pressconv.readers.decoding import normalise
from pressconv.readers.html.page import BLOCKS, HEADINGS, SKIPPED, PageTree, attribute, is_tag, is_text

_WHITESPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BOLD = frozenset({"b", "strong"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})


@dataclass
class RawBlock:
    """One block of page text before the reader decides what it is."""

    kind: str  # "paragraph", "heading" or "item"
    lines: list[Text]
    element: Any
    level: int = 0
    list_key: int = 0
    ordered: bool = False
    start: int = 1
    #: For each line, whether all of it is bold (a bold first line over plain ones is a run-in heading).
    bold_lines: list[bool] = field(default_factory=list)
    #: For a list item: which <li> it came from (one <li> holding several paragraphs is one item).
    item_of: int = 0
    #: Characters inside <a href> of any kind (also links the model cannot keep: relative with no base, javascript:).
    linked: int = 0
    in_container: bool = False
    chrome: bool = False
    is_title: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def bold(self) -> bool:
        return bool(self.bold_lines) and all(self.bold_lines)

    @property
    def link_share(self) -> float:
        """How much of the text is link text (0 to 1)."""
        total = sum(len(line.text) for line in self.lines)
        return min(1.0, self.linked / total) if total else 0.0


@dataclass
class _Line:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    space: bool = False
    links: list[Link] = field(default_factory=list)
    bold: int = 0
    linked: int = 0


class _TextBuilder:
    """Collects inline text with collapsed whitespace, tracking where links start and end.

    Text belongs to the innermost open link that has an address (links inside links are not HTML; a
    browser ends the outer one): each piece of text and each line break touches that one link only, so
    links nested n deep over n lines cost O(n), not O(n²) spans and steps.
    """

    def __init__(self) -> None:
        self.lines: list[_Line] = [_Line()]
        # One entry per open <a>: [href, line index, start], start -1 until the link's next text; None: no address.
        self.open_links: list[list[Any] | None] = []
        self.owners: list[list[Any]] = []  # the open links that have an address, innermost last
        self.bold_depth = 0
        self.anchor_depth = 0
        self.chars = 0

    @property
    def line(self) -> _Line:
        return self.lines[-1]

    def add(self, raw: str) -> None:
        if not raw:
            return
        line = self.line
        if raw[:1].isspace() or _WHITESPACE.match(raw[:1]):
            line.space = True
        text = _WHITESPACE.sub(" ", raw)
        # Printable ASCII with its whitespace folded is what `normalise` would give back: no call for most strings.
        text = (text if text.isascii() and text.isprintable() else normalise(text).replace("\n", " ")).strip()
        if not text:
            line.space = line.space or bool(raw)
            return
        if line.space and line.length:
            line.parts.append(" ")
            line.length += 1
        if self.owners and self.owners[-1][2] < 0:
            self.owners[-1][1:] = [len(self.lines) - 1, line.length]
        line.parts.append(text)
        line.length += len(text)
        if self.bold_depth:
            line.bold += len(text)
        if self.anchor_depth:
            line.linked += len(text)
        line.space = bool(_WHITESPACE.search(raw[-1:]))

    def open_link(self, href: str | None, *, anchor: bool) -> None:
        if href:
            self._end_span()  # the outer link's text so far; it goes on after this one ends
            entry: list[Any] = [href, len(self.lines) - 1, -1]
            self.owners.append(entry)
            self.open_links.append(entry)
        else:
            self.open_links.append(None)
        self.anchor_depth += anchor

    def close_link(self, *, anchor: bool) -> None:
        self.anchor_depth -= anchor
        if not self.open_links:
            return
        entry = self.open_links.pop()
        if entry is None:
            return
        self._end_span()
        self.owners.pop()

    def _end_span(self) -> None:
        """The innermost link's span on this line ends here; it starts again with its next text."""
        if not self.owners:
            return
        entry = self.owners[-1]
        href, line_index, start = entry
        if start >= 0 and line_index == len(self.lines) - 1 and self.line.length > start:
            self.line.links.append(Link(start, self.line.length, href))
        entry[1:] = [0, -1]

    def line_break(self) -> None:
        self._end_span()
        self.lines.append(_Line())

    def take(self) -> list[tuple[list[Text], list[bool], int]]:
        """The text so far as paragraphs of lines (split where a line is empty: two <br>s), each line with whether
        it was all bold, and each paragraph with how many of its characters were link text."""
        self._end_span()
        groups: list[tuple[list[Text], list[bool], list[int]]] = [([], [], [])]
        for line in self.lines:
            if not line.length:
                if groups[-1][0]:
                    groups.append(([], [], []))
                continue
            groups[-1][0].append(_finish(line))
            groups[-1][1].append(line.bold >= line.length - line.parts.count(" "))
            groups[-1][2].append(line.linked)
        self.lines = [_Line()]
        return [(lines, bold, sum(linked)) for lines, bold, linked in groups if lines]


def _finish(line: _Line) -> Text:
    text = "".join(line.parts)
    links = tuple(line.links)
    if not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        links = links if len(composed) == len(text) else ()
        text = composed
    return Text(text, tuple(sorted(set(links), key=lambda link: (link.start, link.end))))


@dataclass
class WalkContext:
    """What the walk needs to know about the page: where the article is, what is furniture, how links resolve."""

    container: set[int]
    protected: set[int]
    title: Any
    chrome: Callable[[Any], bool]
    href: Callable[[str | None], str | None]
    #: The page's measures: which elements hold blocks, and short texts computed once (`PageTree.short_text`).
    tree: PageTree


def walk_blocks(root: Any, context: WalkContext) -> list[RawBlock]:
    """Every block of text under `root`, in document order."""
    return _Walk(root, context).run()


class _Walk:
    """One walk over the tree with an explicit stack (no recursion), and the flags in force where it is."""

    def __init__(self, root: Any, context: WalkContext) -> None:
        self.root = root
        self.context = context
        self.blocks: list[RawBlock] = []
        self.builder = _TextBuilder()
        self.open_blocks: list[Any] = []
        self.lists_seen = 0
        # Flags for the element being walked; each entered element records the values it replaced, to restore on leaving.
        self.state: dict[str, Any] = {
            "container": 1 if id(root) in context.container else 0,  # 1 at the root: the whole page is the container
            "chrome": 0, "title": 0, "heading": 0, "item": None, "lists": [], "row": None, "pre": 0,
        }  # fmt: skip
        self.title_seen = False
        # An inline headline (<p><b>Headline</b>) marks the block it fills as the title.
        self.title_text = _squeezed(context.title.get_text()) if context.title is not None else None

    def run(self) -> list[RawBlock]:
        stack: list[tuple[bool, Any, dict[str, Any]]] = [(True, child, {}) for child in reversed(list(self.root.children))]
        while stack:
            entering, node, change = stack.pop()
            if not entering:
                self.leave(change)
            elif is_text(node):
                self.add_text(str(node))
            elif is_tag(node) and node.name not in SKIPPED:
                entered = self.enter(node)
                if entered is not None:
                    stack.append((False, node, entered))
                    stack.extend((True, child, {}) for child in reversed(list(node.contents)))
        self.flush()
        return self.blocks

    def flush(self) -> None:
        state = self.state
        for lines, bold_lines, linked in self.builder.take():
            text = _squeezed(" ".join(line.text for line in lines))
            block = RawBlock(
                "paragraph", lines, element=self.open_blocks[-1] if self.open_blocks else self.root, bold_lines=bold_lines,
                linked=linked, in_container=state["container"] > 0, chrome=state["chrome"] > 0,
                is_title=state["title"] > 0 or (self.title_seen and text == self.title_text),
            )  # fmt: skip
            if state["heading"]:
                block.kind, block.level = "heading", state["heading"]
            elif state["item"] is not None and state["lists"]:
                block.kind = "item"
                block.list_key, block.ordered, block.start = state["lists"][-1]
                block.item_of = id(state["item"])
            self.blocks.append(block)
        self.title_seen = False

    def enter(self, node: Any) -> dict[str, Any] | None:
        """Start an element; returns what to undo when it ends (None: nothing inside it to walk)."""
        name, builder = node.name, self.builder
        if name == "br":
            builder.line_break()
            return None
        if name == "time":
            builder.line.space = True  # pages print a published and an updated <time> side by side, kept apart by CSS
        in_row = name in ("td", "th") and self.state["row"] is not None and node.parent is self.state["row"]
        is_block = name in BLOCKS and not in_row
        if in_row and builder.line.length:
            builder.add(" | ")  # a data table's row reads as one line, its cells kept apart
        if is_block:
            self.flush()  # the text before a block is not part of it, whatever the block is (title, container, chrome)
        change: dict[str, Any] = {}
        context = self.context
        if id(node) in context.container:
            self.set(change, "container", self.state["container"] + 1)
        if id(node) not in context.protected and self.state["chrome"] == 0 and context.chrome(node):
            self.set(change, "chrome", 1)
        if node is context.title:
            self.set(change, "title", self.state["title"] + 1)
            self.title_seen = True
        if is_block:
            self.enter_block(node, change)
        elif name == "a":
            href = attribute(node, "href").strip()
            change["anchor"] = bool(href) and not href.startswith("#")
            # Only the release's own links are resolved (urljoin costs): outside it, or in furniture, a block's
            # links are never written; its link share counts the anchor's words all the same.
            wanted = self.state["container"] > 0 and self.state["chrome"] == 0
            builder.open_link(context.href(href) if wanted else None, anchor=change["anchor"])
            change["link"] = True
        elif name in _BOLD:
            builder.bold_depth += 1
            change["bold"] = True
        elif name == "time":
            change["time"] = True
        return change

    def add_text(self, text: str) -> None:
        if not self.state["pre"]:
            self.builder.add(text)
            return
        # Preformatted text keeps its lines: a line end breaks the line, an empty line ends the paragraph.
        for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if number:
                self.builder.line_break()
            self.builder.add(line)

    def enter_block(self, node: Any, change: dict[str, Any]) -> None:
        name = node.name
        self.open_blocks.append(node)
        change["block"] = True
        if name in ("pre", "listing", "xmp", "plaintext"):
            self.set(change, "pre", self.state["pre"] + 1)
        if name == "tr":
            self.set(change, "row", node if _is_data_row(node, self.context.tree) else None)
        if name in HEADINGS:
            self.set(change, "heading", HEADINGS[name])
        elif name in _LISTS:
            lists = self.state["lists"]
            if lists:
                self.set(change, "lists", [*lists, lists[-1]])  # a nested list continues its parent's items
            else:
                self.lists_seen += 1
                self.set(change, "lists", [(self.lists_seen, name == "ol", _start(node))])
        elif name == "li":
            self.set(change, "item", node)

    def set(self, change: dict[str, Any], flag: str, value: Any) -> None:
        change.setdefault("restore", {})[flag] = self.state[flag]
        self.state[flag] = value

    def leave(self, change: dict[str, Any]) -> None:
        builder = self.builder
        if change.get("link"):
            builder.close_link(anchor=bool(change.get("anchor")))
        if change.get("bold"):
            builder.bold_depth -= 1
        if change.get("time"):
            builder.line.space = True
        if change.get("block"):
            self.flush()
            self.open_blocks.pop()
        self.state.update(change.get("restore", {}))


def _is_data_row(row: Any, tree: PageTree) -> bool:
    """A table row of short cells with no blocks inside (a timetable, a table of figures), not a layout row.

    Asked of the page's measures (does a block lie inside, the cell's text computed once), so a table nested
    in a cell of a table, n deep, costs O(n), not a scan of everything below each row."""
    cells = [cell for cell in row.children if is_tag(cell) and cell.name in ("td", "th")]
    if len(cells) < 2 or any(tree.of(cell).blocks_inside for cell in cells):
        return False
    if sum(tree.of(cell).text for cell in cells) > _DATA_ROW_CHARS:
        return False
    texts = [tree.short_text(cell) or "" for cell in cells]
    return sum(1 for text in texts if text) >= 2 and sum(len(text) for text in texts) <= _DATA_ROW_CHARS


_DATA_ROW_CHARS = 300


def _squeezed(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _start(tag: Any) -> int:
    if tag.name != "ol":
        return 1
    match = re.match(r"\s*(-?\d{1,6})", attribute(tag, "start"))
    return int(match[1]) if match else 1
