"""The judges (tests/judges.py) can fail: each finds the fault planted in a small file made here.

A judge that passes everything proves nothing, and a broken install (no browser, a judge that crashes,
a colour-scheme flag Chromium ignores) could otherwise pass every output silently.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

import judges

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Judge self-check</title>
<style>
body {{ color: #111; background: #fff; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #777; background: #888; }} }}
</style></head>
<body><main><h1>Judge self-check</h1><p>Plain text, dark grey on white; grey on grey when dark.</p>{extra}</main></body>
</html>
"""


def _page(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(extra=extra), encoding="utf-8")
    return path


@pytest.mark.slow
def test_axe_finds_an_image_without_alt(tmp_path: Path) -> None:
    rules = {finding["rule"] for finding in judges.axe_violations(_page(tmp_path, '<img src="x.png">'))}
    assert rules == {"image-alt"}


@pytest.mark.slow
def test_axe_dark_scheme_really_switches(tmp_path: Path) -> None:
    # The page's dark stylesheet has grey on grey: only a browser that matched prefers-color-scheme: dark sees it.
    page = _page(tmp_path)
    assert judges.axe_violations(page, "light") == []
    dark = judges.axe_violations(page, "dark")
    assert {finding["rule"] for finding in dark} == {"color-contrast"}
    assert {finding["location"] for finding in dark} == {"h1", "p"}


def _epub(path: Path, metadata: str = "") -> Path:
    """A minimal EPUB 3 (valid apart from what the caller leaves out) with one content document."""
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:5b1c3a4e-0000-4000-8000-000000000001</dc:identifier>
    <dc:title>Judge self-check</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>{metadata}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>"""
    xhtml = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>Judge self-check</title></head><body>{}</body></html>"""
    nav = '<nav epub:type="toc" role="doc-toc"><h1>Contents</h1><ol><li><a href="c1.xhtml">Judge self-check</a></li></ol></nav>'
    container = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
    with zipfile.ZipFile(path, "w") as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        epub.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        epub.writestr("EPUB/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        epub.writestr("EPUB/nav.xhtml", xhtml.format(nav), compress_type=zipfile.ZIP_DEFLATED)
        epub.writestr("EPUB/c1.xhtml", xhtml.format("<h1>Judge self-check</h1><p>Text.</p>"), compress_type=zipfile.ZIP_DEFLATED)
    return path


ACCESSIBILITY_METADATA = """
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Text with headings and a table of contents.</meta>"""


@pytest.mark.slow
def test_ace_finds_missing_accessibility_metadata(tmp_path: Path) -> None:
    findings = judges.ace_violations(_epub(tmp_path / "bare.epub"))
    rules = {finding["rule"] for finding in findings}
    assert {"metadata-accessmode", "metadata-accessibilityfeature", "metadata-accessibilityhazard"} <= rules
    assert all(finding["location"] == "EPUB/content.opf" for finding in findings)
    # The same book with the metadata: Ace passes it, so the findings above came from what was left out.
    assert judges.ace_violations(_epub(tmp_path / "described.epub", ACCESSIBILITY_METADATA)) == []


def _untagged_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Untagged text")
    pdf.save()
    return path


def test_pdf_judges_fail_an_untagged_pdf(tmp_path: Path) -> None:
    pdf = _untagged_pdf(tmp_path / "untagged.pdf")
    ua1 = judges.pdf_ua_failures(pdf, "ua1")
    assert any(failure.startswith("PDFUA1-STRUCT-TREE-ROOT-001:") for failure in ua1), ua1
    pdfa = judges.pdf_ua_failures(pdf, "2a")
    assert any(failure.startswith("PDFA2A-STRUCT-TREE-ROOT-001:") for failure in pdfa), pdfa
    findings = judges.pdfua_findings(pdf)
    assert any(finding.startswith("UA-01-005 [error]") for finding in findings), findings
    assert judges.struct_text(pdf) == ""


def test_struct_text_shows_the_tags(tmp_path: Path) -> None:
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.open(_untagged_pdf(tmp_path / "untagged.pdf"))
    page = pdf.pages[0]
    page.Contents.write(b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Tagged text) Tj ET EMC")
    paragraph = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, K=0, Pg=page.obj))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array([paragraph])))
    root = pdf.make_indirect(
        Dictionary(Type=Name.StructTreeRoot, K=document, ParentTree=Dictionary(Nums=Array([0, Array([paragraph])])))
    )
    paragraph.P, document.P, page.obj.StructParents = document, root, 0
    pdf.Root.StructTreeRoot, pdf.Root.MarkInfo = root, Dictionary(Marked=True)
    pdf.save(tmp_path / "tagged.pdf")
    assert judges.struct_text(tmp_path / "tagged.pdf").split() == ["Document", "P", "(block)", '"Tagged', 'text"']


def test_pdfua_crash_that_exits_zero_is_a_finding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # pdfua turns a rule that raises into a "not evaluated" note and may exit 0; neither may read as clean.
    pdf = tmp_path / "any.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    report = {"findings": [], "skipped": [{"rule_id": "UA-13-004", "reason": "rule raised KeyError: '/Alt'"}]}
    outputs = [
        (json.dumps(report), ""),
        (json.dumps({"findings": [], "skipped": []}), 'Traceback (most recent call last):\n  ...\nKeyError: "/K"'),
        ("", ""),
    ]
    monkeypatch.setattr(judges, "require_tool", lambda name: name)
    for stdout, stderr in outputs:
        done = subprocess.CompletedProcess(["pdfua"], 0, stdout, stderr)
        monkeypatch.setattr(judges, "_run", lambda argv, timeout, done=done, **kwargs: done)
        assert judges.pdfua_findings(pdf) != [], (stdout, stderr)
