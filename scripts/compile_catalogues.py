#!/usr/bin/env python3
"""Compile pressconv's label catalogues, `.po` → `.mo`, reproducibly.

    python scripts/compile_catalogues.py            # write each .mo beside its .po
    python scripts/compile_catalogues.py --check    # exit 1 if a committed .mo is stale
    python scripts/compile_catalogues.py --output-dir /tmp/mo

The `.mo` files are committed (and shipped in the wheel) so installing pressconv
needs no build step. Their bytes depend on the `.po` text alone: the header keeps
the dates written in the `.po`, and Babel's "Generated-By: Babel x.y" line is left
out, so a newer Babel does not make the committed catalogues look stale.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "pressconv" / "locale"
DOMAIN = "pressconv"


class _ReproducibleCatalogue(Catalog):
    """A catalogue whose header message leaves out the line naming the Babel version that wrote it."""

    def __iter__(self) -> Iterator[Message]:
        header, *messages = super().__iter__()
        assert isinstance(header.string, str)
        kept = [line for line in header.string.split("\n") if not line.startswith("Generated-By:")]
        yield Message("", "\n".join(kept), flags=header.flags)
        yield from messages


def compile_catalogue(po: bytes) -> bytes:
    """The `.mo` bytes for one `.po` file's bytes; raises babel's PoFileError for a malformed file."""
    parsed = read_po(io.BytesIO(po), abort_invalid=True)
    catalogue = _ReproducibleCatalogue(locale=parsed.locale, domain=parsed.domain, charset=parsed.charset, fuzzy=parsed.fuzzy)
    catalogue.mime_headers = parsed.mime_headers
    for message in parsed:
        if message.id:  # the header ("") was copied above
            catalogue[message.id] = message
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def catalogues(locale_dir: Path) -> list[Path]:
    """Every `<lang>/LC_MESSAGES/pressconv.po` under `locale_dir`, in a stable order."""
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, help="where the .po files are (default: %(default)s)")
    parser.add_argument("--output-dir", type=Path, help="write the .mo files under this directory, not beside the .po files")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any .mo differs from its .po")
    args = parser.parse_args(argv)

    sources = catalogues(args.locale_dir)
    if not sources:
        print(f"no {DOMAIN}.po files under {args.locale_dir}", file=sys.stderr)
        return 2
    stale = []
    for po in sources:
        compiled = compile_catalogue(po.read_bytes())
        relative = po.relative_to(args.locale_dir).with_suffix(".mo")
        target = (args.output_dir or args.locale_dir) / relative
        if args.check:
            if not target.is_file() or target.read_bytes() != compiled:
                stale.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled)
        print(target)
    if stale:
        print("out of date (run scripts/compile_catalogues.py):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
