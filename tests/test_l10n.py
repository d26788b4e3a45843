"""Localisation: CLDR dates, gettext labels in every shipped catalogue, text direction, reproducible catalogues."""

from __future__ import annotations

import datetime
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from pressconv import l10n
from pressconv.l10n import LABELS, format_date, label, text_direction

SCRIPT = ROOT / "scripts" / "compile_catalogues.py"
PO_FILES = sorted(l10n.LOCALE_DIR.glob("*/LC_MESSAGES/pressconv.po"))
#: The languages the issue asks for; more may be shipped, never fewer.
REQUIRED_LANGUAGES = {"en", "cy", "fr", "de", "es", "ga"}
MARCH_7 = datetime.date(2014, 3, 7)
#: Arabic-Indic and other decimal digits folded to ASCII, so a year can be found in a date in any script.
DIGITS_TO_ASCII = {code: str(int(chr(code))) for code in range(0x80, 0x110000) if chr(code).isdecimal()}

language_tags = st.one_of(
    st.text(max_size=24),
    st.from_regex(r"[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8}){0,5}", fullmatch=True),
    st.sampled_from(["en-GB", "cy", "ga-IE", "ar", "he", "pa-Arab", "ar-Latn", "zh-Hant-TW", "und", "x-private", "i-klingon"]),
)


def _catalogue(po: Path) -> Catalog:
    with po.open("rb") as file:
        return read_po(file, abort_invalid=True)


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


# Dates ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-US", "March 7, 2014"),
        ("en-GB", "7 March 2014"),
        ("cy", "7 Mawrth 2014"),
        ("de", "7. März 2014"),
        ("ja", "2014年3月7日"),
        ("fr", "7 mars 2014"),
        ("ga", "7 Márta 2014"),
        ("es", "7 de marzo de 2014"),
        ("cy-GB", "7 Mawrth 2014"),
        ("zh-Hant-TW", "2014年3月7日"),
    ],
)
def test_dates_follow_the_language_through_cldr(language: str, expected: str) -> None:
    assert format_date(MARCH_7, language) == expected


def test_the_default_language_is_british_english() -> None:
    assert format_date(MARCH_7) == "7 March 2014"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en_US", "March 7, 2014"),  # POSIX separator
        ("EN-us", "March 7, 2014"),  # case does not matter in BCP 47
        ("en-US-u-ca-gregory", "March 7, 2014"),  # an extension Babel cannot parse: shortened to en-US
        ("de-CH-1996", "7. März 2014"),  # a variant
        ("de-XX", "7. März 2014"),  # an unknown region: the language part
        ("en-ZZ", "March 7, 2014"),  # the language part is CLDR's "en" (American)
        ("xx", "7 March 2014"),  # no such language: British English
        ("und", "7 March 2014"),  # "undetermined" is not American English
        ("", "7 March 2014"),
        ("../../etc/passwd", "7 March 2014"),
        ("x-private", "7 March 2014"),
    ],
)
def test_unknown_or_odd_tags_fall_back_without_raising(language: str, expected: str) -> None:
    assert format_date(MARCH_7, language) == expected


@settings(max_examples=150, deadline=None)
@given(value=st.dates(), language=language_tags)
def test_any_tag_and_date_give_a_date(value: datetime.date, language: str) -> None:
    text = format_date(value, language)
    assert text and str(value.year) in text.translate(DIGITS_TO_ASCII)


def test_a_datetime_is_formatted_as_its_date() -> None:
    assert format_date(datetime.datetime(2014, 3, 7, 23, 59), "en-GB") == "7 March 2014"


def test_warm_calls_resolve_nothing_again() -> None:
    """Writers call format_date per release and label per page: once warm, neither looks a locale or catalogue up."""
    from pressconv import l10n

    format_date(MARCH_7, "cy")
    label("page-n-of-m", "cy", page=1, pages=2)
    locales, catalogues = l10n._locale.cache_info().misses, l10n._translations.cache_info().misses
    for page in range(50):
        format_date(MARCH_7, "cy")
        label("page-n-of-m", "cy", page=page, pages=50)
    assert (l10n._locale.cache_info().misses, l10n._translations.cache_info().misses) == (locales, catalogues)


# Labels --------------------------------------------------------------------------------------------------------------


def test_the_required_languages_are_shipped() -> None:
    assert {po.parent.parent.name for po in PO_FILES} >= REQUIRED_LANGUAGES


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.parent.parent.name)
def test_every_label_is_translated_in_every_catalogue(po: Path) -> None:
    catalogue = _catalogue(po)
    for key, english in LABELS.items():
        message = catalogue.get(english, context=key)
        assert message is not None, f"{po}: no entry for {key!r} (msgctxt {key!r}, msgid {english!r})"
        assert isinstance(message.string, str) and message.string.strip(), f"{po}: {key!r} is not translated"
        assert not message.fuzzy, f"{po}: {key!r} is marked fuzzy, so it would not be compiled"
        assert _placeholders(message.string) == _placeholders(english), f"{po}: {key!r} has other placeholders"
        # The compiled catalogue is what label() reads: it must say the same.
        language = po.parent.parent.name
        values = dict.fromkeys(_placeholders(english), "X")
        assert label(key, language, **values) == message.string.format(**values)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.parent.parent.name)
def test_catalogues_hold_no_stale_labels(po: Path) -> None:
    entries = {(message.context, message.id) for message in _catalogue(po) if message.id}
    assert entries == {(key, english) for key, english in LABELS.items()}


@pytest.mark.parametrize(
    ("language", "key", "values", "expected"),
    [
        ("cy", "press-release", {}, "Datganiad i'r wasg"),
        ("cy", "page-n-of-m", {"page": 1, "pages": 2}, "Tudalen 1 o 2"),
        ("cy", "contents", {}, "Cynnwys"),
        ("cy", "notes-to-editors", {}, "Nodiadau i olygyddion"),
        ("cy", "published", {}, "Cyhoeddwyd"),
        ("cy", "updated", {}, "Diweddarwyd"),
        ("ga", "press-release", {}, "Preaseisiúint"),
        ("ga", "page-n-of-m", {"page": 1, "pages": 2}, "Leathanach 1 de 2"),
        ("ga", "contents", {}, "Clár ábhair"),
        ("ga", "notes-to-editors", {}, "Nótaí d'eagarthóirí"),
        ("ga", "published", {}, "Foilsithe"),
        ("ga", "updated", {}, "Nuashonraithe"),
        ("fr", "published-on", {"date": "7 mars 2014"}, "Publié le 7 mars 2014"),
        ("de", "page-n-of-m", {"page": 3, "pages": 4}, "Seite 3 von 4"),
        ("es", "contents", {}, "Índice"),
        ("en-GB", "page-n-of-m", {"page": 1, "pages": 2}, "Page 1 of 2"),
    ],
)
def test_labels_read_in_the_language(language: str, key: str, values: dict[str, object], expected: str) -> None:
    assert label(key, language, **values) == expected


@pytest.mark.parametrize("language", ["cy-GB", "CY", "cy_GB", "ga-IE", "fr-CA", "de-AT-1996", "es-419"])
def test_labels_follow_the_language_part_of_a_longer_tag(language: str) -> None:
    assert label("contents", language) != "Contents"


@pytest.mark.parametrize("language", ["ja", "en-US", "xx", "", "../../../etc", "und", "C"])
def test_other_languages_read_in_english(language: str) -> None:
    assert label("contents", language) == "Contents"
    assert label("by", language, author="Press Office") == "By Press Office"


def test_page_numbers_are_written_plainly() -> None:
    """No digit grouping and no other digit set: '1234', never '1,234' or '١٢٣٤'."""
    assert label("page-n-of-m", "de", page=1234, pages=56789) == "Seite 1234 von 56789"
    assert label("page-n-of-m", "ar", page=1234, pages=56789) == "Page 1234 of 56789"


def test_values_are_filled_in_literally() -> None:
    """A name that looks like a placeholder or markup stays as it is."""
    assert label("by", "fr", author="{pages} <b>&amp;") == "Par {pages} <b>&amp;"


def test_an_unknown_label_says_which_labels_exist() -> None:
    with pytest.raises(KeyError, match="press-release"):
        label("no-such-label", "cy")


@settings(max_examples=100, deadline=None)
@given(key=st.sampled_from(sorted(LABELS)), language=language_tags)
def test_every_label_in_any_language_is_text(key: str, language: str) -> None:
    values = dict.fromkeys(_placeholders(LABELS[key]), 7)
    text = label(key, language, **values)
    assert text.strip() and "{" not in text


# Text direction ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language", ["ar", "ar-EG", "he", "iw", "fa-IR", "ur", "yi", "ps", "ckb", "dv", "pa-Arab", "und-Hebr", "xx-Arab"]
)
def test_right_to_left_languages(language: str) -> None:
    assert text_direction(language) == "rtl"


@pytest.mark.parametrize("language", ["en-GB", "cy", "ga", "ja", "zh-Hant", "pa", "pa-Guru", "ar-Latn", "xx", "", "und"])
def test_left_to_right_languages(language: str) -> None:
    assert text_direction(language) == "ltr"


@settings(max_examples=100, deadline=None)
@given(language=language_tags)
def test_text_direction_is_always_one_of_two(language: str) -> None:
    assert text_direction(language) in {"ltr", "rtl"}


# Catalogues: compiled, current, reproducible -------------------------------------------------------------------------


def _compile(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_committed_mo_files_are_the_compiled_po_files(tmp_path: Path) -> None:
    result = _compile("--output-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    committed = {path.relative_to(l10n.LOCALE_DIR): path.read_bytes() for path in l10n.LOCALE_DIR.glob("*/LC_MESSAGES/*.mo")}
    fresh = {path.relative_to(tmp_path): path.read_bytes() for path in tmp_path.glob("*/LC_MESSAGES/*.mo")}
    assert committed.keys() == fresh.keys()
    stale = [str(path) for path in committed if committed[path] != fresh[path]]
    assert not stale, f"run `python {SCRIPT.relative_to(ROOT)}`: these .mo files do not match their .po: {stale}"


def test_check_mode_finds_a_stale_catalogue(tmp_path: Path) -> None:
    locale_dir = tmp_path / "locale"
    shutil.copytree(l10n.LOCALE_DIR, locale_dir, ignore=shutil.ignore_patterns("__pycache__"))
    assert _compile("--check", "--locale-dir", str(locale_dir)).returncode == 0
    po = locale_dir / "cy" / "LC_MESSAGES" / "pressconv.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Cynnwys"', 'msgstr "Cynnwys y llyfr"'), "utf-8")
    result = _compile("--check", "--locale-dir", str(locale_dir))
    assert result.returncode == 1 and "cy" in result.stderr


def test_compiled_catalogues_do_not_name_the_babel_version() -> None:
    """Otherwise every Babel upgrade would make the committed .mo files look stale."""
    for mo in l10n.LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"):
        assert b"Generated-By" not in mo.read_bytes(), mo


def test_only_the_subtag_after_the_language_is_a_script() -> None:
    """A private-use "Latn" is no script subtag: Arabic stays right to left."""
    assert text_direction("ar-x-latn") == "rtl"
