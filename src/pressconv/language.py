"""Which language a release is in, and which of its blocks are in another one.

Screen readers pick their voice from the language a document declares: a
Welsh release tagged `en-GB` is read as English gibberish, and so is the
French half of a Canadian bilingual release tagged `en` (WCAG 2.2 SC 3.1.1
and 3.1.2). So when the user gives no `--lang` (and, for a web page, the page
declares none), the readers ask `identify_languages` for the release's
language, and every block long enough to tell is marked with its own
language when it differs from the release's (`lang` on the block; absent
means the release's language).

The identifier is py3langid (langid.py's model, 97 languages, numpy only),
imported lazily and loaded once per process: its model takes 0.5–3 s to load,
so text that is plainly English is decided before it is needed (`_plainly_english`:
English function words make up a large share of the words), and a release
that is entirely in English never loads it.

Conservative on purpose: a block under `_BLOCK_CHARS` characters or `_BLOCK_WORDS`
words (a name, a phone number, a heading of two words) takes the release's
language, as do contact blocks and end marks, and a guess below `_SURE` is
no guess. A release whose text is too short to tell keeps the default and
says so in a notice.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from typing import Any

from pressconv.model import DEFAULT_LANGUAGE, Block, Heading, ListBlock, NotesSection, Paragraph, Release, iter_texts
from pressconv.notices import Code, notice

#: Below this many characters of prose in the whole release, no language is guessed.
_RELEASE_CHARS = 60
#: A block shorter than this (characters or words) takes the release's language.
_BLOCK_CHARS = 40
_BLOCK_WORDS = 6
#: The normalised probability a guess needs.
_SURE = 0.9
#: A language with at least this share of a release's classified text may be its main language.
_MAIN_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: English function words: frequent in any English sentence, rare as words of other languages.
_ENGLISH = frozenset({
    "the", "and", "of", "to", "in", "is", "are", "was", "were", "for", "that", "with", "this", "will", "be",
    "has", "have", "from", "by", "on", "at", "it", "its", "as", "an", "which", "said", "their", "our", "we",
    "they", "been", "would", "more", "than", "also", "who",
})  # fmt: skip
#: The share of words that must be English function words for text to be plainly English without the model.
_ENGLISH_SHARE = 0.2


_SAMPLE = 4000


@dataclasses.dataclass(frozen=True, slots=True)
class Guess:
    """A language (ISO 639-1, as the model gives it) and the model's normalised probability for it."""

    language: str
    probability: float


def identify(text: str) -> Guess | None:
    """The language of `text`, or None when it is too short or the model is not sure. A language shows in a
    few thousand characters: longer text is judged by its first `_SAMPLE`, so a crafted 10 MB paragraph costs
    what a page does."""
    text = text[:_SAMPLE]
    words = _WORD.findall(text)
    if len(text) < _BLOCK_CHARS or (len(words) < _BLOCK_WORDS and not _unspaced(text)):
        return None
    if _plainly_english(words):
        return Guess("en", 1.0)
    language, probability = _identifier().classify(text)
    if probability < _SURE:
        return None
    return Guess(str(language), float(probability))


def identify_languages(release: Release, declared: str | None) -> Release:
    """`release` with its language identified (unless `declared`) and its other-language blocks marked.

    `declared` is what the user (`--lang`) or the page (`<html lang>`) said; it is kept as it is.
    Otherwise the main language is the first, in reading order, of the languages holding at least
    `_MAIN_SHARE` of the text that could be classified (a bilingual release puts its main language
    first); English keeps the default tag (`en-GB`), so English releases read as they always have.
    """
    known: dict[str, Guess | None] = {}  # a scrape repeats its paragraphs: each distinct text is judged once
    guesses = [(block, _block_guess(block, known)) for block in _walk(release.blocks)]
    language = declared
    notices = release.notices
    if language is None:
        language = _main_language(release.title or "", guesses)
        if language is None:
            language = DEFAULT_LANGUAGE
            notices = (*notices, notice(Code.LANGUAGE_UNKNOWN, (
                f"the text is too short to tell its language; {DEFAULT_LANGUAGE} is assumed (use --lang to say)"
            )))  # fmt: skip
    marks = {id(block): guess.language for block, guess in guesses if guess is not None and not _same(guess.language, language)}
    blocks = _marked(release.blocks, marks) if marks else release.blocks
    if language == release.language and blocks is release.blocks and notices is release.notices:
        return release
    return dataclasses.replace(release, language=language, blocks=blocks, notices=notices)


def primary(tag: str) -> str:
    """The primary language subtag of a BCP 47 tag, lower case ("en" for "en-GB")."""
    return tag.split("-", 1)[0].lower()


def _same(language: str, tag: str) -> bool:
    return primary(language) == primary(tag)


def _main_language(title: str, guesses: list[tuple[Block, Guess | None]]) -> str | None:
    weights: dict[str, int] = {}
    order: list[str] = []
    title_guess = identify(title)
    found = [(title, title_guess)] if title_guess is not None else []
    found += [(" ".join(_texts(block)), guess) for block, guess in guesses if guess is not None]
    for text, guess in found:
        if guess is None:
            continue
        if guess.language not in weights:
            order.append(guess.language)
        weights[guess.language] = weights.get(guess.language, 0) + len(text)
    total = sum(weights.values())
    if total < _RELEASE_CHARS:
        whole = " ".join(text for text in (title, *(" ".join(_texts(block)) for block, _ in guesses)) if text)
        whole_guess = identify(whole) if len(whole) >= _RELEASE_CHARS else None
        return None if whole_guess is None else _tag(whole_guess.language)
    main = next(language for language in order if weights[language] >= _MAIN_SHARE * total)
    return _tag(main)


def _tag(language: str) -> str:
    """The tag a detected language is written with: English keeps the default's region (en-GB)."""
    return DEFAULT_LANGUAGE if _same(language, DEFAULT_LANGUAGE) else language


def _block_guess(block: Block, known: dict[str, Guess | None]) -> Guess | None:
    """Only prose blocks are classified: contacts, end marks and notes headings take the release's language."""
    if not isinstance(block, (Paragraph, Heading, ListBlock)):
        return None
    text = " ".join(_texts(block))
    if text not in known:
        known[text] = identify(text)
    return known[text]


def _texts(block: Block) -> Iterable[str]:
    return iter_texts((block,))


def _walk(blocks: tuple[Block, ...]) -> Iterable[Block]:
    for block in blocks:
        if isinstance(block, NotesSection):
            yield from _walk(block.blocks)
        else:
            yield block


def _marked(blocks: tuple[Block, ...], marks: dict[int, str]) -> tuple[Block, ...]:
    marked: list[Block] = []
    for block in blocks:
        if isinstance(block, NotesSection):
            marked.append(dataclasses.replace(block, blocks=_marked(block.blocks, marks)))
        elif id(block) in marks and isinstance(block, (Paragraph, Heading, ListBlock)):
            marked.append(dataclasses.replace(block, lang=marks[id(block)]))
        else:
            marked.append(block)
    return tuple(marked)


def _plainly_english(words: list[str]) -> bool:
    return len(words) >= _BLOCK_WORDS and sum(map(_ENGLISH.__contains__, map(str.lower, words))) >= _ENGLISH_SHARE * len(words)


def _unspaced(text: str) -> bool:
    """Text in a script written without spaces (Chinese, Japanese, Thai): its length, not its words, tells."""
    return sum(ord(char) >= 0x0E00 and not char.isspace() for char in text) > len(text) / 2


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities; loaded once (the model is constant data)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
