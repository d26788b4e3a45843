"""Raw page blocks → the release's blocks: headings, paragraphs, lists, notes, contacts, end marks.

The page already says what is a heading, a paragraph or a list item; this
module adds what only a press release has, as named recognisers run in order:

- ``pseudo_headings``: a short paragraph that is bold all through ("<p><b>Notes to editors</b></p>") is a heading;
- ``end_marks``: "ENDS", "###", "-30-" on their own are an `EndMark`;
- ``site_leftovers``: what the container finder could not tell from the page —
  a "Related news" heading and the links under it
  (widget and navigation lines such as "Print this page", "Facebook" or "Back to news" stay: the page-chrome
  cleaning step removes and reports them, as it does for the text reader, and ``--keep-chrome`` keeps them);
- ``sections``: "Notes to editors" / "About …" headings start a `NotesSection`,
  "Media contact" / "Press office" / "For more information" headings a `ContactBlock`;
- ``heading_levels``: levels renumbered from 2 with no skipped level, as accessible documents need.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from pressconv import lexicon
from pressconv.model import Block, ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Text
from pressconv.readers.html.blocks import RawBlock
from pressconv.readers.structure import contact_heading, is_about_heading, is_contact_line, is_end_mark, is_notes_heading

_SITE_HEADING = lexicon.pattern(
    r"^(?:related(?:\s+\S+){0,3}|more\s+(?:news|stories|releases|press\s+releases|from\s+\S.*|on\s+this|like\s+this)|see\s+also"
    r"|(?:latest|recent|other|similar|popular|top|trending)\s+(?:news|stories|posts|articles|releases|press\s+releases|content)"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested.*)|read\s+(?:next|more)|share(?:\s+this(?:\s+\S+)?)?"
    r"|tags|topics|categories|filed\s+under|explore\s+the\s+topic.*|follow\s+us.*|comments?|leave\s+a\s+(?:reply|comment)"
    r"|\d+\s+comments?|subscribe.*|sign\s+up.*|newsletter|is\s+this\s+page\s+useful\??|help\s+us\s+improve.*"
    # The same headings in every language the lexicon knows, and its comment widgets' labels.
    r"|{site_section}|{comments})\s*:?$",
    re.IGNORECASE,
)
_CONTACT_LINE_MAX = 300
# What newswires (PR Newswire, Business Wire, GlobeNewswire) print under every release.
_WIRE_LINE = re.compile(
    r"^(?:(?-i:SOURCE)\s+\S.{0,100}|view\s+(?:original\s+content|source\s+version).{0,200}"
    r"|(?:this\s+)?press\s+release\s+was\s+(?:published|distributed)\s+by\s+\S.{0,100}|copyright\s+\S.{0,100}\s+all\s+rights\s+reserved\.?)$",
    re.I,
)
_PROMO = lexicon.pattern(
    r"^(?:read\s+more|related(?:\s+\w+)?|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|watch|listen|you\s+may\s+also\s+like"
    r"|{site_section}|{promo_lead})\s*:",
    re.I,
)


@dataclass
class _Item:
    """A block on its way to the model: kind, its text (or lines), and list or heading details."""

    kind: str  # "paragraph", "heading", "item", "end"
    lines: list[Text]
    level: int = 2
    list_key: int = 0
    ordered: bool = False
    start: int = 1
    link_share: float = 0.0
    #: It links to a document (a PDF, a spreadsheet): the release's own attachment, never a teaser.
    document: bool = False
    pseudo: bool = False
    #: For a heading split off the first line of a paragraph: how many items that paragraph's other lines became.
    run_in: int = 0
    children: list[_Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def joined(self) -> Text:
        return join_lines(self.lines)


def join_lines(lines: list[Text]) -> Text:
    """Lines broken with `<br>` read as one text, joined with a space, links moved with their words."""
    if len(lines) == 1:
        return lines[0]
    parts: list[str] = []
    links: list[Link] = []
    offset = 0
    for line in lines:
        if parts:
            parts.append(" ")
            offset += 1
        parts.append(line.text)
        links += [Link(link.start + offset, link.end + offset, link.href) for link in line.links]
        offset += len(line.text)
    return Text("".join(parts), tuple(links))


def build_blocks(raw: list[RawBlock], dropped: list[str] | None = None) -> tuple[Block, ...]:
    """The release's blocks from the body's raw blocks, in order; the text of each site line left out on the
    way ("Related" sections, promotions, a newswire's footer) is added to `dropped`, for the reader to report."""
    raw = _one_item_per_li(raw)
    items = [_Item(block.kind, list(block.lines), block.level, block.list_key, block.ordered, block.start, block.link_share,
                   document=_links_a_document(block)) for block in raw]  # fmt: skip
    for item, block in zip(items, raw, strict=True):
        _pseudo_heading(item, block)
        _end_mark(item)
    parts: list[_Item] = []
    for item, block in zip(items, raw, strict=True):
        # The line under a contact heading is the contact's name or role ("Media contact" over "Northshire Council
        # Press Office"), never a heading of its own: the text reader reads a contact block the same way.
        under_contact = bool(parts) and parts[-1].kind == "heading" and _is_contact_heading(parts[-1].text)
        parts += [item] if under_contact and item.kind == "paragraph" else _split_lead_line(item, block)
    items = parts
    items = site_leftovers(items, dropped)
    _heading_levels(items)
    return tuple(_sections(items))


def _one_item_per_li(raw: list[RawBlock]) -> list[RawBlock]:
    """Paragraphs of one <li> ("<li><p>…</p><p>…</p></li>") read as one item, joined with a space."""
    merged: list[RawBlock] = []
    for block in raw:
        previous = merged[-1] if merged else None
        if previous is not None and block.kind == previous.kind == "item" and block.item_of == previous.item_of:
            joined = join_lines([*previous.lines, *block.lines])
            merged[-1] = dataclasses.replace(previous, lines=[joined], linked=previous.linked + block.linked, bold_lines=[False])
        else:
            merged.append(block)
    return merged


def _pseudo_heading(item: _Item, block: RawBlock) -> None:
    text = item.text
    if (
        item.kind == "paragraph" and block.bold and len(item.lines) == 1 and len(text) <= 100 and len(text.split()) <= 14
        and not text.endswith((".", ",", ";", "?", "!")) and not is_end_mark(text)
    ) or (
        item.kind == "paragraph" and len(item.lines) == 1 and text.endswith(":")
        and (_is_notes(text) or _is_contact_heading(text))
    ):  # fmt: skip
        item.kind, item.level, item.pseudo = "heading", 0, True


def _is_notes(text: str) -> bool:
    """ "Notes to editors", "About Helio Energy", "Background": the text reader's own recognisers
    (`pressconv.readers.structure`), so both readers agree on what opens the notes."""
    return is_notes_heading(text) or is_about_heading(text)


def _is_contact_heading(text: str) -> bool:
    """ "Media contact", "Press office:", "Pressestelle" on its own: the text reader's recogniser, heading only."""
    opened = contact_heading(text)
    return opened is not None and not opened[1]


def _is_section_title(text: str) -> bool:
    """ "Notes to editors", "About Helio Energy", "Media contact:" — a line that names a release part, not a sentence
    ("About half of them" is not: `is_about_heading` wants a name after "About")."""
    words = text.split()
    if not words or len(words) > 10 or text.rstrip(":").endswith((".", ",", ";", "?", "!")):
        return False
    return _is_contact_heading(text) or _is_notes(text)


def _split_lead_line(item: _Item, block: RawBlock) -> list[_Item]:
    """A paragraph whose first line names a part ("Notes to Editors:<br>1. …") is that heading, then one paragraph per line;
    a bold first line over plain ones ("<b>About us</b><br>We make…") is a run-in heading over one paragraph."""
    if item.kind != "paragraph":
        return [item]
    if len(item.lines) == 1:
        if _is_section_title(item.text):
            item.kind, item.level, item.pseudo = "heading", 0, True
        return [item]
    first = item.lines[0].text
    heading = _Item("heading", [item.lines[0]], 0, pseudo=True, run_in=len(item.lines) - 1)
    if _is_section_title(first):
        return [heading, *(_Item("paragraph", [line], link_share=_share(line)) for line in item.lines[1:])]
    if block.bold_lines[:1] == [True] and not any(block.bold_lines[1:]) and _is_short_title(first):
        rest = join_lines(item.lines[1:])
        return [heading, _Item("paragraph", [rest], link_share=_share(rest))]
    return [item]


def _is_short_title(text: str) -> bool:
    return len(text) <= 100 and len(text.split()) <= 12 and not text.endswith((".", ",", ";", "?", "!"))


def _share(line: Text) -> float:
    return sum(link.end - link.start for link in line.links) / len(line.text) if line.text else 0.0


def _end_mark(item: _Item) -> None:
    if item.kind in ("paragraph", "heading") and len(item.lines) == 1 and is_end_mark(item.text):
        item.kind = "end"


def site_leftovers(items: list[_Item], dropped: list[str] | None = None) -> list[_Item]:
    # Sections first: what each step drops is added to `dropped` in page order (the reader numbers it so).
    items = _without_site_sections(items, dropped)
    items = _without_credit_captions(items, dropped)
    return _without_trailing_teasers(items, dropped)


#: A picture's caption ends with its credit: "… © Jane Smith", "(Jane Smith / Example Images)", "(Credit: …)".
_CREDIT_TAIL = re.compile(
    r"(?:©|\(c\))\s*[^©.!?]{2,80}$"
    r"|\((?:photo|foto|bild|image|credit|crédit|quelle)s?\s*:[^()]{2,80}\)$"
    r"|\([^()/]{2,60}/\s*[^()]*(?:images?|photos?|fotos?|\.com|agency|istock|getty|shutterstock|unsplash|alliance|dpa|afp"
    r"|reuters|imago|keystone|epa)\s*\)$"
    # A credit on a line of its own: "Jane Smith | Example News | Getty Images", "Jane Smith/AFP".
    r"|^(?:[^.!?|/]{2,40}\s*[|/]\s*){1,3}(?:getty\s+images|afp|reuters|associated\s+press|shutterstock|istock(?:photo)?"
    r"|imago|dpa|picture-alliance|epa|keystone)$",
    re.I,
)
#: The longest caption read as one (a paragraph of the release may quote a credit at its end only when longer).
_CAPTION_CHARS = 300


def _without_credit_captions(items: list[_Item], dropped: list[str] | None) -> list[_Item]:
    """The captions of pictures the page shows beside the text (the picture itself is not text): a short
    paragraph that ends with its credit. Each is dropped and reported."""
    kept = []
    for item in items:
        text = item.text
        if item.kind == "paragraph" and len(text) <= _CAPTION_CHARS and _CREDIT_TAIL.search(text) is not None:
            if dropped is not None:
                dropped.append(text)
            continue
        kept.append(item)
    return kept


#: A block of the release's running text: long enough, and mostly not link text.
_PROSE_CHARS = 80


def _without_trailing_teasers(items: list[_Item], dropped: list[str] | None) -> list[_Item]:
    """The release without the run of teasers a page sets after the article's last paragraph inside its
    container: after the last block of running text, two or more blocks that are mostly links, with only short
    lines among them (a teaser's date, its section's name) and nothing that starts a part of a release (notes,
    contacts, an end mark). A link of the release's own (a report to download, a contact's address) stands
    alone, as a document (a PDF, a spreadsheet), or under a heading of the release's, and stays."""
    from pressconv.lines import is_chrome

    last_prose = max((index for index, item in enumerate(items) if _is_prose(item)), default=-1)
    tail = items[last_prose + 1 :]
    # Widget lines ("Back to top") are the page-chrome step's to report, and count for neither side.
    # A bare address is a reference the author gives ("http://…"), not a teaser's headline.
    linked = [item for item in tail if item.link_share >= 0.5 and not is_chrome(item.text) and not _is_address(item.text)]
    if last_prose < 0 or len(linked) < _TEASERS or len(linked) * 2 < len(tail):
        return items
    for item in tail:
        if item.link_share < 0.5 and (len(item.text) >= _TEASER_LINE or _starts_release_part(item.text)):
            return items
        if item.link_share >= 0.5 and ("@" in item.text or _starts_release_part(item.text) or item.document):
            return items
    if dropped is not None:
        dropped += [item.text for item in tail]
    return items[: last_prose + 1]


#: How many teasers make a run (not counting widget lines): a release may end on a link or two of its own.
_TEASERS = 3
#: The longest unlinked line among teasers (a date, a section's name, "Sponsored"): a longer one is the author's.
_TEASER_LINE = 50
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|csv|zip|rtf|txt)(?:[?#]|$)", re.I)


def _is_address(text: str) -> bool:
    return _ADDRESS.match(text.strip()) is not None


def _links_a_document(block: RawBlock) -> bool:
    """A block whose links (as the page wrote them: a relative address has no resolved link) name a document."""
    element = block.element
    if element is None or not block.linked or not hasattr(element, "find_all"):
        return False
    return any(_DOCUMENT.search(str(link.attrs.get("href") or "")) for link in element.find_all("a", limit=5))


def _is_prose(item: _Item) -> bool:
    return item.kind != "heading" and item.link_share < 0.5 and len(item.text) >= _PROSE_CHARS


def _starts_release_part(text: str) -> bool:
    return is_end_mark(text) or _is_notes(text) or _is_contact_heading(text) or is_contact_line(text)


def _without_site_sections(items: list[_Item], dropped: list[str] | None = None) -> list[_Item]:
    """Drop the site's own lines that came inside the container: "Related" sections, promotions, a newswire's footer.
    (Share and print widgets and back links — "Back to news" — are left to the page-chrome cleaning step,
    which reports each removal; a link-only line it does not know, such as a document of the release, stays.)"""
    kept: list[_Item] = []
    dropping = False
    for index, item in enumerate(items):
        if _SITE_HEADING.match(item.text) and (item.kind == "heading" or _labels_links(items, index)):
            dropping = True  # a site section: it and the short or link lines under it
        elif dropping and not (
            (item.kind == "heading" and item.link_share < 0.5) or (item.link_share < 0.5 and len(item.text) >= 80)
        ):
            pass  # a teaser's linked headline is one of the section's lines, not a heading of the release
        else:
            dropping = False
            if not _is_promotion(item):
                kept.append(item)
                continue
        if dropped is not None:
            dropped.append(item.text)
    return kept


def _labels_links(items: list[_Item], index: int) -> bool:
    """A short paragraph that names a site section ("Mehr zum Thema" set as a <p>) over links: a heading too."""
    item = items[index]
    following = items[index + 1 : index + 3]  # a teaser's kicker ("Verkehr") may come before its link
    return item.kind == "paragraph" and len(item.text) <= 60 and any(other.link_share >= 0.5 for other in following)


def _is_promotion(item: _Item) -> bool:
    """ "Read more: <another story>" set into the text, or a newswire's own lines under the release."""
    if item.kind not in ("paragraph", "heading"):
        return False
    promo = _PROMO.match(item.text)
    if promo is not None and (item.link_share >= 0.5 or _headline_shaped(item.text[promo.end() :])):
        return True
    return _WIRE_LINE.match(item.text) is not None


#: The longest rest after a promotion's label that reads as another story's headline.
_PROMO_HEADLINE = 150


def _headline_shaped(rest: str) -> bool:
    """The words after "Lea también:" read as another story's headline even when the page does not link them:
    one short line that ends no sentence (a sentence after "Watch:" is the release's own)."""
    rest = rest.strip()
    return 0 < len(rest) <= _PROMO_HEADLINE and len(rest.split()) >= 3 and not rest.endswith((".", "!", ":", ";", ","))


def _heading_levels(items: list[_Item]) -> None:
    """Renumber heading levels from 2, never more than one deeper than the heading before
    (a pseudo-heading takes the level in force)."""
    real = sorted({item.level for item in items if item.kind == "heading" and not item.pseudo})
    rank = {level: index + 2 for index, level in enumerate(real)}
    previous = 1
    for item in items:
        if item.kind != "heading":
            continue
        wanted = rank.get(item.level, 2) if not item.pseudo else max(previous, 2)
        item.level = min(max(wanted, 2), previous + 1, 6)
        previous = item.level


def _sections(items: list[_Item]) -> list[Block]:
    blocks: list[Block | _ListPart] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == "heading" and _is_notes(item.text) and not _is_contact_heading(item.text):
            end = _section_end(items, index)
            blocks.append(NotesSection(item.text, tuple(_merge_lists(_plain(items[index + 1 : end])))))
            index = end
        elif item.kind == "heading" and _is_contact_heading(item.text):
            # A contact run into its heading's paragraph ("<b>Media contact:</b><br>Jane…") is that paragraph's lines.
            end = index + 1 + item.run_in if item.run_in else _section_end(items, index, contact=True)
            lines = [
                line for inner in items[index + 1 : end] for line in (inner.lines if inner.kind != "item" else [inner.joined])
            ]
            blocks.append(ContactBlock(tuple(lines), item.text) if lines else Heading(item.text, item.level, item.joined.links))
            index = end
        elif item.kind == "paragraph" and len(item.text) <= _CONTACT_LINE_MAX and is_contact_line(item.text):
            blocks.append(ContactBlock(tuple(item.lines)))
            index += 1
        else:
            end = index + 1
            blocks.extend(_plain(items[index:end]))
            index = end
    return _merge_lists(blocks)


def _section_end(items: list[_Item], start: int, *, contact: bool = False) -> int:
    """Where a notes or contact section ends: at an end mark, a heading at its own level or above, or a contact
    heading; a deeper "About …" heading stays inside the notes it belongs to."""
    level = items[start].level
    index = start + 1
    while index < len(items):
        item = items[index]
        if item.kind == "end":
            break
        if item.kind == "heading" and (item.level <= level or _is_contact_heading(item.text) or contact):
            break
        if not contact and item.kind == "paragraph" and is_contact_line(item.text):
            break
        if contact and len(item.text) > _CONTACT_LINE_MAX:
            break
        index += 1
    return index


def _plain(items: list[_Item]) -> list[Block | _ListPart]:
    blocks: list[Block | _ListPart] = []
    for item in items:
        text = item.joined
        if item.kind == "heading":
            blocks.append(Heading(text.text, item.level, text.links))
        elif item.kind == "end":
            blocks.append(EndMark(text.text))
        elif item.kind == "item":
            blocks.append(_ListPart(ListBlock((text,), item.ordered, item.start), item.list_key))
        else:
            blocks.append(Paragraph(text.text, text.links))
    return blocks


@dataclass(frozen=True)
class _ListPart:
    block: ListBlock
    key: int


def _merge_lists(blocks: list[Block | _ListPart]) -> list[Block]:
    """Consecutive items of one page list become one `ListBlock`."""
    merged: list[Block] = []
    last_key: int | None = None
    for block in blocks:
        if isinstance(block, _ListPart):
            if last_key == block.key and merged and isinstance(merged[-1], ListBlock):
                previous = merged[-1]
                merged[-1] = ListBlock((*previous.items, *block.block.items), previous.ordered, previous.start)
            else:
                merged.append(block.block)
            last_key = block.key
            continue
        merged.append(block)
        last_key = None
    return merged
