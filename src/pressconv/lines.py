"""What a line of a release is, for the readers and the cleaner alike: page chrome, or a copy of the title.

Both the readers and the cleaning steps must agree on these answers: the text
reader sets the page's own lines at the top aside before it reads the header
(`is_chrome`), the `page-chrome` step removes the same lines lower down, and the
`repeats` step removes a body line that is the title again (`is_title_copy`).
Kept here, outside both packages, so the flow stays one way — read, then
clean, then write — with neither package importing the other.

`is_title_copy` reads a copy's glued tail with the header's own part grammar
(`pressconv.readers.header`), so that a tail the header would read is the
tail a copy may carry: this module depends on the reader's grammar, never the
reverse.

Page chrome: a line is chrome only when *the whole line* is one of the shapes
in `CHROME_PATTERNS` (matched from its first character to its last), so a
sentence of the release is never chrome however much it mentions sharing,
printing or images — "Residents can share their views on Facebook until 3
May." stays, because it is more than a widget's label.
"""

from __future__ import annotations

import datetime
import functools
import re

from pressconv import lexicon
from pressconv.readers import dates
from pressconv.readers.header import PartKind, glued_parts, is_org_prefix, is_site_prefix

#: Whole lines that are the page around the release, by kind, built from the lexicon's concepts (any language
#: with a data file). Each is matched against the whole line, so the order of a concept's entries never matters.
CHROME_PATTERNS: tuple[tuple[str, str], ...] = tuple(
    (kind, lexicon.expand(template))
    for kind, template in (
        # A row of widget labels, each perhaps followed by "(opens in new tab)" as screen-reader text leaves it.
        # One repeated group whose first turn may not start with a separator: the same language as "label, then
        # (separator, label)*", with the long label alternation compiled once instead of twice. The separator is
        # spaces, then perhaps one mark and more spaces: never two quantifiers that can take the same space (with
        # "\s*[|…]?\s*" every space between n labels could go to either side, 2^n ways to fail).
        (
            "widgets",
            r"(?![\s|•·/,:\-–])(?:\s*(?:[|•·/,:\-–]\s*)?(?:{share}|{network}|{print})(?:\s*\((?:{new_window})\))?)+",
        ),
        ("navigation", r"{navigation}"),
        ("tags", r"{tags}"),
        ("comments", r"{comments}"),
        (
            "cookies",
            # A banner says what the cookies are for: the site, your experience, analytics (not "We use cookies
            # from local bakers").
            r"(?:{cookie_subject})\s+(?:[\w-]+\s+){0,3}(?:{cookie_word})\b(?=.*\b(?:{cookie_purpose})\b).*|{cookie}",
        ),
        ("captions", r"(?:{caption_label})\s*:\s*.{1,300}|{caption}"),
        ("copyright", r"{copyright}"),
        # "© 2024 Acme Inc. All rights reserved.": tried only on a line holding a `rights_word` (see `is_chrome`).
        ("rights-reserved", r".{0,100}(?:{rights_reserved})\.?"),
        ("site-notices", r"{site_notice}"),
    )
)

_LONG_KINDS = frozenset({"cookies", "site-notices"})
#: A line longer than `_SHORT` can match a long-kind pattern only if it holds one of these (see `is_chrome`).
_LONG_LINE_WORDS = lexicon.words("long_line_word")
#: The "rights-reserved" kind is tried only on a line holding one of these: its `.{0,100}` before the phrase was
#: half the cost of testing an ordinary sentence.
_RIGHTS_WORDS = lexicon.words("rights_word")
_SHORT = 160
_LONGEST = 600
_TRIM = " \t:|›»>•·-–—"


@functools.lru_cache(maxsize=4)
def _compiled(long_lines: bool, rights: bool) -> re.Pattern[str]:
    """Every pattern, or (`long_lines`) only those a long line may match, with or without (`rights`) the
    "rights-reserved" kind; each compiled on first use.

    Compiling the alternation takes milliseconds; `import pressconv` (and so
    `pressconv --help`) should not pay for it, nor should a release with no
    long line pay for the long-line patterns.
    """
    # Long lines are chrome only as a cookie banner or a browser warning: test those alone.
    kinds = [
        pattern
        for kind, pattern in CHROME_PATTERNS
        if (not long_lines or kind in _LONG_KINDS) and (rights or kind != "rights-reserved")
    ]
    return re.compile("|".join(f"(?:{pattern})" for pattern in kinds), re.IGNORECASE)


def is_chrome(text: str) -> bool:
    """True when the whole of `text` is a line of the web page (a widget, navigation, banner, caption…)."""
    line = text.strip(_TRIM)
    if not line or len(line) > _LONGEST:
        return False
    folded = line.casefold()
    if len(line) > _SHORT:
        # Only a cookie banner or a browser notice runs this long, and every such pattern names one of these
        # words: a sentence of the release without them is no chrome, and needs no regular expression.
        if not any(word in folded for word in _LONG_LINE_WORDS):
            return False
        return _compiled(True, False).fullmatch(line) is not None
    rights = any(word in folded for word in _RIGHTS_WORDS)
    return _compiled(False, rights).fullmatch(line) is not None


_COPY_PREFIX = functools.partial(lexicon.pattern, r"(?:\[[^\]]{1,60}\]|(?:{copy_prefix})\s*:)\s*")
_COPY_LABEL = functools.partial(lexicon.pattern, r"(?:{label})\s*[:|\-–—]\s*")
_MAX_COPY_EXTRA = 200
_COPY_SEPARATORS = " |•·;,–—-:/([)]"
#: What a copy may carry glued on besides a date.
_COPY_TAIL_KINDS = frozenset({PartKind.BYLINE, PartKind.LABEL, PartKind.ISSUER, PartKind.UPDATED})


def is_title_copy(text: str, title: str, date: datetime.date | None, *, key: str, title_key: str) -> bool:
    """True when a body line is the title again: in another letter case (an ALL-CAPS copy), with its date
    marker glued on (the whole title line scraped twice), or behind a list, site or date prefix
    ("[press-list] Title", "14.02.2023: Title", "Site name | Title"). `key` and `title_key` are the
    typographic keys of `text` and `title`. Cheap: most lines fail the length test or the substring test."""
    if not title_key or len(key) < len(title_key) or len(key) > len(title_key) + _MAX_COPY_EXTRA:
        return False
    folded, folded_title = key.casefold(), title_key.casefold()
    at = folded.find(folded_title)
    if at < 0:
        return False
    aligned = len(folded) == len(key) and len(folded_title) == len(title_key)
    source = key if aligned else folded
    prefix, rest = source[:at], source[at + len(folded_title) :]
    if prefix and not _is_copy_prefix(prefix, date):
        return False
    if not rest:
        return True
    # Glued on, a tail starts a new word by its case ("depotPublished", "DEPOTPublished"); else the title is
    # only the start of a longer sentence ("… depots across the county").
    case_change = rest[:1].isupper() and (not title_key[-1:].isupper() or rest[1:2].islower())
    if rest[:1].isalnum() and title_key[-1:].isalnum() and not case_change:
        return False
    start = len(rest) - len(rest.lstrip(_COPY_SEPARATORS))  # keys keep no space beside a dash: "Title-Site"
    parts = glued_parts(rest, start)
    if parts is None:
        return False
    dated = [part for part in parts if part.kind is PartKind.DATE and part.found is not None]
    if not dated:
        return all(part.kind in _COPY_TAIL_KINDS for part in parts)
    read, _ = dates.read_match(dated[0].found, month_first=False) if dated[0].found else (None, [])
    if date is None or read is None or read == date:
        return True
    month_first_read, _ = dates.read_match(dated[0].found, month_first=True) if dated[0].found else (None, [])
    return month_first_read == date


def _is_copy_prefix(prefix: str, date: datetime.date | None) -> bool:
    """A list tag ("[press-list] "), a forward marker, a date ("14.02.2023: ") or a site name ("Site | ")."""
    pos = 0
    tag = _COPY_PREFIX().match(prefix) or _COPY_LABEL().match(prefix)
    if tag is not None:
        pos = tag.end()
        if pos == len(prefix):
            return True
    found = dates.match_date(prefix, pos, partial=False)
    if found is not None:
        rest = prefix[found.end :]
        if rest.strip(" :|-–—,") == "":
            read, _ = dates.read_match(found)
            read_us, _ = dates.read_match(found, month_first=True)
            return date is None or date in (read, read_us) or read is None
        return False
    site = prefix[pos:]
    if site.endswith((" | ", "|")) and len(site.split()) <= 7:
        return is_site_prefix(site)
    name = site.rstrip(" -–—:")
    # "Northshire Council - Title": behind a dash, only an organisation's name.
    return name != site and is_org_prefix(name)
