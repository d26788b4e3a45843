"""What a reader of the release's language expects to see: dates (CLDR, through Babel) and fixed labels.

Writers never spell a date or a label themselves: they ask here, with the
release's language tag, so `--lang cy` changes every word pressconv adds.
"""

from __future__ import annotations

import datetime
import functools

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip

#: The labels pressconv writes into documents, in English; catalogues translate them.
LABELS: dict[str, str] = {
    "press-release": "Press release",
    "page-n-of-m": "Page {page} of {pages}",
    "contents": "Contents",
    "notes-to-editors": "Notes to editors",
    "media-contact": "Media contact",
    "published": "Published",
    "updated": "Updated",
    "by": "By {author}",
    "press-releases": "Press releases",
    "end-of-release": "End of release",
    "cover": "Cover",
}


def format_date(value: datetime.date, language: str = "en-GB") -> str:
    """The date as a reader of `language` expects it ("7 March 2014", "March 7, 2014")."""
    month = _MONTHS[value.month - 1]
    if language.lower() in {"en-us", "en-ca", "en-ph"}:
        return f"{month} {value.day}, {value.year}"
    return f"{value.day} {month} {value.year}"


def label(key: str, language: str = "en-GB", **values: object) -> str:
    """A fixed label in `language`, falling back to English; `values` fill its {placeholders}."""
    return LABELS[key].format(**values)


@functools.lru_cache(maxsize=64)
def text_direction(language: str) -> str:
    """"rtl" for right-to-left languages (Arabic, Hebrew, Persian, Urdu…), else "ltr"."""
    return "rtl" if language.split("-", maxsplit=1)[0].lower() in {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"} else "ltr"
