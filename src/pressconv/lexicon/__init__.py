"""Every word and marker the readers and the cleaner recognise, by concept and language: one file per language.

A *concept* is what a word says in a release or on its page — a publication
marker ("Published", "Veröffentlicht am"), a label ("PRESS RELEASE",
"Pressemitteilung"), an end mark ("ENDS", "Diwedd"), a share button
("Partager sur Facebook")… `CONCEPTS` lists them with what each entry is. A
language is one module in `pressconv/lexicon/data/` named by its ISO 639 code
(`en.py`, `de.py`…; `mul.py` holds what belongs to no one language: social
networks, company suffixes, name particles, breadcrumb shapes), holding one
dict, ``WORDS: dict[str, tuple[str, ...]]``, from concept to entries. Adding a
language is adding one file; a new file is found by its name, with no list to
edit. Month and weekday names are not here: they come from CLDR.

Entries are regular-expression fragments, matched without regard to case
unless the concept says otherwise, with spaces written ``\\s+``. An entry may
name another concept in braces (``share on {network}``), replaced by that
concept's alternation. Entries are tried English first, then `mul`, then the
other languages in the order of their codes, each file's entries in their
order: where the *span* of a match matters (a header marker is cut off where
it ends), two entries that can match at the same place must stand in one file,
the longer first — or be one entry (Spanish, Portuguese and Galician share
``publicad[oa](?:\\s+(?:el|em|en|o|a))?`` for that reason). For a whole-line test
(`fullmatch`) or a yes/no `search` the order never changes the answer.

Use::

    from pressconv import lexicon

    lexicon.words("end_mark")                        # ('ends?', 'end\\s+of…', 'diwedd', 'ende', 'fin', …)
    lexicon.word_set("organisation")                 # frozenset of plain lower-case words
    lexicon.alternation("label")                     # '(?=[…])(?:(?=[f])(?:for\\s+immediate…)|…)': grouped
    lexicon.pattern(r"(?:{end_mark})\\s*:?")          # compiled once, cached
    lexicon.pattern(r"\\b(?:{company_suffix})\\.$", flags=0)   # case-sensitive
    lexicon.pattern(r"(?:{label})", languages=("en", "fr"))  # only some languages

In a template (and inside an entry), ``{concept}`` is replaced by the
concept's alternation in a non-capturing group, ``(?:…)``; regex quantifiers
(``{2,6}``) are left alone. Everything returned is immutable and derived from constant data, so the
caches (`functools.lru_cache`, bounded) hold no state that depends on input.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator, Mapping

from pressconv.lexicon import data

#: Every concept, with what its entries are. A data file using a concept not listed here fails the lexicon test.
CONCEPTS: Mapping[str, str] = {
    # The header.
    "published": "publication markers before a date (span matters: longer entries first)",
    "any_case_marker": "markers that count in any letter case, even glued on to a title ('published') (plain words)",
    "any_case_marker_lead": "words before an any-case marker that make one marker with it ('date published') (plain words)",
    "date_on": "the word before a date after a name or label ('by Jane Smith on 12 March')",
    "label_number": "the number mark after a label ('Press release No. 45/2019'); '#' is a symbol, not a word",
    "date_word": "a bare 'Date' word: a marker only with a colon or at a line's start (plain words)",
    "updated": "update markers before a date (span matters)",
    "updated_label": "a word that marks an update date only with a colon ('Update: 3 May')",
    "by": "the word before an author or issuer ('by')",
    "byline_verb": "words before 'by' in a byline ('written by', 'photos by')",
    "byline_label": "labels before an author, with a colon ('Author:')",
    "issuer_marker": "labels before the issuing body, with a colon ('From:', 'Issued by:')",
    "label": "strong labels: what kind of document this is, never its title ('PRESS RELEASE')",
    "label_weak": "weaker header labels ('News', 'Update', 'Embargoed until …')",
    "label_shouted": "labels that prefix a title only in capitals ('UPDATE: …'); matched case-sensitively",
    "label_line": "whole body lines that are a label, not a subheading ('Photo opportunity')",
    "posted_in": "verbs of 'Posted in <category> on <date>'",
    "tail_word": "words a title's glued-on tail may start with (markers, labels, bylines, month abbreviations)",
    "marker_word": "words of date markers (plain words)",
    "organisation": "words that name an organisation at the head of its name (plain lower-case words)",
    "organisation_connector": "words after an organisation word in its name ('Ministry of …') (plain words)",
    "connector": "lower-case words inside a name or title ('of', 'und') (plain words)",
    "name_particle": "lower-case particles inside a person's name ('van', 'dos') (plain words)",
    "not_place": "words that open a sentence, never a dateline's place (plain words)",
    "not_issuer": "first words of headings that are never an issuer ('About', 'Contact') (plain words)",
    "function_word": "function words (plain words)",
    "headline_word": "words that make a capitalised line a headline, not a name (plain words)",
    "office_title": "titles before an office holder's name ('Senator', 'Cllr')",
    "office_suffix": "suffixes after an office holder's name ('MP'); matched case-sensitively",
    "honourable": "'The Rt Hon' and its spellings",
    "copy_prefix": "forward and reply markers before a copied title ('Fwd:', 'Re:')",
    # The body's structure.
    "end_mark": "the words of an end mark ('ENDS', 'Diwedd'); symbols ('###', '-30-') are shapes, not words",
    "notes_heading": "'Notes to editors' and its kin",
    "about": "'About' before a name in an 'About the company' heading",
    "about_glued": "'About' glued to its article ('À propos d'…')",
    "about_article": "articles and pronouns after 'About' ('the', 'us') (plain words)",
    "background_heading": "'Background' headings of the notes",
    "contact_heading": "strong contact headings: need no phone number after them ('Media enquiries')",
    "contact_heading_weak": "weak contact headings: need a phone number or address ('Contact')",
    "contact_word": "'contact' as owned by a name ('Police contact:')",
    "contact_sentence": "a one-line contact sentence ('For more information, contact …')",
    "contact_first_word": "first words of every contact heading: the quick reject (plain lower-case words)",
    "contact_field": "labels of a contact field before a colon ('Tel', 'Courriel')",
    "speech_verb": "verbs that end a line before a quotation ('said:')",
    "honorific": "titles that start a person's name ('Cllr', 'Dr')",
    "caption_position": "positions in a photo caption ('(left)')",
    "caption_word": "words that make a line a caption ('pictured')",
    "dangling_word": "words a heading never ends with (plain lower-case words)",
    "conjunction": "'and'/'or' ending the last but one list item (plain lower-case words)",
    "company_suffix": "company forms after a name, whose full stop ends no sentence; matched case-sensitively",
    # The page around the release.
    "network": "social networks and channels a share or follow widget names",
    "share": "share, follow and listen widget labels",
    "print": "print, PDF and save widget labels",
    "new_window": "screen-reader text after a link ('opens in new tab')",
    "navigation": "navigation links and breadcrumbs",
    "tags": "tag and category lines",
    "comments": "comment and feedback widgets",
    "cookie_subject": "how a cookie banner starts ('We use')",
    "cookie_word": "the word for cookies",
    "cookie_purpose": "what a cookie banner says cookies are for ('experience')",
    "cookie": "cookie banner buttons and links",
    "caption_label": "labels before a caption's colon ('Photo:')",
    "caption": "whole caption lines",
    "copyright": "copyright lines",
    "rights_reserved": "'All rights reserved'",
    "rights_word": "a lower-case word every 'rights_reserved' entry of the language holds: the quick reject",
    "site_notice": "the site's own notices (browser warnings, newsletter sign-up, advertising disclosures)",
    "promo_lead": "words before a colon that set a link to another story into the text ('Watch:', 'Vea también:')",
    "site_section": "headings of the site's own sections set into an article ('More on this topic', 'Read also'): whole lines",
    "long_line_word": "a word every long chrome line (cookie banner, browser notice) holds: the quick reject",
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@functools.cache
def languages() -> tuple[str, ...]:
    """Every language with a data file: English first, then `mul`, then the others by code."""
    names = sorted(module.name for module in pkgutil.iter_modules(data.__path__))
    first = [name for name in ("en", "mul") if name in names]
    return (*first, *(name for name in names if name not in first))


@functools.lru_cache(maxsize=64)
def table(language: str) -> Mapping[str, tuple[str, ...]]:
    """One language's concepts (its data file's `WORDS`), loaded on first use."""
    module = importlib.import_module(f"{data.__name__}.{language}")
    words: Mapping[str, tuple[str, ...]] = module.WORDS
    return words


@functools.lru_cache(maxsize=512)
def words(concept: str, languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The entries of `concept` in every language (or only `languages`), in lexicon order, without repeats.

    Placeholders (``{network}``) are left as written: `alternation` fills them in.
    """
    if concept not in CONCEPTS:
        raise KeyError(f"no concept {concept!r} in the lexicon (see pressconv.lexicon.CONCEPTS)")
    chosen = _languages() if languages is None else languages
    seen: dict[str, None] = {}
    for language in chosen:
        for entry in table(language).get(concept, ()):
            seen.setdefault(entry, None)
    return tuple(seen)


def _languages() -> tuple[str, ...]:
    return languages()


@functools.lru_cache(maxsize=128)
def word_set(concept: str, languages: tuple[str, ...] | None = None) -> frozenset[str]:
    """A concept of plain words as a set of case-folded words, for membership tests."""
    return frozenset(word.casefold() for word in words(concept, languages))


@functools.lru_cache(maxsize=256)
def alternation(concept: str, languages: tuple[str, ...] | None = None) -> str:
    """The entries of `concept` as one alternation, placeholders filled in, to be put in a group.

    A regular expression tries every entry of a case-insensitive alternation in turn wherever it is tried,
    and a concept has hundreds of entries in dozens of languages, while at most places of a text only the few
    entries beginning with the character there can match. So the entries are grouped by the character they
    begin with, each group behind a lookahead of it: ``(?=[a])(?:about|at)|(?=[b])(?:by|bis)|…``. Every
    match, and its span, is what the plain ``about|by|at|bis`` gives (see `grouped_alternation`).
    """
    return grouped_alternation([_fill(entry, languages) for entry in words(concept, languages)])


def grouped_alternation(entries: list[str]) -> str:
    """`entries` joined by ``|``, grouped by their first characters without changing any match.

    At one place, the entries that can match are those that may begin with its character; the alternation
    tries them in the given order, so they keep that order within their group. Groups are disjoint
    (characters that match each other without regard to case share one, `_fold`), so at most one group opens
    at any place. An entry whose first characters are not plain from its text (`first_chars`) stays where
    it stands, between the groups of the entries before it and those after it, and is tried in its turn.
    The whole is led by a lookahead of every first character when all are plain (and the entries are more
    than a few: a lookahead costs more than a few first letters that fail).
    """
    parts: list[str] = []
    run: list[tuple[str, frozenset[str]]] = []
    for entry in entries:
        first = first_chars(entry)
        if first is None or len({_fold(item) for item in first}) > 1:
            # Not plain, or opening several groups ("{network}" first): a copy in each made the patterns half
            # again as long and slower to compile, so it stands on its own, behind its own lookahead if it has one.
            parts.extend(_groups(run))
            parts.append(entry if first is None else f"(?=[{''.join(sorted(first))}])(?:{entry})")
            run = []
        else:
            run.append((entry, first))
    parts.extend(_groups(run))
    joined = "|".join(parts)
    opening = first_chars(joined) if len(entries) >= _FEWEST_GROUPED else None
    return f"(?=[{''.join(sorted(opening))}])(?:{joined})" if opening else joined


#: A run of fewer entries than this is left as it is: a lookahead costs more than a few failing first letters.
_FEWEST_GROUPED = 8


def _groups(run: list[tuple[str, frozenset[str]]]) -> list[str]:
    """The entries of `run` (each with plain first characters) in groups by folded first character."""
    if len(run) < _FEWEST_GROUPED:
        return [entry for entry, _ in run]
    groups: dict[str, tuple[set[str], list[str]]] = {}
    for entry, first in run:
        for item in sorted(first):  # a set's order changes with each process's hash seed; the pattern must not
            items, members = groups.setdefault(_fold(item), (set(), []))
            items.add(item)
            if not members or members[-1] != entry:
                members.append(entry)
    return [
        members[0] if len(members) == 1 else f"(?=[{''.join(sorted(items))}])(?:{'|'.join(members)})"
        for items, members in groups.values()
    ]


def _fold(item: str) -> str:
    """The group of a first character: characters a case-insensitive match takes for one another share it
    ("ı", "İ", "I" and "i"; "ſ" and "s"; "ς" and "σ"), and every digit and ``\\d`` share one."""
    char = item[1:] if item.startswith("\\") and item != "\\d" else item
    if char == "\\d" or char.isdigit():
        return "\\d"
    return char.upper().lower()[:1] or char


def _fill(template: str, languages: tuple[str, ...] | None) -> str:
    return _PLACEHOLDER.sub(lambda match: f"(?:{alternation(match[1], languages)})", template)


def expand(template: str, languages: tuple[str, ...] | None = None) -> str:
    """`template` with each ``{concept}`` replaced by ``(?:…)`` around that concept's alternation."""
    return _fill(template, languages)


@functools.lru_cache(maxsize=256)
def pattern(template: str, flags: int = re.IGNORECASE, languages: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """`template` expanded (see `expand`) and compiled, once per (template, flags, languages)."""
    return re.compile(expand(template, languages), flags)


_META = frozenset("\\.^$*+?{}[]|()")
_OPTIONAL = ("?", "*", "{0")


def first_chars(fragment: str) -> frozenset[str] | None:
    """The characters a match of the regular-expression `fragment` can begin with, as items of a regex class
    (``a``, ``\\.``, ``\\d``), or None when that is not plain from its text (a class with ranges, ``\\w``,
    ``.``, a branch that may match nothing…). Conservative by construction: None means "any character",
    never a wrong set."""
    chars: set[str] = set()
    for branch in _top_level_branches(fragment):
        found = _branch_first_chars(branch)
        if found is None:
            return None
        chars |= found
    return frozenset(chars)


def _structure(fragment: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth before it) of each `(`, `)` and `|` of `fragment` that is syntax: not
    escaped, not inside a character class."""
    depth, index, in_class = 0, 0, False
    while index < len(fragment):
        char = fragment[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if fragment[index + 1 : index + 2] == "]":
                index += 1  # "[]…]": a "]" first in a class is itself
        elif char in "()|":
            yield index, char, depth
            depth += {"(": 1, ")": -1, "|": 0}[char]
        index += 1


def _top_level_branches(fragment: str) -> list[str]:
    cuts = [index for index, char, depth in _structure(fragment) if char == "|" and depth == 0]
    return [fragment[start + 1 : end] for start, end in itertools.pairwise([-1, *cuts, len(fragment)])]


def _branch_first_chars(branch: str) -> frozenset[str] | None:
    """The first characters of one branch (no top-level `|`), from its first atom: a plain character, an
    escaped punctuation mark or code point, a class of plain characters, or a group of such branches. An
    optional first atom (``(?:page\\s+)?updated``) adds the first characters of what follows it."""
    if not branch:
        return None  # an empty branch matches before any character
    atom = _first_atom(branch)
    if atom is None:
        return None
    first, end = atom
    if end == 0:
        return first  # a guard: nothing after it can begin otherwise
    if branch.startswith(_OPTIONAL, end):
        end = _quantifier_end(branch, end)
        rest = _branch_first_chars(branch[end:])
        return None if rest is None else first | rest
    return first


def _first_atom(branch: str) -> tuple[frozenset[str], int] | None:
    """The first characters of the branch's first atom, as items of a regex class (``a``, ``\\.``, ``\\d``),
    and where the atom ends."""
    char = branch[0]
    if char == "\\":
        item = _escape_item(branch, 0)
        return None if item is None else (frozenset({item[0]}), item[1])
    if char == "[":
        items: set[str] = set()
        index = 1
        while index < len(branch) and branch[index] != "]":
            if branch[index] == "\\":
                item = _escape_item(branch, index)
                if item is None:
                    return None
                items.add(item[0])
                index = item[1]
            elif branch[index] in "^[" or (branch[index] == "-" and index > 1 and branch[index + 1 : index + 2] != "]"):
                return None  # a negated class, a nested set, a range: not plain (a "-" first or last is itself)
            else:
                items.add(re.escape(branch[index]))
                index += 1
        return (frozenset(items), index + 1) if items and index < len(branch) else None
    if branch.startswith("(?=["):
        # A lookahead guard of a filled-in concept (see `alternation`): what follows begins with one of its
        # characters, so they are the first characters here, whatever comes after the guard.
        guard = _first_atom(branch[3:])
        return None if guard is None or branch[3 + guard[1] : 4 + guard[1]] != ")" else (guard[0], 0)
    if char == "(":
        close = _group_end(branch)
        if close is None or not branch.startswith("(?:"):
            return None
        inner = first_chars(branch[3:close])
        return None if inner is None else (inner, close + 1)
    if char in _META:
        return None
    return frozenset({re.escape(char)}), 1


def _escape_item(text: str, at: int) -> tuple[str, int] | None:
    """The escape at `at` as one class item, and where it ends: an escaped mark, a code point, or ``\\d``."""
    escaped = text[at + 1 : at + 2]
    if escaped in ("u", "x"):
        digits = 4 if escaped == "u" else 2
        code = text[at + 2 : at + 2 + digits]
        if len(code) == digits and all(digit in "0123456789abcdefABCDEF" for digit in code):
            return re.escape(chr(int(code, 16))), at + 2 + digits
        return None
    if escaped == "d":
        return "\\d", at + 2
    if not escaped or escaped.isalnum() or escaped == "_":
        return None  # \\s, \\w, \\b…: a wide class or an assertion
    return re.escape(escaped), at + 2


def _quantifier_end(branch: str, start: int) -> int:
    """Where the quantifier at `start` (``?``, ``*``, ``{0,n}``, each possibly lazy) ends."""
    end = branch.index("}", start) + 1 if branch[start] == "{" else start + 1
    return end + 1 if branch[end : end + 1] == "?" else end


def _group_end(branch: str) -> int | None:
    """The index of the `)` closing the group that opens `branch`."""
    return next((index for index, char, depth in _structure(branch) if char == ")" and depth == 1), None)
