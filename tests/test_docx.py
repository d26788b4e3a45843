"""DOCX output: read back by python-docx and pandoc, opened by LibreOffice, reproducible, house-styled."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Mm, Pt
from hypothesis import HealthCheck, given, settings

import pressconv
from conftest import FIXTURE_CASES, Fixture, all_fixtures, folded, require_tool
from pressconv.l10n import format_date as human_date
from strategies import releases


def docx_bytes(release: pressconv.Release, **options: object) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "docx", buffer, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_python_docx_reads_back_the_model(fixture: Fixture) -> None:
    release = fixture.release()
    document = docx.Document(io.BytesIO(docx_bytes(release)))
    blocks = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    expected = [("Title", release.title)]
    if release.date is not None:
        expected.append(("Date", human_date(release.date, release.language)))
    expected += [("Normal", text) for text in release.paragraphs]
    assert blocks == expected
    properties = document.core_properties
    assert (properties.title, properties.language) == (release.title, release.language)
    assert properties.category == "Press release"


def test_pandoc_reads_every_paragraph(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    for fixture in all_fixtures():
        release = fixture.release()
        path = tmp_path / f"{fixture.name}.docx"
        path.write_bytes(docx_bytes(release))
        text = folded(pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none", "--standalone"]))
        for paragraph in (release.title, *release.paragraphs):
            assert folded(paragraph) in text, (fixture.name, paragraph)


@pytest.mark.slow
def test_libreoffice_opens_and_converts_every_fixture(tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    sources = []
    for fixture in all_fixtures():
        path = tmp_path / f"{fixture.name}.docx"
        path.write_bytes(docx_bytes(fixture.release()))
        sources.append(str(path))
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    converted = sorted(path.stem for path in (tmp_path / "pdf").glob("*.pdf"))
    assert converted == sorted(Path(source).stem for source in sources), result.stdout + result.stderr
    assert all(path.stat().st_size > 1000 for path in (tmp_path / "pdf").glob("*.pdf"))


def test_same_release_gives_identical_bytes() -> None:
    release = all_fixtures()[0].release()
    assert docx_bytes(release) == docx_bytes(release)


def test_no_python_docx_defaults_anywhere() -> None:
    release = pressconv.Release("Title", None, ("Body.",))
    with zipfile.ZipFile(io.BytesIO(docx_bytes(release))) as package:
        names = package.namelist()
        for name in names:
            content = package.read(name)
            assert b"python-docx" not in content and b"2013-12-23" not in content, name
            assert b"Macintosh" not in content, name
        core = package.read("docProps/core.xml").decode()
    assert "thumbnail" not in " ".join(names)
    assert "<dcterms:created" not in core  # unknown date: undated, not 2013 and not today


def test_created_is_the_publication_date_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    release = pressconv.Release("Title", datetime.date(2014, 3, 7), ("Body.",))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    created = docx.Document(io.BytesIO(docx_bytes(release))).core_properties.created
    assert created == datetime.datetime(2014, 3, 7, tzinfo=datetime.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    created = docx.Document(io.BytesIO(docx_bytes(release))).core_properties.created
    assert created == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.UTC)


def test_author_and_language_are_set() -> None:
    release = pressconv.Release("Teitl", None, ("Testun.",), language="cy")
    data = docx_bytes(release, author="Swyddfa'r Wasg")
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.author == document.core_properties.last_modified_by == "Swyddfa'r Wasg"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="cy"', styles)


def test_a4_by_default_and_letter_on_request() -> None:
    release = pressconv.Release("Title", None, ("Body.",))
    a4 = docx.Document(io.BytesIO(docx_bytes(release))).sections[0]
    letter = docx.Document(io.BytesIO(docx_bytes(release, paper="letter"))).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    assert (round(letter.page_width.inches, 2), round(letter.page_height.inches, 2)) == (8.5, 11.0)
    with pytest.raises(pressconv.OptionError, match="paper must be one of"):
        docx_bytes(release, paper="tabloid")


def test_reference_doc_supplies_styles_and_margins_but_not_content(tmp_path: Path) -> None:
    house = docx.Document()
    house.styles["Title"].font.name = "Courier New"
    house.styles["Title"].font.size = Pt(40)
    section = house.sections[0]
    section.page_width, section.page_height = Mm(200), Mm(250)
    section.left_margin = Cm(5.1)
    section.header.paragraphs[0].text = "ACME Press Office"
    house.add_paragraph("Template text that must not be copied.")
    reference = tmp_path / "house.docx"
    house.save(reference)

    release = pressconv.Release("Title", None, ("Body.",))
    output = docx.Document(io.BytesIO(docx_bytes(release, reference_doc=reference)))
    assert (output.styles["Title"].font.name, output.styles["Title"].font.size) == ("Courier New", Pt(40))
    assert (round(output.sections[0].page_width.mm), round(output.sections[0].left_margin.cm, 1)) == (200, 5.1)
    assert output.sections[0].header.paragraphs[0].text == "ACME Press Office"
    assert [paragraph.text for paragraph in output.paragraphs] == ["Title", "Body."]
    assert output.paragraphs[0].style.name == "Title"


def test_unreadable_reference_doc_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.docx"
    bad.write_text("plain text")
    with pytest.raises(pressconv.OptionError, match=r"not a readable \.docx"):
        docx_bytes(pressconv.Release("T", None, ()), reference_doc=bad)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases)
def test_any_valid_release_is_written_and_reads_back(release: pressconv.Release) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(release)))
    dateline = [human_date(release.date, release.language)] if release.date else []
    assert [paragraph.text for paragraph in document.paragraphs] == [release.title, *dateline, *release.paragraphs]


def test_the_fallback_for_a_future_python_docx_writes_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from pressconv.writers import docx as docx_writer

    release = all_fixtures()[0].release()
    direct = docx_bytes(release)
    monkeypatch.setattr(docx_writer, "_package_writer", lambda: None)  # as if python-docx renamed its helpers
    assert docx_bytes(release) == direct
