"""Cover images from users: their real type by their bytes, and SVG made safe with a real XML parser.

An SVG is a program as much as a picture: it can carry scripts, event
handlers, `<foreignObject>` HTML, references that make a reading system fetch
from the network, and entity declarations that expand to gigabytes. An EPUB
holding any of that fails epubcheck and may act on the reader's device. So
an SVG cover is parsed (never searched with a regular expression), anything
active or remote is removed and reported, and what cannot be parsed safely —
a DOCTYPE or an entity declaration, which nothing in a cover needs — is
refused with an `OptionError` before any release is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pressconv.errors import OptionError

if TYPE_CHECKING:
    from lxml import etree

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"

# Raster images an EPUB 3 cover may be, by their first bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
)
# Elements that run code, embed another document or fetch one, in any namespace.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "audio", "video",
                              "discard"})  # fmt: skip
_ANIMATIONS = frozenset({"set", "animate", "animateTransform", "animateMotion"})
# A reference that stays inside the file, or a raster image carried in it.
_SAFE_HREF = re.compile(r"\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)


def _remote_css(css: str) -> bool:
    """Whether a stylesheet (or a style attribute) could fetch anything: read as a browser reads it, without
    comments (`@im/**/port` is no import, but `/* x */ @import` is) and with escapes decoded (`@\\69mport`)."""
    plain = _CSS_ESCAPE.sub(_unescape, _CSS_COMMENT.sub("", css))
    return bool(_REMOTE_CSS.search(plain)) or bool(_REMOTE_CSS.search(css))


def _unescape(match: re.Match[str]) -> str:
    if match[1]:
        code = int(match[1], 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match[2]


# CSS that fetches: @import, or url(...) to anything but a fragment or inline raster data.
_REMOTE_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CoverImage:
    """A cover ready to store: its bytes, media type and file suffix, and what was removed from it."""

    data: bytes
    media_type: str
    suffix: str
    removed: tuple[str, ...] = ()


def cover_image(data: bytes, name: str) -> CoverImage:
    """The cover's real type, from its bytes whatever its name says; an SVG is sanitised.

    Raises `OptionError` for anything that is not a PNG, JPEG, GIF, WebP or an SVG that can be made safe.
    """
    for signature, media_type, suffix in _SIGNATURES:
        if data.startswith(signature):
            return CoverImage(data, media_type, suffix)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return CoverImage(data, "image/webp", ".webp")
    if _looks_like_xml(data):
        cleaned, removed = sanitise_svg(data, name)
        return CoverImage(cleaned, "image/svg+xml", ".svg", removed)
    raise OptionError(f"{name} is not a PNG, JPEG, GIF, WebP or SVG image; EPUB covers must be one of those")


def _looks_like_xml(data: bytes) -> bool:
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"<")


def sanitise_svg(data: bytes, name: str) -> tuple[bytes, tuple[str, ...]]:
    """`data` without scripts, event handlers, embedded documents or remote references, and what was removed.

    The file is returned unchanged when nothing had to go. Refuses (OptionError) what is not
    well-formed XML, has no `<svg>` root, or declares a DOCTYPE or entities.
    """
    removed = list(_refuse_declarations(data, name))
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OptionError(f"the cover image {name} is not well-formed XML ({error}); an SVG cover must be") from None
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise OptionError(f"the cover image {name} is XML but not SVG (its root is {root.tag!r}, not an <svg> element)")
    removed += _clean(root)
    if not removed:
        return data, ()
    cleaned = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return cleaned + b"\n", tuple(removed)


def _refuse_declarations(data: bytes, name: str) -> list[str]:
    """Scan with expat before any tree is built: refuse DOCTYPEs and entities, note processing instructions.

    Nothing in a picture needs a DTD, and refusing it outright closes every entity-expansion
    and external-entity attack, whatever the tree parser would have done with it.
    """
    from xml.parsers import expat

    def refuse(*_: object) -> None:
        raise OptionError(f"the cover image {name} declares a DOCTYPE or entities, which an SVG cover may not; remove them")

    instructions: list[str] = []

    def instruction(target: str, _: str) -> None:
        instructions.append(f"a <?{target}?> processing instruction")

    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = refuse
    scanner.EntityDeclHandler = refuse
    scanner.UnparsedEntityDeclHandler = refuse
    scanner.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    scanner.ProcessingInstructionHandler = instruction
    scanner.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        scanner.Parse(data, True)
    except expat.ExpatError as error:
        raise OptionError(f"the cover image {name} is not well-formed XML ({error}); an SVG cover must be") from None
    return instructions


def _local(qualified: str) -> tuple[str, str]:
    """(namespace, local name) of an lxml tag or attribute name."""
    if qualified.startswith("{"):
        namespace, _, local = qualified[1:].partition("}")
        return namespace, local
    return "", qualified


def _clean(element: etree._Element) -> list[str]:
    """Remove, in place, every active or remote part of the tree under `element`; describe each removal."""
    removed: list[str] = []
    local = _local(str(element.tag))[1]
    for attribute, value in list(element.attrib.items()):
        attribute_namespace, attribute_local = _local(str(attribute))
        if _unsafe_attribute(attribute_namespace, attribute_local, str(value)):
            removed.append(f"the {attribute_local} attribute of <{local}>")
            del element.attrib[attribute]
    for child in list(element):
        if not isinstance(child.tag, str):  # comments
            continue
        namespace, child_local = _local(child.tag)
        if _must_drop(child, namespace, child_local):
            removed.append(f"a <{child_local}> element")
            element.remove(child)
        else:
            removed += _clean(child)
    return removed


def _must_drop(element: etree._Element, namespace: str, local: str) -> bool:
    if local in _ACTIVE_ELEMENTS:
        return True
    if namespace != SVG_NAMESPACE:
        # Editors' own metadata (Inkscape, RDF) is harmless inside <metadata>; anything else foreign is not SVG.
        return not namespace or not any(_local(str(a.tag)) == (SVG_NAMESPACE, "metadata") for a in element.iterancestors())
    if local in _ANIMATIONS:
        target = (element.get("attributeName") or "").strip().lower()
        return target.endswith("href") or target.startswith("on")
    if local == "style":
        # The whole stylesheet: text after a comment (a comment node's tail) is CSS too, and so is a CDATA section.
        return _remote_css("".join(str(part) for part in element.itertext()))
    if local == "a":
        # A link out of the cover goes nowhere useful on a shelf; links inside it stay.
        href = element.get("href") or element.get(f"{{{XLINK_NAMESPACE}}}href") or ""
        return bool(href) and not _SAFE_HREF.match(href)
    return False


def _unsafe_attribute(namespace: str, local: str, value: str) -> bool:
    if local.lower().startswith("on"):
        return True
    if local == "href" and namespace in {"", XLINK_NAMESPACE}:
        return not _SAFE_HREF.match(value)
    if namespace == "http://www.w3.org/XML/1998/namespace" and local == "base":
        return True
    return _remote_css(value)
