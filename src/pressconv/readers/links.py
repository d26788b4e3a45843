"""Links inside a line of text: web addresses and e-mail addresses, as `Link` spans.

Press releases write addresses the way people read them: with a scheme
(``https://www.northshire.gov.uk/budget``), without one (``www.nhs.uk``,
``northshire.gov.uk/consult``) or as an e-mail address. `find_links` says
where each one is and where it points; the text itself is never changed.

Conservative where prose could be mistaken for an address:

- punctuation that ends the sentence (``.``, ``,``, ``)``, a closing quote…)
  is not part of the address, but a ``)`` that closes a ``(`` inside it is;
- an address without a scheme or ``www.`` needs a known top-level domain in
  lower case (``gov.uk``, ``.org``, ``.com``…), so a scraped "year.The" or an
  initial like "J.Smith" is never a link, and two-letter domains that are also
  words ("it", "in", "to", "me"…) are not in the list.
"""

from __future__ import annotations

import re

from pressconv.model import Link
from pressconv.readers.patterns import lazy_pattern

# Characters that never belong to an address written in prose: spaces, angle brackets and quotation marks.
_URL_CHAR = r"[^\s<>\"“”‘’«»\[\]{}|\\^`]"
# Top-level domains that are safe to recognise without a scheme: none of them is an English word.
_BARE_TLDS = (
    "com|org|net|edu|gov|int|info|biz|eu|uk|ie|de|fr|es|nl|be|ch|se|dk|fi|pl|cz|pt|ca|au|nz|za|jp|cn|ru|br|mx|"
    "wales|cymru|scot|london|io"
)
_LINK = lazy_pattern(
    # An e-mail address: local part, "@", a domain with at least one dot.
    r"(?P<email>(?<![\w.+-])[\w.+-]*\w@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})(?![\w@])"
    # An address with a scheme.
    rf"|(?P<scheme>(?<![\w@/])(?i:https?)://{_URL_CHAR}+)"
    # www. without a scheme.
    rf"|(?P<www>(?<![\w@./-])(?i:www)\d?\.[\w-]+(?:\.[\w-]+)+{_URL_CHAR}*)"
    # A bare domain with a known top-level domain: northshire.gov.uk, nhs.uk/conditions.
    # Any two-letter country after a second level such as gov. or co. (railmadad.gov.in, x.co.jp); never a domain cut short.
    rf"|(?P<bare>(?<![\w@./:-])[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    rf"\.(?:{_BARE_TLDS}|(?:gov|govt|ac|co|com|org|net|edu|nic|mil)\.[a-z]{{2}})(?![\w-]|\.[A-Za-z0-9])(?:/{_URL_CHAR}*)?)",
)
# Every kind of address has a dot with a letter or digit after it; prose keeps a space after its full stops.
# The quick reject before the long regular expression runs (a literal-led search, several times faster), and
# before it is compiled: `_LINK` is compiled on first use, as most lines and many releases have no address.
_HINT = re.compile(r"\.\w")
_TRAILING = ".,;:!?'’”\"»)]}*…"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def find_links(text: str) -> tuple[Link, ...]:
    """Every web and e-mail address in `text`, in order, as spans of `text` with a normalised href.

    `www.x.org` points at ``https://www.x.org``, a bare ``x.gov.uk/page`` at
    ``https://x.gov.uk/page``, ``press@x.org`` at ``mailto:press@x.org``; an
    address with a scheme points at itself. Linear in the length of the text.
    """
    if _HINT.search(text) is None:
        return ()
    links: list[Link] = []
    for match in _LINK().finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind != "email":
            end = start + len(_trim(text[start:end]))
        found = text[start:end]
        if kind == "email":
            href = "mailto:" + found
        elif kind == "scheme":
            if found.endswith("://") or "." not in found.split("://", 1)[1]:
                continue
            scheme, rest = found.split("://", 1)
            href = scheme.lower() + "://" + rest
        else:
            if found.endswith("."):
                continue
            href = "https://" + found
        links.append(Link(start, end, href))
    return tuple(links)


def _trim(address: str) -> str:
    """The address without the punctuation of the sentence around it; a bracket it opened itself stays."""
    while address and address[-1] in _TRAILING:
        last = address[-1]
        opener = _PAIRS.get(last)
        if opener is not None and address.count(opener) >= address.count(last):
            break
        address = address[:-1]
    return address
