"""Accessible DOCX: LibreOffice's tagged-PDF export of our documents shows the structure a screen reader needs.

The title and subheadings are in heading styles with outline levels, lists
are Word numbering and links are hyperlinks; LibreOffice turns exactly those
into H1/H2, L/LI and Link when it exports a tagged PDF, so its structure
tree (poppler's `pdfinfo -struct-text`) is an independent check of all three.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

import pressconv
from conftest import folded, require_tool
from pressconv.model import Collection, Paragraph
from samples import structured_release

_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def _elements(struct_text: str) -> list[tuple[str, str]]:
    """(structure type, its own text) for each element of `pdfinfo -struct-text`, in reading order.

    Text belongs to the nearest element above it that is indented less (a
    paragraph's text after a link inside it is the paragraph's).
    """
    elements: list[tuple[str, list[str]]] = []
    open_elements: list[tuple[int, int]] = []  # (indent, index in elements)
    for line in struct_text.splitlines():
        indent = len(line) - len(line.lstrip())
        quoted = re.fullmatch(r'\s*"(.*)"', line)
        element = re.fullmatch(r"\s*([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\))?:?", line)
        if quoted or element:
            while open_elements and open_elements[-1][0] >= indent:
                open_elements.pop()
        if quoted and open_elements:
            elements[open_elements[-1][1]][1].append(quoted.group(1))
        elif element:
            open_elements.append((indent, len(elements)))
            elements.append((element.group(1), []))
    return [(kind, folded("".join(text))) for kind, text in elements]


def _tagged(tmp_path: Path, name: str, data: bytes) -> list[tuple[str, str]]:
    soffice = require_tool("soffice")
    pdfinfo = require_tool("pdfinfo")
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", _TAGGED_PDF,
                    "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=300, check=True)  # fmt: skip
    result = subprocess.run([pdfinfo, "-struct-text", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True,
                            timeout=60, check=True)  # fmt: skip
    return _elements(result.stdout)


def _docx(release: pressconv.Release, **options: Any) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "docx", buffer, **options)
    return buffer.getvalue()


def _python_docx_template() -> bytes:
    """python-docx's default template: a Title style without an outline level, as many real templates have."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("reference", ["house", "python-docx"])
def test_libreoffice_tags_title_headings_lists_and_links(tmp_path: Path, reference: str) -> None:
    release = structured_release()
    options = {"reference_doc": _python_docx_template()} if reference == "python-docx" else {}
    elements = _tagged(tmp_path, "structured", _docx(release, **options))
    headings = [(kind, text) for kind, text in elements if re.fullmatch(r"H\d?", kind)]
    assert headings == [("H1", folded(release.title)), ("H2", "What happens next"), ("H2", "Notes to editors"),
                        ("H2", "Media contact")]  # fmt: skip
    kinds = [kind for kind, _ in elements]
    assert kinds.count("L") == 3 and kinds.count("LI") == 7
    assert ("Link", "www.northshire.gov.uk/budget") in elements and ("Link", "press@northshire.gov.uk") in elements
    # Page furniture (running title, page numbers) is no part of the structure.
    assert not any("Page 1" in text for _, text in elements)


@pytest.mark.slow
def test_libreoffice_tags_a_bundle_with_a_heading_per_release_and_a_toc(tmp_path: Path) -> None:
    releases = (structured_release(), pressconv.Release("Second release", None, (Paragraph("Body."),)))
    buffer = io.BytesIO()
    pressconv.get_writer("docx").write_collection(Collection("The year's releases", releases), buffer)  # type: ignore[attr-defined]
    elements = _tagged(tmp_path, "bundle", buffer.getvalue())
    assert [text for kind, text in elements if kind == "H1"] == [folded(release.title) for release in releases]
    kinds = [kind for kind, _ in elements]
    assert "TOC" in kinds and kinds.count("TOCI") == len(releases)


def test_navigation_pane_sees_the_title_and_headings() -> None:
    """What Word's navigation pane lists: paragraphs whose style (or own properties) has an outline level."""
    document = docx.Document(io.BytesIO(_docx(structured_release())))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def level(paragraph: Any) -> int | None:
        for element in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
            found = element.find(w + "outlineLvl") if element is not None else None
            if found is not None:
                return int(found.get(w + "val"))
        return None

    outline = [(level(paragraph), paragraph.text) for paragraph in document.paragraphs if level(paragraph) is not None]
    assert outline == [(0, structured_release().title), (1, "What happens next"), (1, "Notes to editors"), (1, "Media contact")]
