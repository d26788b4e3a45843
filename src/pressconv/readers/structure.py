"""Structure recovered from flat lines: which body lines are lists, headings, notes, contacts, end marks.

Conservative by design: a line no recogniser is sure of stays a paragraph,
exactly as it was. Recognisers never change text; markers (bullet glyphs,
"1.") become list semantics.
"""

from __future__ import annotations

from pressconv.model import Block, Paragraph


def recover_structure(lines: list[str]) -> tuple[Block, ...]:
    """The body's blocks, in order. (Recognisers arrive with the structure work; until then, paragraphs.)"""
    return tuple(Paragraph(line) for line in lines)


def flat_paragraphs(lines: list[str]) -> tuple[Block, ...]:
    """Every line a paragraph, as `--no-structure` asks."""
    return tuple(Paragraph(line) for line in lines)
