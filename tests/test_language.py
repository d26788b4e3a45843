"""Language identification: the release's language when none is given, and the blocks in another one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import pressconv
from conftest import ROOT
from pressconv import language
from pressconv.model import ContactBlock, Paragraph, Release, Text

WELSH = "Mae Cyngor Sir Gwynedd wedi agor llwybr cerdded newydd ar hyd yr arfordir rhwng Aberdaron a Rhiw."
ENGLISH = "Gwynedd Council has opened a new walking path along the coast between Aberdaron and Rhiw."
FRENCH = "La Ville a ouvert une nouvelle bibliothèque publique au cœur de son centre-ville, avec des livres."


def test_a_welsh_release_without_lang_is_tagged_cy_not_en() -> None:
    release = pressconv.parse(f"Llwybr newydd yn agor\nPublished 14/04/2024\n{WELSH}\n{WELSH}")
    assert release.language == "cy"


def test_a_given_language_is_kept_and_parts_in_other_languages_are_still_marked() -> None:
    release = pressconv.parse(f"Library opens\nPublished 14/04/2024\n{ENGLISH}\n{FRENCH}", language="en-CA")
    assert release.language == "en-CA"
    assert [getattr(block, "lang", None) for block in release.blocks] == [None, "fr"]


def test_an_english_release_keeps_the_default_tag_and_never_loads_the_model() -> None:
    language._identifier.cache_clear()
    release = pressconv.parse(f"Path opens\nPublished 14/04/2024\n{ENGLISH}\n{ENGLISH}")
    assert release.language == "en-GB"
    assert not release.notices or all(notice.code != "language-unknown" for notice in release.notices)
    assert language._identifier.cache_info().currsize == 0


def test_the_first_of_two_languages_is_the_main_one_and_the_other_is_marked() -> None:
    blocks = (Paragraph(WELSH), Paragraph(WELSH + " " + WELSH), Paragraph(ENGLISH), Paragraph(ENGLISH + " " + ENGLISH))
    marked = language.identify_languages(Release("Llwybr newydd", None, blocks), None)
    assert marked.language == "cy"
    assert [block.lang for block in marked.blocks if isinstance(block, Paragraph)] == [None, None, "en", "en"]


def test_short_blocks_and_contacts_take_the_release_language() -> None:
    blocks = (
        Paragraph(WELSH), Paragraph("Siân Pritchard"), Paragraph("Press Office, Gwynedd"),
        ContactBlock((Text("The council's press office will answer questions from journalists every weekday."),)),
    )  # fmt: skip
    marked = language.identify_languages(Release("Llwybr", None, blocks), None)
    assert marked.language == "cy"
    assert [getattr(block, "lang", None) for block in marked.blocks] == [None, None, None, None]


def test_text_too_short_to_tell_keeps_the_default_and_says_so() -> None:
    marked = language.identify_languages(Release("Update", None, (Paragraph("Siân Pritchard"),)), None)
    assert marked.language == "en-GB"
    assert [notice.code for notice in marked.notices] == ["language-unknown"]


def test_a_web_page_that_declares_its_language_keeps_it() -> None:
    page = f'<html lang="cy"><body><article><h1>Library opens</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>'
    release = pressconv.parse(page.encode(), reader="html")
    assert release.language == "cy"
    assert {getattr(block, "lang", None) for block in release.blocks} == {"en"}


def test_scripts_are_identified() -> None:
    for name, expected in (("script-arabic", "ar"), ("script-hebrew", "he"), ("script-hindi", "hi")):
        assert pressconv.parse((ROOT / "fixtures" / f"{name}.txt").read_bytes()).language == expected, name


def test_json_carries_lang_on_marked_blocks_only_and_validates_against_the_schema(tmp_path: Path) -> None:
    result = pressconv.convert(str(ROOT / "fixtures" / "bilingual-welsh-english.txt"), to="json")
    data = json.loads(result.data)
    jsonschema.validate(data, json.loads((ROOT / "docs" / "release.schema.json").read_text()))
    assert data["language"] == "cy"
    assert [block.get("lang") for block in data["blocks"]] == [None, None, None, "en", "en", "en", "en", None]
