"""The generated CLDR table (pressconv.cldr_dates) decides every date it can, says exactly what the Babel it was built
from says, for every locale, and spares Babel's import.

The comparisons with Babel run only under the Babel version recorded in the table (`cldr_dates.BABEL_VERSION`): a
newer Babel may carry newer CLDR data, which the table, being authoritative, deliberately does not follow until it is
rebuilt (`python scripts/build_cldr_dates.py`). Under another version they skip, saying so.
"""

from __future__ import annotations

import datetime
import subprocess
import sys

import babel
import pytest
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, load_script
from pressconv import cldr_dates, l10n

TAGS = sorted(cldr_dates.LOCALES)
#: Days that show padding (1, 9), two digits (10, 28) and month ends; years of three, four digits and this century.
DAYS = (1, 9, 10, 28)
YEARS = (987, 1999, 2014, 2026)
#: Every month once, each with its own (day, year) from the pairs above, so every day and every year is seen too: the
#: day, month and year fields of a pattern are spelled independently, so their cross product would add nothing.
DATES = tuple(datetime.date(YEARS[(month + month // 4) % 4], month, DAYS[month % 4]) for month in range(1, 13))

same_babel = pytest.mark.skipif(
    babel.__version__ != cldr_dates.BABEL_VERSION,
    reason=f"the CLDR table was built from Babel {cldr_dates.BABEL_VERSION} and Babel {babel.__version__} is installed: "
    "the table decides, and may rightly differ; rebuild it (python scripts/build_cldr_dates.py) to compare",
)


@same_babel
def test_the_table_is_what_the_script_builds_from_the_installed_babel() -> None:
    committed = (ROOT / "src" / "pressconv" / "cldr_dates.py").read_text(encoding="utf-8")
    assert load_script("build_cldr_dates").build() == committed, "run: python scripts/build_cldr_dates.py"


def test_the_table_covers_the_common_languages_and_most_of_cldr() -> None:
    assert {"en", "en-GB", "en-US", "cy", "ga", "fr", "de", "es", "ar", "he", "ja", "zh-Hant-TW"} <= set(TAGS)
    assert len(TAGS) > 1000


@same_babel
@pytest.mark.parametrize("tag", TAGS)
def test_every_locale_spells_every_month_as_babel_does(tag: str) -> None:
    locale = l10n._locale(tag)
    assert isinstance(locale, l10n._TableLocale)
    babel_locale = Locale.parse(tag, sep="-")
    for date in DATES:
        assert locale.format_long_date(date) == babel_format_date(date, "long", locale=babel_locale), (tag, date)
    assert locale.right_to_left == (babel_locale.character_order == "right-to-left")


@same_babel
@given(st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(TAGS))
def test_any_date_in_any_table_locale_matches_babel(date: datetime.date, tag: str) -> None:
    assert l10n.format_date(date, tag) == babel_format_date(date, "long", locale=Locale.parse(tag, sep="-"))


def _babel_locale(tag: str) -> Locale:
    """The locale l10n would use with Babel alone: the first candidate Babel can parse, else British English."""
    for candidate in l10n._candidates(tag):
        try:
            return Locale.parse("-".join(candidate), sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse(l10n.DEFAULT_LANGUAGE, sep="-")


@same_babel
@given(
    st.one_of(
        st.sampled_from(["iw", "zh-TW", "sr-ME", "tl", "in", "en-GB-u-ca-gregory", "pa-PK", "x-private", "und", "xx-YY"]),
        st.from_regex(r"[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8}){0,3}", fullmatch=True),
    )
)
def test_any_tag_gets_the_date_and_direction_babel_alone_would_give(tag: str) -> None:
    """Aliases ("iw") and regions CLDR folds into a script ("zh-TW") are no table keys: Babel answers those."""
    babel_locale = _babel_locale(tag)
    assert l10n.format_date(datetime.date(2014, 3, 7), tag) == babel_format_date(
        datetime.date(2014, 3, 7), "long", locale=babel_locale
    )


def test_some_tags_are_left_to_babel() -> None:
    assert not {"iw", "zh-TW", "tl", "in"} & set(TAGS)


@pytest.mark.parametrize(("alias", "tag"), [("iw", "he"), ("zh-TW", "zh-Hant-TW"), ("in", "id"), ("iw-IL", "he-IL")])
def test_a_tag_babel_resolves_is_spelled_by_the_table_entry_it_resolves_to(alias: str, tag: str) -> None:
    """Under any Babel version: Babel only resolves the alias; the table, not Babel's data, gives the date and direction."""
    resolved = l10n._locale(alias)
    assert isinstance(resolved, l10n._TableLocale)
    assert resolved == l10n._locale(tag)
    date = datetime.date(2014, 3, 7)
    assert l10n.format_date(date, alias) == l10n.format_date(date, tag)
    assert l10n.text_direction(alias) == l10n.text_direction(tag)


def test_spelling_a_date_in_a_table_language_imports_no_babel() -> None:
    code = (
        "import sys, datetime\n"
        "from pressconv import l10n\n"
        "print(l10n.format_date(datetime.date(2014, 3, 7), 'cy'), l10n.text_direction('ar'))\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'babel'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["7 Mawrth 2014 rtl", "[]"]
