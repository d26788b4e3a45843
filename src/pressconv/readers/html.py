"""The `html` reader: saved press-release web pages. (Being built; see issue 17.)"""

from __future__ import annotations

import re
from typing import ClassVar

from pressconv.errors import InputError
from pressconv.model import Release
from pressconv.options import ReadOptions

_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class HtmlReader:
    name: ClassVar[str] = "html"
    description: ClassVar[str] = "saved press-release web pages (HTML, XHTML)"
    media_types: ClassVar[tuple[str, ...]] = ("text/html", "application/xhtml+xml")
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        return _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None

    def read(self, data: bytes, options: ReadOptions) -> Release:
        raise InputError("the html reader is not available yet")
