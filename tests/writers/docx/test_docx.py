"""DOCX output: read back by python-docx and pandoc, opened by LibreOffice, reproducible, house-styled.

What each block becomes is stated here once (`expected_paragraphs`), from the
model alone, and every reader is held to it.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Cm, Mm, Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pressconv
from conftest import FIXTURE_CASES, Fixture, all_fixtures, folded, require_tool
from pressconv.l10n import document_title, label, shown_title
from pressconv.l10n import format_date as human_date
from pressconv.model import Block, Collection, ContactBlock, EndMark, Heading, ListBlock, NotesSection, Paragraph, Release
from pressconv.notices import Code
from pressconv.writers.base import heading_text
from readback import shown_paragraphs
from samples import URL, structured_release
from strategies import releases

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_bytes(release: Release, **options: Any) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "docx", buffer, **options)
    return buffer.getvalue()


def bundle_bytes(collection: Collection, **options: object) -> bytes:
    buffer = io.BytesIO()
    writer = pressconv.get_writer("docx")
    writer.write_collection(collection, buffer, pressconv.writers.make_options(writer, options))  # type: ignore[attr-defined]
    return buffer.getvalue()


def read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def expected_paragraphs(release: Release, title_style: str = "Title") -> list[tuple[str, str]]:
    """(style name, text) of every paragraph a release must give, from its blocks."""
    expected = [(title_style, shown_title(release.title, release.language))]  # an untitled release: its kind
    if release.date is not None:
        expected.append(("Date", human_date(release.date, release.language)))
    if release.updated is not None and release.updated != release.date:
        expected.append(("Date", label("updated-on", release.language, date=human_date(release.updated, release.language))))
    if release.byline:
        expected.append(("Release Info", label("by", release.language, author=release.byline)))
    if release.issuer:
        expected.append(("Release Info", release.issuer))
    return expected + list(_expected_blocks(release.blocks, notes=False))


def _expected_blocks(blocks: tuple[Block, ...], *, notes: bool, last: list[int] | None = None) -> Iterator[tuple[str, str]]:
    """What each block becomes: headings one level at most below the last one (as in the PDF and HTML), a
    section heading without its colon ("Media contact:" → "Media contact")."""
    last = [1] if last is None else last

    def level(wanted: int, *, section: bool = False) -> int:
        chosen = min(max(wanted, 2), 6)
        last[0] = chosen if section else min(chosen, last[0] + 1)
        return last[0]

    for block in blocks:
        match block:
            case Paragraph(text=text):
                yield ("Notes Text" if notes else "Normal"), text
            case Heading(text=text, level=wanted):
                yield f"Heading {level(wanted + notes)}", text
            case ListBlock(items=items, ordered=ordered):
                yield from (("List Number" if ordered else "List Bullet", item.text) for item in items)
            case NotesSection(heading=heading, blocks=inner):
                yield f"Heading {level(2, section=True)}", heading_text(heading)
                yield from _expected_blocks(inner, notes=True, last=last)
            case ContactBlock(lines=lines, heading=heading):
                if heading:
                    yield f"Heading {level(3 if notes else 2, section=True)}", heading_text(heading)
                yield from (("Contact", line.text) for line in lines)
            case EndMark(text=text):
                yield "End Mark", text


def paragraphs(document: Any) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]


def numbering(paragraph: Any) -> tuple[int, int] | None:
    """(numId, ilvl) of a paragraph's own numbering properties."""
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    return properties.numPr.numId.val, properties.numPr.ilvl.val


def list_definition(document: Any, num_id: int) -> tuple[str, int | None]:
    """(number format of level 0, start override) of a numId, read from numbering.xml."""
    root = document.part.numbering_part.element
    num = next(num for num in root.findall(W + "num") if num.get(W + "numId") == str(num_id))
    abstract_id = num.find(W + "abstractNumId").get(W + "val")
    abstract = next(a for a in root.findall(W + "abstractNum") if a.get(W + "abstractNumId") == abstract_id)
    level = next(level for level in abstract.findall(W + "lvl") if level.get(W + "ilvl") == "0")
    override = num.find(f"{W}lvlOverride/{W}startOverride")
    return level.find(W + "numFmt").get(W + "val"), None if override is None else int(override.get(W + "val"))


# --- every fixture, every valid release ------------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_python_docx_reads_back_the_model(fixture: Fixture) -> None:
    release = fixture.release()
    document = read(docx_bytes(release))
    assert paragraphs(document) == expected_paragraphs(release)
    properties = document.core_properties
    named = document_title(release.title, release.date, release.language)
    assert (properties.title, properties.language) == (named, release.language)
    assert properties.category == properties.keywords == label("press-release", release.language)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases)
def test_any_valid_release_is_written_and_reads_back(release: Release) -> None:
    document = read(docx_bytes(release))
    assert paragraphs(document) == expected_paragraphs(release)


def test_pandoc_reads_every_paragraph(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    for fixture in all_fixtures():
        release = fixture.release()
        path = tmp_path / f"{fixture.name}.docx"
        path.write_bytes(docx_bytes(release))
        text = folded(pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none", "--standalone"]))
        for paragraph in (shown_title(release.title, release.language), *shown_paragraphs(release)):
            assert folded(paragraph) in text, (fixture.name, paragraph)


# --- structure -------------------------------------------------------------------------------------------


def test_structured_release_in_styles_with_outline_levels() -> None:
    release = structured_release()
    document = read(docx_bytes(release))
    assert paragraphs(document) == expected_paragraphs(release)
    outline = {}
    for style in document.styles:
        found = style.element.find(f"{W}pPr/{W}outlineLvl")
        if found is not None:
            outline[style.name] = int(found.get(W + "val"))
    # Word's navigation pane and LibreOffice's tagged PDF: the title is level 1, subheadings level 2.
    assert outline["Title"] == 0 and outline["Heading 1"] == 0 and outline["Heading 2"] == 1
    assert outline.get("TOC Heading", 9) == 9


def test_lists_are_word_numbering_that_restarts_at_each_start() -> None:
    release = structured_release()
    document = read(docx_bytes(release))
    items = [(paragraph.text, found) for paragraph in document.paragraphs if (found := numbering(paragraph)) is not None]
    lists = [block for block in release.blocks if isinstance(block, ListBlock)]
    lists += [block for section in release.blocks if isinstance(section, NotesSection) for block in section.blocks
              if isinstance(block, ListBlock)]  # fmt: skip
    assert [text for text, _ in items] == [item.text for block in lists for item in block.items]
    position = 0
    ordered_ids = []
    for block in lists:
        ids = {items[position + n][1] for n in range(len(block.items))}
        position += len(block.items)
        assert len(ids) == 1  # one list, one numbering instance
        num_id, level = ids.pop()
        assert level == 0
        number_format, start = list_definition(document, num_id)
        if block.ordered:
            assert (number_format, start) == ("decimal", block.start)
            ordered_ids.append(num_id)
        else:
            assert number_format == "bullet"
    assert len(set(ordered_ids)) == len(ordered_ids)  # no numbered list continues another


def test_links_are_external_hyperlink_relationships_in_the_hyperlink_style() -> None:
    document = read(docx_bytes(structured_release()))
    links = [(link.text, link.address) for paragraph in document.paragraphs for link in paragraph.hyperlinks]
    assert links == [("www.northshire.gov.uk/budget", URL), ("press@northshire.gov.uk", "mailto:press@northshire.gov.uk")]
    for paragraph in document.paragraphs:
        for link in paragraph.hyperlinks:
            assert [run.style.name for run in link.runs] == ["Hyperlink"]
            relationship = document.part.rels[link._hyperlink.rId]
            assert relationship.is_external and relationship.reltype.endswith("/hyperlink")


def test_pandoc_sees_lists_headings_and_links(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    path = tmp_path / "structured.docx"
    path.write_bytes(docx_bytes(structured_release()))
    markdown = pypandoc.convert_file(str(path), "markdown", extra_args=["--wrap=none"])
    assert "## What happens next" in markdown and "## Notes to editors" in markdown
    assert re.search(r"^- £2m for road repairs$", markdown, re.MULTILINE)
    assert re.search(r"^3\.\s+Bills are posted\.$", markdown, re.MULTILINE)  # restarts at its own start
    assert re.search(r"^1\.\s+The council serves", markdown, re.MULTILINE)  # and the next list at 1
    assert f"[www.northshire.gov.uk/budget]({URL})" in markdown
    assert "<press@northshire.gov.uk>" in markdown  # pandoc's form of a mailto: link whose text is the address
    assert "\\<script\\>" in markdown  # markup-like text stays text


def test_every_style_written_exists_in_the_document() -> None:
    data = docx_bytes(structured_release())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document, styles = package.read("word/document.xml").decode(), package.read("word/styles.xml").decode()
    used = set(re.findall(r'<w:(?:pStyle|rStyle) w:val="([^"]+)"', document))
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    assert used and used <= defined


# --- page furniture --------------------------------------------------------------------------------------


def _footer_pattern(footer: Any) -> str:
    """The footer's text with its PAGE and NUMPAGES fields shown as {page} and {pages}."""
    shown = []
    for child in footer._element.iter(W + "t", W + "fldSimple"):
        if child.tag == W + "fldSimple":
            shown.append({"PAGE": "{page}", "NUMPAGES": "{pages}"}[child.get(W + "instr").strip()])
        elif child.getparent().getparent().tag != W + "fldSimple":
            shown.append(child.text)
    return "".join(shown)


@pytest.mark.parametrize("language", ["en-GB", "cy", "de"])
def test_footer_says_page_n_of_m_with_fields_and_header_the_title(language: str) -> None:
    release = structured_release(language)
    section = read(docx_bytes(release)).sections[0]
    expected = label("page-n-of-m", language, page="{page}", pages="{pages}")
    assert _footer_pattern(section.footer) == expected
    assert section.different_first_page_header_footer  # the first page: page numbers, no running title
    assert _footer_pattern(section.first_page_footer) == expected
    assert section.header.paragraphs[0].text == release.title
    assert section.header.paragraphs[0].style.name == "Header"
    assert not "".join(paragraph.text for paragraph in section.first_page_header.paragraphs)


def test_a_long_running_title_is_cut_at_a_word() -> None:
    title = "Council agrees " + "a very long list of things " * 20
    header = read(docx_bytes(Release(title.strip(), None, (Paragraph("Body."),)))).sections[0].header.paragraphs[0].text
    assert header.endswith("\u2026") and len(header) <= 90 and title.startswith(header[:-1])


# --- bundles ---------------------------------------------------------------------------------------------


def _collection() -> Collection:
    same = "Council approves budget"
    return Collection(
        "Northshire press releases",
        (
            structured_release(),
            Release(same, datetime.date(2014, 3, 7), (Paragraph("First."),)),
            Release(same, datetime.date(2015, 3, 6), (Paragraph("Second."),)),
            Release("An undated release with a title long enough to wrap in the contents page of any bundle at all", None,
                    (Paragraph("Third."),)),
        ),
    )  # fmt: skip


def test_bundle_has_a_toc_field_entries_with_dates_and_heading_1_titles() -> None:
    collection = _collection()
    data = bundle_bytes(collection)
    document = read(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode()
    assert re.search(r'<w:instrText xml:space="preserve"> TOC \\o "1-1" \\h [^<]*</w:instrText>', xml)
    assert xml.count('w:fldCharType="begin"') == xml.count('w:fldCharType="end"') == 1
    found = paragraphs(document)
    assert found[0] == ("Title", collection.title)
    assert found[1] == ("TOC Heading", label("contents", collection.language))
    entries = [text for style, text in found if style == "toc 1"]
    assert len(entries) == len(collection.releases)
    for entry, release in zip(entries, collection.releases, strict=True):
        assert entry.startswith(release.title)
        if release.date is not None:
            # The date follows, held together with no-break spaces: never "— 7 / March 2014".
            assert entry.endswith("\u00a0\u2014 " + human_date(release.date, collection.language).replace(" ", "\u00a0"))
    assert entries[1] != entries[2]  # same title, told apart by the date
    headings = [paragraph for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"]
    assert [heading.text for heading in headings] == [release.title for release in collection.releases]
    assert all(heading.paragraph_format.page_break_before for heading in headings)
    # Each entry links to a bookmark on its heading.
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)
    marks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', xml)
    assert anchors == marks and len(set(anchors)) == len(anchors) == len(collection.releases)
    # The bundle's own title is no heading of its contents.
    assert document.paragraphs[0]._p.pPr.find(W + "outlineLvl").get(W + "val") == "9"


def test_bundle_release_structure_is_kept() -> None:
    collection = _collection()
    found = paragraphs(read(bundle_bytes(collection)))
    body = found[2 + len(collection.releases) :]
    expected = [pair for release in collection.releases for pair in expected_paragraphs(release, "Heading 1")]
    assert body == expected


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(releases, min_size=1, max_size=4))
def test_any_bundle_has_a_toc_entry_and_a_chapter_per_release(members: list[Release]) -> None:
    collection = Collection("Bundle", tuple(members))
    found = paragraphs(read(bundle_bytes(collection)))
    assert [text for style, text in found if style == "toc 1"] == [
        release.title
        + ("\u00a0\u2014 " + human_date(release.date, collection.language).replace(" ", "\u00a0") if release.date else "")
        for release in members
    ]
    assert found[2 + len(members) :] == [pair for release in members for pair in expected_paragraphs(release, "Heading 1")]


# --- hardening: long values, many paragraphs -------------------------------------------------------------


def test_long_title_url_author_and_bundle_title_are_written_with_notices() -> None:
    long = "Ministry of Long Titles announces " + "more " * 80
    url = "https://example.org/" + "a" * 400
    release = Release(long.strip(), datetime.date(2020, 1, 2), (Paragraph("Body."),), source_url=url, issuer="x" * 300)
    buffer = io.BytesIO()
    notices = pressconv.write(release, "docx", buffer, author="A" * 300)
    document = read(buffer.getvalue())
    assert document.paragraphs[0].text == release.title  # the text itself is whole
    properties = document.core_properties
    for value in (properties.title, properties.identifier, properties.author, properties.subject):
        assert len(value) == 255 and value.endswith("\u2026")
    assert properties.title[:-1] == release.title[:254]
    codes = [notice.code for notice in notices]
    assert codes.count(Code.TRUNCATED) == 4, notices
    bundle = bundle_bytes(Collection("B" * 300, (release,)))
    assert len(read(bundle).core_properties.title) == 255


def test_header_lines_only_the_last_spaced_from_the_body() -> None:
    release = dataclasses.replace(structured_release(), updated=datetime.date(2024, 2, 22))
    document = read(docx_bytes(release))
    lines = document.paragraphs[1:5]
    assert [paragraph.text for paragraph in lines] == [
        "21 February 2024", f"{label('updated', 'en-GB')} 22 February 2024", label("by", "en-GB", author="Jane Smith"),
        "Northshire Council",
    ]  # fmt: skip
    assert [paragraph.paragraph_format.space_after for paragraph in lines[:3]] == [0, 0, 0]
    assert lines[3].paragraph_format.space_after is None  # the style's gap


def test_a_source_url_or_author_xml_cannot_hold_is_written_with_a_replacement() -> None:
    release = Release("Title", None, (Paragraph("Body."),), source_url="https://x.test/\x00a\ud800b")
    properties = read(docx_bytes(release, author="Press\x1bOffice")).core_properties
    assert (properties.identifier, properties.author) == ("https://x.test/\ufffda\ufffdb", "Press\ufffdOffice")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=1200), st.text(max_size=600), st.text(max_size=400))
def test_any_long_or_hostile_property_is_written_never_refused(title_seed: str, url: str, author: str) -> None:
    """Whatever a corpus record or a flag holds, the document is written and its properties fit python-docx's limit."""
    title = " ".join(re.sub("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff\u2028\u2029]", " ", title_seed).split()) or "T"
    release = Release(title, None, (Paragraph("Body."),), source_url=url or None)
    properties = read(docx_bytes(release, author=author)).core_properties
    assert len(properties.title) <= 255 and len(properties.identifier) <= 255 and len(properties.author) <= 255
    assert properties.title == title or (len(title) > 255 and properties.title == title[:254] + "\u2026")


def test_many_paragraphs_are_written_in_order() -> None:
    release = Release("Many", None, tuple(Paragraph(f"Paragraph {number}.") for number in range(3000)))
    texts = [paragraph.text for paragraph in read(docx_bytes(release)).paragraphs]
    assert texts == ["Many", *release.paragraphs]


# --- properties, language, paper, reproducibility --------------------------------------------------------


def test_same_release_gives_identical_bytes() -> None:
    release = structured_release()
    assert docx_bytes(release) == docx_bytes(release)
    assert bundle_bytes(_collection()) == bundle_bytes(_collection())


def test_no_python_docx_defaults_anywhere() -> None:
    release = Release("Title", None, (Paragraph("Body."),))
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
    release = Release("Title", datetime.date(2014, 3, 7), (Paragraph("Body."),))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    created = read(docx_bytes(release)).core_properties.created
    assert created == datetime.datetime(2014, 3, 7, tzinfo=datetime.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    created = read(docx_bytes(release)).core_properties.created
    assert created == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.UTC)


def test_author_subject_and_language_are_set() -> None:
    release = Release("Teitl", None, (Paragraph("Testun."),), language="cy", byline="Siân Jones")
    data = docx_bytes(release, author="Swyddfa'r Wasg")
    document = read(data)
    assert document.core_properties.author == document.core_properties.last_modified_by == "Swyddfa'r Wasg"
    assert document.core_properties.subject == label("press-release", "cy")
    assert read(docx_bytes(release)).core_properties.author == "Siân Jones"  # no --author: the byline
    assert read(docx_bytes(Release("T", None, ()))).core_properties.author == ""
    assert read(docx_bytes(structured_release())).core_properties.subject == "Northshire Council"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="cy"', styles)


def test_right_to_left_languages_get_bidi_defaults() -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(Release("عنوان", None, (Paragraph("نص."),), language="ar")))) as package:
        styles = package.read("word/styles.xml").decode()
    assert re.search(r"<w:pPrDefault><w:pPr><w:bidi/>", styles)
    assert re.search(r'<w:lang w:val="ar" w:bidi="ar"/>', styles)


def test_a4_by_default_and_letter_on_request() -> None:
    release = Release("Title", None, (Paragraph("Body."),))
    a4 = read(docx_bytes(release)).sections[0]
    letter = read(docx_bytes(release, paper="letter")).sections[0]
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
    house.save(str(reference))

    release = Release("Title", None, (Paragraph("Body."),))
    output = read(docx_bytes(release, reference_doc=reference))
    assert (output.styles["Title"].font.name, output.styles["Title"].font.size) == ("Courier New", Pt(40))
    assert (round(output.sections[0].page_width.mm), round(output.sections[0].left_margin.cm, 1)) == (200, 5.1)
    assert output.sections[0].header.paragraphs[0].text == "ACME Press Office"
    assert [paragraph.text for paragraph in output.paragraphs] == ["Title", "Body."]
    assert output.paragraphs[0].style.name == "Title"


def test_unreadable_reference_doc_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.docx"
    bad.write_text("plain text")
    with pytest.raises(pressconv.OptionError, match=r"not a readable \.docx"):
        docx_bytes(Release("T", None, ()), reference_doc=bad)


def test_the_fallback_for_a_future_python_docx_writes_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from pressconv.writers.docx import document as docx_writer

    release = structured_release()
    direct = docx_bytes(release)
    monkeypatch.setattr(docx_writer, "_package_writer", lambda: None)  # as if python-docx renamed its helpers
    assert docx_bytes(release) == direct


# --- LibreOffice ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_opens_and_converts_every_fixture_the_sample_and_a_bundle(tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    sources = []
    for fixture in all_fixtures():
        path = tmp_path / f"{fixture.name}.docx"
        path.write_bytes(docx_bytes(fixture.release()))
        sources.append(path)
    (tmp_path / "structured.docx").write_bytes(docx_bytes(structured_release()))
    (tmp_path / "bundle.docx").write_bytes(bundle_bytes(_collection()))
    sources += [tmp_path / "structured.docx", tmp_path / "bundle.docx"]
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, sources)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    converted = sorted(path.stem for path in (tmp_path / "pdf").glob("*.pdf"))
    assert converted == sorted(source.stem for source in sources), result.stdout + result.stderr
    assert all(path.stat().st_size > 1000 for path in (tmp_path / "pdf").glob("*.pdf"))
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "pdf" / "structured.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    # LibreOffice computed the footer's fields and drew the list numbers from Word numbering.
    assert label("page-n-of-m", "en-GB", page=1, pages=1) in text
    assert re.search(r"^\s*3\.\s+Bills are posted\.", text, re.MULTILINE)
    assert re.search(r"^\s*•\s+£2m for road repairs", text, re.MULTILINE)
