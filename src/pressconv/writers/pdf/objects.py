"""Low-level PDF objects reportlab does not write the way PDF/A wants: streams, XMP, the output intent.

Everything here is built from reportlab's own `pdfdoc` objects (subclassed,
never patched), so it costs no second pass over the file: the document is
written once, by reportlab, already conforming.
"""

from __future__ import annotations

import datetime
import functools
import zlib
from pathlib import Path
from typing import Any

SRGB_PROFILE = Path(__file__).resolve().parent / "sRGB.icc"
SRGB_NAME = "sRGB IEC61966-2.1"


def escape(text: str) -> str:
    """Text for XML element content (the XMP packet): &, < and > as entities.

    Not xml.sax.saxutils.escape, whose module imports urllib.request, http.client and email
    (≈ 14 ms of the first PDF) for the same three replacements.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=1)
def stream_class() -> type[Any]:
    """A `PDFStream` that puts an end-of-line before `endstream`, as PDF/A requires (ISO 19005-2, 6.1.7.1).

    reportlab writes `…data endstream` with the line end only when the data
    happens to end with one; the `/Length` it writes (the data alone) stays
    right, because the inserted end-of-line is the delimiter, not data. The
    delimiter is CR LF: compressed data may itself end in CR, and "CR" + "LF"
    would read as one end-of-line, making the data look a byte short.
    """
    from reportlab.pdfbase.pdfdoc import PDFStream

    class EolStream(PDFStream):  # type: ignore[misc]
        def format(self, document: Any) -> bytes:
            data: bytes = super().format(document)
            return data[: -len(b"endstream\n")] + b"\r\nendstream\n"

    return EolStream


@functools.lru_cache(maxsize=1)
def serialised_class() -> type[Any]:
    """A PDF object given as its serialised bytes, written as they are.

    reportlab formats its generic objects (`PDFDictionary`, `PDFArray`) by a
    recursive walk that converts every name, number and reference on its own:
    for a structure tree of tens of thousands of elements that walk was a third
    of a PDF's time. Objects whose every part is known when they are built (the
    structure tree's: see `tagging`) are serialised by one join instead, and
    reportlab only wraps them in `n 0 obj … endobj`.
    """
    from reportlab.pdfbase.pdfdoc import PDFObject

    class Serialised(PDFObject):  # type: ignore[misc]
        def __init__(self, data: bytes = b"") -> None:
            self.data = data

        def format(self, document: Any) -> bytes:
            return self.data

    return Serialised


def content_stream(content: str) -> Any:
    """A compressed page content stream (operators as latin-1 text, the way reportlab builds them)."""
    from reportlab.pdfbase.pdfdoc import PDFZCompress

    return stream_class()(content=content, filters=[PDFZCompress])


@functools.lru_cache(maxsize=1)
def _compressed_profile() -> bytes:
    """The sRGB profile, deflated once per process (7 KB, the same bytes every time)."""
    return zlib.compress(SRGB_PROFILE.read_bytes(), 9)


def output_intents(document: Any) -> Any:
    """The catalog's /OutputIntents: sRGB, the colour space every colour in the file is given in."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    profile = stream_class()(PDFDictionary({"N": 3, "Filter": PDFName("FlateDecode")}), _compressed_profile())
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(SRGB_NAME), "Info": PDFString(SRGB_NAME),
        "DestOutputProfile": document.Reference(profile),
    })  # fmt: skip
    return PDFArray([document.Reference(intent)])


def metadata_stream(xmp: bytes) -> Any:
    """The catalog's /Metadata: XMP, uncompressed so any tool (and `strings`) can read it."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName

    return stream_class()(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp)


def info_date(moment: datetime.datetime) -> str:
    """A date as the document information dictionary writes it: D:YYYYMMDDHHmmSS+00'00'."""
    return moment.astimezone(datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(moment: datetime.datetime) -> str:
    """The same instant as XMP writes it (PDF/A wants the two to agree)."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


# The PDF/A extension schema that declares pdfuaid (PDF/A allows only declared properties).
_PDFUA_SCHEMA = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>"""


def xmp_packet(info: dict[str, str], *, language: str, created: datetime.datetime | None) -> bytes:
    """XMP metadata saying what the Info dictionary says, plus PDF/A-2a and PDF/UA-1 identification.

    `info` holds the Info dictionary's text entries (Title, Author, Subject,
    Keywords, Creator, Producer, Source); each has its XMP twin here, which is
    what PDF/A checks. UTF-8 bytes, as XMP requires.
    """
    lines = ["<dc:format>application/pdf</dc:format>"]
    lines.append(f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info["Title"])}</rdf:li></rdf:Alt></dc:title>')
    if info.get("Author"):
        lines.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info['Author'])}</rdf:li></rdf:Seq></dc:creator>")
    if info.get("Subject"):
        subject = escape(info["Subject"])
        lines.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>')
    lines.append(f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>")
    if info.get("Source"):
        lines.append(f"<dc:source>{escape(info['Source'])}</dc:source>")
    if info.get("Keywords"):
        lines.append(f"<pdf:Keywords>{escape(info['Keywords'])}</pdf:Keywords>")
    lines.append(f"<pdf:Producer>{escape(info['Producer'])}</pdf:Producer>")
    lines.append(f"<xmp:CreatorTool>{escape(info['Creator'])}</xmp:CreatorTool>")
    if created is not None:
        stamp = xmp_date(created)
        lines += [f"<xmp:CreateDate>{stamp}</xmp:CreateDate>", f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
                  f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>"]  # fmt: skip
    lines += ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>"]
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
        ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n'
        + "\n".join(lines) + "\n" + _PDFUA_SCHEMA
        + "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )  # fmt: skip
    return packet.encode("utf-8")
