"""The packaged house template is exactly what scripts/build_docx_template.py builds, and what the writer needs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from conftest import load_script
from pressconv.writers.docx import template

PACKAGED = Path(template.__file__).with_name("house.docx")


def test_regenerating_the_template_gives_the_packaged_bytes() -> None:
    """Edit the script, run it, commit both: this fails when one was changed without the other."""
    assert load_script("build_docx_template").build() == PACKAGED.read_bytes(), "run: python scripts/build_docx_template.py"


def test_the_template_is_lean_and_its_parts_are_well_formed() -> None:
    data = PACKAGED.read_bytes()
    assert len(data) < 32 * 1024
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                from lxml import etree

                etree.fromstring(package.read(name))  # raises on a malformed part


def test_the_template_defines_every_style_the_writer_uses() -> None:
    document = docx.Document(str(PACKAGED))
    names = {style.name.lower(): style.type for style in document.styles}
    for name, kind in template.STYLES.values():
        assert name in names, name
        assert names[name] == {"paragraph": 1, "character": 2}[kind], name
    assert not document.paragraphs  # no text of its own
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
