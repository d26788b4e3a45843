"""The lexicon: every data file is well formed, and the API builds what the readers compile."""

from __future__ import annotations

import pkgutil
import re

import pytest

from pressconv import lexicon
from pressconv.lexicon import data


def test_every_data_file_is_a_language_found_without_a_list() -> None:
    files = {module.name for module in pkgutil.iter_modules(data.__path__)}
    assert set(lexicon.languages()) == files
    assert lexicon.languages()[:2] == ("en", "mul")


@pytest.mark.parametrize("language", lexicon.languages())
def test_every_concept_is_known_and_every_entry_compiles(language: str) -> None:
    for concept, entries in lexicon.table(language).items():
        assert concept in lexicon.CONCEPTS, f"{language}.py: unknown concept {concept!r}"
        assert entries and all(isinstance(entry, str) and entry for entry in entries)
        for entry in entries:
            re.compile(lexicon.expand(entry), re.IGNORECASE)


def test_every_concept_has_entries() -> None:
    assert [concept for concept in lexicon.CONCEPTS if not lexicon.words(concept)] == []


def test_unknown_concept_is_an_error() -> None:
    with pytest.raises(KeyError, match="no concept"):
        lexicon.words("no_such_concept")


def test_entries_come_english_first_without_repeats() -> None:
    published = lexicon.words("published")
    assert published[0].startswith("(?:date|time)")
    assert len(published) == len(set(published))
    assert published.count(r"publicad[oa](?:\s+(?:el|em|en|o|a))?") == 1  # Spanish, Portuguese, Galician share it


def test_placeholders_are_filled_in_a_group() -> None:
    assert lexicon.expand("{conjunction}", ("cy",)) == "(?:a|neu)"
    share = lexicon.pattern(r"{share}", languages=("fr", "mul"))
    assert share.fullmatch("Partager sur Facebook") is not None
    assert share.fullmatch("Partager sur") is None


def test_regex_quantifiers_are_left_alone() -> None:
    assert lexicon.expand(r"a{2,6}b{3}") == r"a{2,6}b{3}"


def test_languages_can_be_chosen() -> None:
    assert lexicon.pattern("(?:{label})", languages=("de",)).fullmatch("Pressemitteilung") is not None
    assert lexicon.pattern("(?:{label})", languages=("en",)).fullmatch("Pressemitteilung") is None


def test_patterns_are_compiled_once() -> None:
    assert lexicon.pattern(r"(?:{end_mark})") is lexicon.pattern(r"(?:{end_mark})")


def test_word_sets_are_case_folded() -> None:
    assert "gmbh" in lexicon.word_set("organisation")
    assert "press" in lexicon.word_set("contact_first_word")


def test_case_sensitive_concepts_keep_their_case() -> None:
    suffix = lexicon.pattern(r"\b(?:{company_suffix})\.$", flags=0)
    assert suffix.search("Acme Corp.") is not None
    assert suffix.search("acme corp.") is None


@pytest.mark.parametrize("language", lexicon.languages())
def test_a_language_with_rights_reserved_names_its_quick_reject_word(language: str) -> None:
    # `lines.is_chrome` tries the "All rights reserved" shape only on a line holding a `rights_word`.
    table = lexicon.table(language)
    if "rights_reserved" in table:
        assert table.get("rights_word"), f"{language}.py: rights_reserved without rights_word"
        for word in table["rights_word"]:
            assert word == word.casefold()
            assert any(re.search(word, entry.replace(r"\s+", " "), re.IGNORECASE) for entry in table["rights_reserved"])
