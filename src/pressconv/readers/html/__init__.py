"""The `html` reader as the registry sees it: its name, formats, sniff and `read`, without the reading.

Choosing a reader for bytes that have no file name asks every reader's
`sniff`; a raw text release is read only after the html reader has said no.
So the object the registry loads is kept apart from the pipeline that reads a
page (`pipeline` and the modules it uses: BeautifulSoup helpers and several
dozen patterns, ≈ 20 ms to import), which `read` imports on the first page it
reads. Sniffing costs one pattern on the first 4 KB.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pressconv.errors import InputError, PressconvError
from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.readers.html.decoding import split_http_head

_HTML_START = re.compile(
    # A whole page, or a saved fragment that starts with a block element ("<div class=…>", "<article>").
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|table|center|header)\b",
    re.I | re.S,
)


class HtmlReader:
    name: ClassVar[str] = "html"
    description: ClassVar[str] = "saved press-release web pages (HTML, XHTML), with the site around the release left out"
    media_types: ClassVar[tuple[str, ...]] = ("text/html", "application/xhtml+xml")
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")

    def sniff(self, head: bytes) -> bool:
        body, _ = split_http_head(head)
        return _HTML_START.match(body.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None

    def read(self, data: bytes, options: ReadOptions) -> Release:
        from pressconv.readers.html.pipeline import read_page

        try:
            return read_page(data, options)
        except PressconvError:
            raise
        except RecursionError:
            raise InputError("the page is nested too deeply to read") from None
        except Exception as error:
            raise InputError(f"the page could not be read: {type(error).__name__}: {error}") from error
