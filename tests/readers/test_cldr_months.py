"""The generated month table (`pressconv.cldr_months`) against the installed Babel: every wide month name of
every locale is read as its month when the release's language is given."""

from __future__ import annotations

import pytest
from babel import Locale, localedata
from babel.core import get_cldr_version

from pressconv import cldr_months
from pressconv.readers import dates


def test_the_table_was_built_from_the_installed_cldr() -> None:
    assert get_cldr_version() == cldr_months.CLDR_VERSION  # else: python scripts/build_cldr_months.py


@pytest.mark.parametrize("identifier", sorted({Locale.parse(i).language for i in localedata.locale_identifiers()}))
def test_every_language_reads_its_own_month_names(identifier: str) -> None:
    locale = Locale.parse(identifier)
    for context in ("format", "stand-alone"):
        for month, name in locale.months[context]["wide"].items():
            folded = dates._fold(name)
            if folded not in dates._names().months:  # left out: digits, two letters, a clash
                continue
            assert dates.month_of(name, identifier) == month, (identifier, name)
