#!/usr/bin/env python3
"""Write `src/pressconv/cldr_dates.py`: CLDR's long date forms and writing direction for every locale Babel knows.

    python scripts/build_cldr_dates.py            # rewrite the module
    python scripts/build_cldr_dates.py --check    # exit 1 if the committed module is stale

Why a generated table: a pressconv run that writes one release spends about
30 ms in Babel before it can spell "7 March 2014" (importing `babel.dates`,
which works out the local time zone at import, then unpickling the root, `en`,
`en_001` and `en_GB` locale data). Every writer needs only two facts per
language: the long date pattern with its month (and, for a few, era) names, and
whether the script runs right to left. Those facts are small, so they are taken
from Babel here, once, and shipped as a Python module that loads in about a
millisecond. Tags the table does not hold (aliases such as "iw", "zh-TW") are
resolved by Babel at run time, then read from the table where it holds what Babel
resolved them to. The table is authoritative: the Babel version it was built from
is recorded in it (BABEL_VERSION), and `tests/test_cldr_dates.py` checks, for every
locale, that the table spells every month exactly as that Babel does (it skips the
comparison, saying why, under another version: run this script to rebuild).

The table is keyed by the language tag in pressconv's own normal form (see
`pressconv.l10n._subtags`: "en-GB", "zh-Hant-TW"), which is what `l10n` looks up.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import babel
from babel import Locale, localedata
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "src" / "pressconv" / "cldr_dates.py"
#: A field of a CLDR date pattern ("MMMM", "d"), or a quoted literal ("'de'", "''").
_FIELD = re.compile(r"'(?:[^']|'')*'|([a-zA-Z])\1*")
#: The fields pressconv's formatter knows; a locale whose long pattern uses another is left to Babel.
_KNOWN_FIELDS = frozenset({"d", "dd", "M", "MM", "MMM", "MMMM", "y", "G", "GG", "GGG"})


def _l10n() -> ModuleType:
    """pressconv.l10n from this checkout (for its tag normaliser), without installing pressconv."""
    spec = importlib.util.spec_from_file_location("_pressconv_l10n", ROOT / "src" / "pressconv" / "l10n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def template(pattern: str) -> str | None:
    """The CLDR pattern as a `str.format` template with fields {d} {dd} {M} {MM} {MMM} {MMMM} {y} {G}; None if unknown."""
    parts: list[str] = []
    position = 0
    for match in _FIELD.finditer(pattern):
        parts.append(pattern[position : match.start()].replace("{", "{{").replace("}", "}}"))
        field = match.group(0)
        if match.group(1) is None:
            literal = field[1:-1].replace("''", "'") if len(field) > 2 else "'"
            parts.append(literal.replace("{", "{{").replace("}", "}}"))
        elif field in _KNOWN_FIELDS:
            parts.append("{" + ("G" if field.startswith("G") else field) + "}")
        else:
            return None
        position = match.end()
    parts.append(pattern[position:].replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


def build() -> str:
    """The module's source text."""
    subtags = _l10n()._subtags
    # Each distinct template and month-name list once, numbered in the order first met.
    templates: dict[str, int] = {}
    names: dict[tuple[str, ...], int] = {}
    rows: dict[str, tuple[int, int, int, str, bool]] = {}

    for identifier in sorted(localedata.locale_identifiers()):
        tag = "-".join(subtags(identifier))
        if not tag or tag in rows:
            continue
        locale = Locale.parse(tag, sep="-")
        pattern = template(locale.date_formats["long"].pattern)
        if pattern is None:
            continue
        wide = tuple(locale.months["format"]["wide"][month] for month in range(1, 13))
        abbreviated = tuple(locale.months["format"]["abbreviated"][month] for month in range(1, 13))
        uses_abbreviated = "{MMM}" in pattern
        era = locale.eras["abbreviated"][1] if "{G}" in pattern else ""
        rows[tag] = (
            templates.setdefault(pattern, len(templates)),
            names.setdefault(wide, len(names)),
            names.setdefault(abbreviated, len(names)) if uses_abbreviated else -1,
            era,
            locale.character_order == "right-to-left",
        )
    lines = [
        "# ruff: noqa: E501",
        f'"""CLDR {get_cldr_version()} long date forms and writing direction, by language tag. Generated: do not edit.',
        "",
        f"Written by `scripts/build_cldr_dates.py` from Babel {babel.__version__} (BABEL_VERSION); `tests/test_cldr_dates.py`",
        "checks it against Babel where that version is installed. `pressconv.l10n` reads it so that spelling a date needs",
        "no Babel import, and it is authoritative: another Babel version changes no date until the table is rebuilt.",
        '"""',
        "",
        f'BABEL_VERSION = "{babel.__version__}"',
        f'CLDR_VERSION = "{get_cldr_version()}"',
        "",
        "#: Long date patterns as `str.format` templates: {d} {dd} {M} {MM} {MMM} {MMMM} {y} {G}.",
        "TEMPLATES: tuple[str, ...] = (",
        *(f"    {value!r}," for value in templates),
        ")",
        "#: Month names, January first.",
        "MONTHS: tuple[tuple[str, ...], ...] = (",
        *(f"    {value!r}," for value in names),
        ")",
        "#: Tag → (template, wide month names, abbreviated month names or -1, era abbreviation, right to left).",
        "LOCALES: dict[str, tuple[int, int, int, str, bool]] = {",
        *(f"    {tag!r}: {row!r}," for tag, row in rows.items()),
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed module differs from a fresh build")
    arguments = parser.parse_args()
    text = build()
    if arguments.check:
        if MODULE.read_text(encoding="utf-8") != text:
            print(f"{MODULE.relative_to(ROOT)} is stale: run python scripts/build_cldr_dates.py", file=sys.stderr)
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    print(f"wrote {MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
