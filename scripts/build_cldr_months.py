#!/usr/bin/env python3
"""Write `src/pressconv/cldr_months.py`: every CLDR month and weekday name, folded, for reading dates.

    python scripts/build_cldr_months.py            # rewrite the module
    python scripts/build_cldr_months.py --check    # exit 1 if the committed module is stale

Why a generated table: the date grammar (`pressconv.readers.dates`) must know the month names of every
language a press office writes in — format and stand-alone, wide and abbreviated, which gives the
genitive forms where CLDR has them ("Μαρτίου", "lipca", "února", "марта", "maaliskuuta") — and the
weekday names that may stand before a date. Typing them by hand missed whole languages; asking Babel at
run time costs tens of milliseconds per locale. So they are taken from Babel here, once.

The table maps each folded name (NFC, `str.casefold`, trailing dot dropped) to its month. A name that
means different months in different languages ("listopad": November in Polish and Czech, October in
Croatian) keeps every reading with its languages, and the reader takes it only with a language hint.
Names with a digit (CJK "1月", "M01") are left out: the grammar reads those shapes itself. The Unicode
decimal digit blocks are written too (their zeros), so the grammar can read a date in any digits.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import babel
from babel import Locale, localedata
from babel.core import get_cldr_version, get_global

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "src" / "pressconv" / "cldr_months.py"
#: A Catalan genitive ("de gener", "d’abril") or Lithuanian-style particle before the name: the grammar reads
#: "de"/"d’" itself, so the name is kept without it.
_PARTICLES = ("de ", "d’", "d'")


def fold(name: str) -> str:
    """How the grammar looks a name up: NFC, case-folded, with no trailing dot."""
    return unicodedata.normalize("NFC", name).casefold().rstrip(".").strip()


def _letters(name: str) -> bool:
    """True for a name the grammar's word shape can take: letters and marks, inner dots or hyphens, no digits."""
    if not name or any(ch.isdigit() for ch in name):
        return False
    return all(unicodedata.category(ch)[0] in "LM" or ch in ".-" for ch in name)


def _names(locale: Locale, field: str) -> dict[int, set[str]]:
    data = getattr(locale, field)
    found: dict[int, set[str]] = defaultdict(set)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for key, name in data[context][width].items():
                folded = fold(name)
                for particle in _PARTICLES:
                    if folded.startswith(particle):
                        folded = folded[len(particle) :]
                if " " in folded:  # Welsh "dydd llun", Vietnamese "thứ ba": two words, one name
                    parts = folded.split(" ")
                    if not all(_letters(part) for part in parts):
                        continue
                elif not _letters(folded) or _too_short(folded):
                    continue
                found[key].add(folded)
    return found


def _too_short(name: str) -> bool:
    """Two letters of an alphabet ("de", "no", "ma"): abbreviations that are words in other languages."""
    return len(name.replace(".", "")) < 3 and all(ord(ch) < 0x590 for ch in name)


def _official() -> set[str]:
    """Languages official (or de facto) somewhere, by CLDR's territory data."""
    territories = get_global("territory_languages")
    return {language.split("_")[0] for languages in territories.values() for language, info in languages.items()
            if info.get("official_status") in ("official", "de_facto_official")}  # fmt: skip


def _default(readings: dict[int, list[str]], official: set[str]) -> int:
    """The month a name means with no language hint: English's (pressconv's default language), else the one
    month the official languages that use it agree on, else the one month all agree on; 0 when they differ."""
    for month, languages in readings.items():
        if "en" in languages:
            return month
    backed = {month for month, languages in readings.items() if official.intersection(languages)}
    if len(backed) == 1:
        return next(iter(backed))
    return next(iter(readings)) if len(readings) == 1 else 0


def _digit_zeros() -> list[int]:
    return [code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Nd"
            and unicodedata.digit(chr(code)) == 0]  # fmt: skip


def build() -> str:
    """The module's source text."""
    months: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))  # name → month → languages
    weekdays: set[str] = set()
    marks: set[str] = set()
    languages: set[str] = set()
    for identifier in sorted(localedata.locale_identifiers()):
        locale = Locale.parse(identifier)
        language = locale.language
        per_language: dict[str, set[int]] = defaultdict(set)
        for month, names in _names(locale, "months").items():
            for name in names:
                per_language[name].add(month)
        for name, numbers in per_language.items():
            if len(numbers) == 1:  # a name that is two months in one locale is no month
                months[name][next(iter(numbers))].add(language)
                languages.add(language)
        for names in _names(locale, "days").values():
            weekdays.update(names)
    # A name that is two months in one language (across its locales) is dropped for that language.
    official = _official()
    rows: dict[str, str] = {}
    for name in sorted(months):
        by_month = months[name]
        clash = set.intersection(*by_month.values()) if len(by_month) > 1 else set()
        readings = {month: sorted(langs - clash) for month, langs in by_month.items() if langs - clash}
        if not readings:
            continue
        if len(readings) == 1:
            rows[name] = str(next(iter(readings)))
        else:
            spelled = " ".join(f"{month}:{','.join(langs)}" for month, langs in sorted(readings.items()))
            rows[name] = f"{_default(dict(sorted(readings.items())), official)}\t{spelled}"
    for name in [*rows, *weekdays]:
        marks.update(ch for ch in name if not (ch.isalnum() or ch in " .-"))
    month_text = "\n".join(f"{name}\t{value}" for name, value in rows.items())
    weekday_text = "\n".join(sorted(weekdays))
    lines = [
        "# ruff: noqa: E501",
        f'"""CLDR {get_cldr_version()} month and weekday names of every locale, folded, for reading dates.',
        "",
        "Generated: do not edit.",
        "",
        f"Written by `scripts/build_cldr_months.py` from Babel {babel.__version__}. `pressconv.readers.dates` parses",
        "the two texts below into lookup tables the first time a date names a month it does not know by heart.",
        '"""',
        "",
        f'CLDR_VERSION = "{get_cldr_version()}"',
        "#: The zero of every Unicode decimal digit block (0-9 follow it): the grammar reads dates in any of them.",
        f"DIGIT_ZEROS: tuple[int, ...] = {tuple(_digit_zeros())!r}",
        "#: Marks inside names that a regular expression's letter class does not take (viramas, Thai vowels...).",
        f"MARKS = {''.join(sorted(marks))!r}",
        "#: One name a line: the folded name, a tab, its month. Where languages differ, the month it means without a",
        "#: language hint (0: none, never guessed), a tab, and every reading as `month:lang,lang`.",
        f"MONTHS = {month_text!r}",
        "#: One folded weekday name a line (format and stand-alone, wide and abbreviated).",
        f"WEEKDAYS = {weekday_text!r}",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed module differs from a fresh build")
    arguments = parser.parse_args()
    text = build()
    if arguments.check:
        if MODULE.read_text(encoding="utf-8") != text:
            print(f"{MODULE.relative_to(ROOT)} is stale: run python scripts/build_cldr_months.py", file=sys.stderr)
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    print(f"wrote {MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
