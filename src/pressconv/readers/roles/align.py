"""Blocks back to lines: which role each line of a release took in a reading of it.

The structure recognisers and the html reader produce blocks, the corpus annotates lines; this walks the
blocks in order and gives every line the role of the block text it holds, so a reading can be scored
against an annotation (benchmarks/reading.py) and the rule-based reading can be a feature of each line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pressconv.model import Block, ContactBlock, EndMark, Heading, ListBlock, NotesSection, Paragraph


def block_pieces(blocks: Sequence[Block], *, in_notes: bool = False) -> Iterator[tuple[str, str]]:
    """(role, text) for every piece of text in `blocks`, in order, named as the corpus names roles."""
    for block in blocks:
        match block:
            case Paragraph(text=text):
                yield ("notes" if in_notes else "paragraph"), text
            case Heading(text=text):
                yield ("notes" if in_notes else "subheading"), text
            case ListBlock(items=items):
                for item in items:
                    yield ("notes" if in_notes else "list-item"), item.text
            case ContactBlock(heading=heading, lines=lines):
                if heading:
                    yield "contact", heading
                for line in lines:
                    yield "contact", line.text
            case EndMark(text=text):
                yield "end-mark", text
            case NotesSection(heading=heading, blocks=inner):
                yield "notes-heading", heading
                yield from block_pieces(inner, in_notes=True)


def align(lines: Sequence[str], pieces: Sequence[tuple[str, str]]) -> list[str | None]:
    """The role of each line: that of the first piece of text it holds, taking pieces in order.

    A reader never reorders text and changes it only by taking a list marker off (or splitting a contact
    heading from its content), so every piece lies in the line at the pointer or a later one; a line that
    holds none (the title, a header line) gets None. Each piece is tested once: linear.
    """
    roles: list[str | None] = [None] * len(lines)
    index = 0
    for role, text in pieces:
        while index < len(lines) and text not in lines[index]:
            index += 1
        if index == len(lines):
            break
        if roles[index] is None:
            roles[index] = role
        if lines[index].endswith(text):
            index += 1
    return roles
