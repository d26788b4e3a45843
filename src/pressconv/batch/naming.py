"""Output file names that are safe on every file system and never collide silently.

Names come from a template ("{stem}" by default; "{date}-{slug}" and the like)
filled from the release. Every piece is reduced to a safe slug: no path
traversal, no reserved device names, no empty or over-long names.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping

from pressconv.errors import OptionError
from pressconv.l10n import document_title
from pressconv.model import Release

FIELDS = ("stem", "slug", "date", "year", "record", "index")
_MAX_COMPONENT = 120
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
_APOSTROPHES = frozenset("'’‘ʼ")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def check_template(template: str) -> str:
    """Refuse a template naming fields that do not exist, or with format specs they cannot take, before any work."""
    try:
        names = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError as error:
        raise OptionError(f"--name {template!r} is not a valid template: {error}") from None
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        raise OptionError(f"--name {template!r} must use fields from: {', '.join('{' + f + '}' for f in FIELDS)}")
    try:
        template.format_map(dict.fromkeys(FIELDS, "x"))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise OptionError(f"--name {template!r} is not a valid template: {error}") from None
    return template


def render_name(template: str, release: Release, *, stem: str, record: int | None, index: int) -> str:
    """A relative path (forward slashes, no extension) for one release's outputs."""
    values: Mapping[str, str] = {
        "stem": stem,
        "slug": slugify(document_title(release.title, release.date, release.language)),
        "date": release.date.isoformat() if release.date else "undated",
        "year": str(release.date.year) if release.date else "undated",
        "record": f"{record:06d}" if record is not None else "",
        "index": f"{index:06d}",
    }
    rendered = template.format_map(values)
    parts = [safe_component(part) for part in rendered.replace("\\", "/").split("/")]
    parts = [part for part in parts if part]
    return "/".join(parts) or "release"


def slugify(text: str, *, limit: int = 80) -> str:
    """ASCII lower-case words joined by hyphens, transliterated from any script:
    "Zoë’s £2m Café" → "zoes-2m-cafe", "Москва" → "moskva", "北京" → "beijing"."""
    from anyascii import anyascii

    # Letters and digits of any script are transliterated; apostrophes vanish ("Zoë’s" → "zoes");
    # other symbols (£, emoji) separate words rather than turning into words of their own.
    pieces = []
    for char in unicodedata.normalize("NFC", text):
        if char in _APOSTROPHES:
            continue
        if char.isascii():
            pieces.append(char)
        elif unicodedata.category(char)[0] in "LMN":
            pieces.append(anyascii(char))
        else:
            pieces.append(" ")
    ascii_text = "".join(pieces).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-") or "release"


def safe_component(part: str) -> str:
    """One path component that cannot climb out of the output directory or trip a file system."""
    cleaned = _UNSAFE.sub("-", unicodedata.normalize("NFKC", part)).strip(" .-")
    cleaned = cleaned[:_MAX_COMPONENT].rstrip(" .-")
    if not cleaned or set(cleaned) == {"."}:
        return ""
    if cleaned.split(".")[0].lower() in _WINDOWS_RESERVED:
        cleaned = f"{cleaned}-release"
    return cleaned


class TakenNames:
    """The output names a batch has handed out, compared case-insensitively (as Windows and macOS file
    systems compare them), with the next number to try for each name: 20,000 releases that all want
    the same name cost about 20,000 look-ups, not 200 million. Names once taken stay taken, so no
    number below the next one can be free."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set() if taken is None else taken
        self._next: dict[str, int] = {}

    def __contains__(self, name: str) -> bool:
        return name.lower() in self.taken

    def claim(self, name: str) -> str:
        """`name`, or `name-2`, `name-3`… — the first not taken yet; records it as taken."""
        key = name.lower()
        number = self._next.get(key, 1)
        candidate = name if number == 1 else f"{name}-{number}"
        while candidate.lower() in self.taken:
            number += 1
            candidate = f"{name}-{number}"
        self._next[key] = number + 1
        self.taken.add(candidate.lower())
        return candidate


def unique_name(name: str, taken: TakenNames) -> str:
    """`name`, or `name-2`, `name-3`… — the first not in `taken`; adds the result to it."""
    return taken.claim(name)
