"""Every notice code pressconv itself emits, in one enumeration (documented in docs/notices.md).

A `Notice.code` is a plain string so plugins can add codes of their own; the
built-in ones are members of `Code`, a `StrEnum`, so `notice.code == Code.DATE_MISSING`
and `notice.code == "date-missing"` are the same test. A test checks that this
list and docs/notices.md agree.
"""

from __future__ import annotations

from enum import StrEnum

from pressconv.model import Notice


class Code(StrEnum):
    # Reading: encodings and text repairs.
    DECODED_WINDOWS_1252 = "decoded-windows-1252"
    REPAIRED_MOJIBAKE = "repaired-mojibake"
    # Reading: the header (title, dates, byline, issuer, label).
    DATE_MISSING = "date-missing"
    DATE_UNREADABLE = "date-unreadable"
    DATE_INVALID = "date-invalid"
    DATE_AMBIGUOUS = "date-ambiguous"
    DATE_FROM_DATELINE = "date-from-dateline"
    DATE_FROM_PAGE = "date-from-page"
    DATE_NO_YEAR = "date-no-year"
    DATE_TWO_DIGIT_YEAR = "date-two-digit-year"
    LABEL_DROPPED = "label-dropped"
    BYLINE_FOUND = "byline-found"
    ISSUER_FOUND = "issuer-found"
    UPDATED_FOUND = "updated-found"
    NO_BODY = "no-body"
    # Reading: the body's structure, and pages.
    STRUCTURE_FOUND = "structure-found"
    READER_CHOSEN = "reader-chosen"
    FIELD_SANITISED = "field-sanitised"
    # Cleaning.
    CHROME_REMOVED = "page-chrome-removed"
    # Writing.
    FALLBACK_FONT = "fallback-font"
    MISSING_GLYPH = "missing-glyph"
    TRUNCATED = "truncated"
    STYLES_ADDED = "styles-added"
    COVER_SANITISED = "cover-sanitised"
    # Reading: the header (appended later).
    DATE_UNMARKED = "date-unmarked"
    # Reading: web pages (appended later).
    TITLE_FROM_BODY = "title-from-body"
    BYTES_REPLACED = "bytes-replaced"
    # Reading: the language (appended later).
    LANGUAGE_UNKNOWN = "language-unknown"
    # Reading: a release with no title (appended later).
    TITLE_MISSING = "title-missing"


def notice(code: Code, message: str) -> Notice:
    """A `Notice` with a built-in code (its string value, so JSON and comparisons stay plain)."""
    return Notice(str(code), message)


#: Codes that are facts of life rather than warnings: the CLI shows them only with --verbose.
QUIET = frozenset({Code.DATE_AMBIGUOUS, Code.DATE_TWO_DIGIT_YEAR, Code.BYLINE_FOUND, Code.ISSUER_FOUND,
                   Code.UPDATED_FOUND, Code.STRUCTURE_FOUND, Code.READER_CHOSEN, Code.LABEL_DROPPED, Code.DATE_FROM_PAGE,
                   Code.DATE_UNMARKED})  # fmt: skip
