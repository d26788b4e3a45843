"""Build pressconv's lean DOCX house template, `src/pressconv/writers/docx/house.docx`.

The template is written here part by part, from the XML below, instead of
being slimmed from python-docx's 900 KB default at run time (which cost about
55 ms in every process). It holds only what a press release uses:

- styles: Normal, Title, Date, Release Info, Heading 1–6, List Bullet, List Number, Notes
  Text, Contact, End Mark, Hyperlink, header, footer, TOC Heading, toc 1 —
  with outline levels on the title and headings (Word's navigation pane and
  LibreOffice's tagged PDF see them);
- numbering: one bullet and one decimal list definition (the writer adds a
  `w:num` per numbered list, so each restarts at its own start);
- a section with A4 page, a running-title header and a "Page N of M" footer
  (the writer fills both; the first page has no header, since the title is
  right there).

Every entry is stored uncompressed with a fixed time, so the bytes depend on
this file alone (not on the zlib in use): `tests/writers/docx/test_docx_template.py`
checks that running this script gives the packaged file, byte for byte.

Run it after editing:  python scripts/build_docx_template.py
Users may start their own `--reference-doc` from the result: open it in Word
or LibreOffice, restyle, save under another name.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "pressconv" / "writers" / "docx" / "house.docx"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = f"""{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>\
<Override PartName="/word/numbering.xml" ContentType="{_WML}.numbering+xml"/>\
<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>\
<Override PartName="/word/header1.xml" ContentType="{_WML}.header+xml"/>\
<Override PartName="/word/footer1.xml" ContentType="{_WML}.footer+xml"/>\
<Override PartName="/word/footer2.xml" ContentType="{_WML}.footer+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

PACKAGE_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PR}">\
<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{_R}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

CORE = f"""{_DECLARATION}<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>pressconv house template</dc:title>\
<cp:revision>1</cp:revision></cp:coreProperties>"""

APP = f"""{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>pressconv</Application></Properties>"""

DOCUMENT_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PR}">\
<Relationship Id="rId1" Type="{_R}/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{_R}/numbering" Target="numbering.xml"/>\
<Relationship Id="rId3" Type="{_R}/settings" Target="settings.xml"/>\
<Relationship Id="rId4" Type="{_R}/header" Target="header1.xml"/>\
<Relationship Id="rId5" Type="{_R}/footer" Target="footer1.xml"/>\
<Relationship Id="rId6" Type="{_R}/footer" Target="footer2.xml"/>\
</Relationships>"""

# A4 with 2.5 cm margins; the header and footer sit 1.25 cm from the edge. titlePg: the first page
# has its own footer (page numbers) and no header.
DOCUMENT = f"""{_DECLARATION}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>\
<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>\
<w:footerReference w:type="default" r:id="rId5"/><w:footerReference w:type="first" r:id="rId6"/>\
<w:pgSz w:w="11906" w:h="16838"/>\
<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="709" w:footer="709" w:gutter="0"/>\
<w:cols w:space="708"/><w:titlePg/></w:sectPr></w:body></w:document>"""

HEADER = f"""{_DECLARATION}<w:hdr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>"""
FOOTER = f"""{_DECLARATION}<w:ftr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>"""

SETTINGS = f"""{_DECLARATION}<w:settings xmlns:w="{_W}" xmlns:r="{_R}">\
<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>\
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
</w:settings>"""

NUMBERING = f"""{_DECLARATION}<w:numbering xmlns:w="{_W}" xmlns:r="{_R}">\
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:name w:val="pressconv bullets"/>\
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>\
<w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>\
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:name w:val="pressconv numbers"/>\
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>\
<w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
</w:numbering>"""

_FONT = '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
_GREY = '<w:color w:val="595959"/>'
#: The title's colour, for every heading too (the PDF and HTML set headings in the title's navy).
_NAVY = '<w:color w:val="1B2A41"/>'


def _style(style_id: str, name: str, ppr: str = "", rpr: str = "", *, based: str = "Normal", next_style: str = "",
           kind: str = "paragraph", extra: str = "") -> str:  # fmt: skip
    """One `w:style`, its children in the order the schema requires."""
    parts = [f'<w:style w:type="{kind}" w:styleId="{style_id}"{extra}><w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size_pt: float, space_before_pt: int) -> str:
    return _style(
        f"Heading{level}", f"heading {level}",
        f'<w:keepNext/><w:keepLines/><w:spacing w:before="{space_before_pt * 20}" w:after="120"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>',
        f'<w:b/><w:bCs/>{"<w:i/><w:iCs/>" if level >= 4 else ""}{_NAVY}<w:sz w:val="{int(size_pt * 2)}"/>'
        f'<w:szCs w:val="{int(size_pt * 2)}"/>',
        next_style="Normal",
    )  # fmt: skip


# fmt: off
STYLES = "".join(
    [
        _DECLARATION,
        f'<w:styles xmlns:w="{_W}" xmlns:r="{_R}">',
        f'<w:docDefaults><w:rPrDefault><w:rPr>{_FONT}<w:sz w:val="22"/><w:szCs w:val="22"/>'
        '<w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
        _style("Normal", "Normal", "<w:widowControl/>", based="", extra=' w:default="1"'),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
        "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
        '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
        "<w:semiHidden/><w:unhideWhenUsed/></w:style>",
        # The title is the document's first heading: outline level 1 (H1 in a tagged PDF, first in the navigation pane).
        _style("Title", "Title", '<w:keepNext/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/>'
               '<w:contextualSpacing/><w:outlineLvl w:val="0"/>',
               f'<w:b/><w:bCs/>{_NAVY}<w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/>', next_style="Date"),
        _style("Date", "Date", '<w:keepNext/><w:spacing w:after="360"/>', _GREY, next_style="Normal"),
        # The byline and the issuer under the date (an update's date is in Date).
        _style("ReleaseInfo", "Release Info", '<w:keepNext/><w:spacing w:after="360"/>', _GREY, next_style="Normal"),
        _heading(1, 16, 12),
        _heading(2, 13, 12),
        _heading(3, 12, 10),
        _heading(4, 11, 10),
        _heading(5, 11, 8),
        _heading(6, 11, 8),
        _style("ListBullet", "List Bullet", '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="160"/>'
               "<w:contextualSpacing/>"),
        _style("ListNumber", "List Number", '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="160"/>'
               "<w:contextualSpacing/>"),
        _style("NotesText", "Notes Text", '<w:spacing w:after="120"/>', '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
        _style("Contact", "Contact", '<w:keepNext/><w:keepLines/><w:spacing w:after="0"/>'),
        _style("EndMark", "End Mark", '<w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
               f'{_GREY}<w:sz w:val="20"/><w:szCs w:val="20"/>', next_style="Normal"),
        _style("Hyperlink", "Hyperlink", rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>', based="DefaultParagraphFont",
               kind="character"),
        _style("Header", "header", '<w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', f'{_GREY}<w:sz w:val="18"/><w:szCs w:val="18"/>'),
        _style("Footer", "footer", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
               f'{_GREY}<w:sz w:val="18"/><w:szCs w:val="18"/>'),
        # Not an outline level: the contents page's own heading stays out of the contents and the navigation pane.
        _style("TOCHeading", "TOC Heading", '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="9"/>',
               f'<w:b/><w:bCs/>{_NAVY}<w:sz w:val="32"/><w:szCs w:val="32"/>', next_style="Normal"),
        # A hanging indent and a dotted right tab: a long title wraps under itself, the page number stays right.
        _style("TOC1", "toc 1", '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs>'
               '<w:spacing w:after="100"/><w:ind w:left="284" w:right="567" w:hanging="284"/>', next_style="Normal"),
        "</w:styles>",
    ]
)
# fmt: on

#: Part name → content, in the order the package is written ([Content_Types].xml first, as OOXML readers expect).
PARTS: tuple[tuple[str, str], ...] = (
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", PACKAGE_RELS),
    ("docProps/core.xml", CORE),
    ("docProps/app.xml", APP),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("word/styles.xml", STYLES),
    ("word/numbering.xml", NUMBERING),
    ("word/settings.xml", SETTINGS),
    ("word/header1.xml", HEADER),
    ("word/footer1.xml", FOOTER),
    ("word/footer2.xml", FOOTER),
)


def build() -> bytes:
    """The template's bytes: every part stored (not deflated) with a fixed time, so they depend on this file only."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in PARTS:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


def main() -> int:
    data = build()
    if OUTPUT.exists() and OUTPUT.read_bytes() == data:
        print(f"{OUTPUT} is up to date")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
