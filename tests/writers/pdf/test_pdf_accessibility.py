"""Tagged PDF: PDF/UA-1 and PDF/A-2a by default, judged by page-validation, pdfua and poppler's structure reader.

Every fixture, the hand-built structured release and a bundle go through every judge. The structure tree is
read back as a screen reader would (`pdfinfo -struct-text`) and must read like the release; the catalog,
page, annotation, font and metadata keys the standards ask for are checked by reading the file with pikepdf.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from pathlib import Path

import pikepdf
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pressconv
from conftest import FIXTURE_CASES, Fixture, all_fixtures
from judges import pdf_ua_failures, pdfua_findings, pdfua_findings_many, struct_text
from pressconv.l10n import shown_title
from pressconv.model import Collection
from pressconv.writers import get_writer
from pressconv.writers.pdf.objects import SRGB_PROFILE
from pressconv.writers.pdf.shaping import needs_shaping
from readback import shown_paragraphs
from samples import URL, structured_release
from strategies import releases, writable_text


def pdf_bytes(release: pressconv.Release, **options: object) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "pdf", buffer, **options)
    return buffer.getvalue()


def bundle_bytes(**options: object) -> bytes:
    releases = (*(fixture.release() for fixture in all_fixtures()[:5]), structured_release())
    buffer = io.BytesIO()
    writer = get_writer("pdf")
    writer.write_collection(Collection("Releases <2024> & co", releases), buffer, writer.options_type(**options))  # type: ignore[attr-defined]
    return buffer.getvalue()


def judged(path: Path) -> list[str]:
    """Every judge's findings for one PDF: page-validation's two profiles, then pdfua."""
    return [*pdf_ua_failures(path, "ua1"), *pdf_ua_failures(path, "2a"), *pdfua_findings(path)]


@pytest.fixture(scope="module")
def fixture_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    """Every fixture's PDF, written once, with pdfua's findings for all of them from one run: (path, findings), by name."""
    directory = tmp_path_factory.mktemp("fixture-pdfs")
    paths = {}
    for fixture in all_fixtures():
        paths[fixture.name] = directory / f"{fixture.name}.pdf"
        paths[fixture.name].write_bytes(pdf_bytes(fixture.release()))
    findings = pdfua_findings_many(list(paths.values()))
    return {name: (path, findings[path.name]) for name, path in paths.items()}


@pytest.mark.xdist_group("fixture-pdfs")
@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_every_fixture_is_pdf_ua_and_pdf_a(fixture: Fixture, fixture_pdfs: dict[str, tuple[Path, list[str]]]) -> None:
    path, pdfua_found = fixture_pdfs[fixture.name]
    assert [*pdf_ua_failures(path, "ua1"), *pdf_ua_failures(path, "2a"), *pdfua_found] == []


@pytest.mark.parametrize("system_fonts", [True, False], ids=["system-fonts", "bundled-fonts-only"])
def test_structured_release_and_bundle_are_pdf_ua_and_pdf_a(tmp_path: Path, system_fonts: bool) -> None:
    release_path, bundle_path = tmp_path / "structured.pdf", tmp_path / "bundle.pdf"
    release_path.write_bytes(pdf_bytes(structured_release(), system_fonts=system_fonts))
    bundle_path.write_bytes(bundle_bytes(system_fonts=system_fonts))
    assert judged(release_path) == []
    assert judged(bundle_path) == []


def test_an_untitled_release_is_pdf_ua_and_pdf_a(tmp_path: Path) -> None:
    """No title: /Title and XMP dc:title name it ("Press release, …"), and its H1 names the kind of document."""
    path = tmp_path / "untitled.pdf"
    path.write_bytes(pdf_bytes(dataclasses.replace(structured_release(), title=None)))
    assert judged(path) == []


def test_placeholders_keep_the_file_conformant(tmp_path: Path) -> None:
    """Characters no bundled font has (emoji, CJK, a rare symbol), in a heading, a link, a list and the title."""
    from pressconv.model import Heading, Link, ListBlock, Paragraph, Text

    odd = "Party \U0001f389 新聞 \U0001d11e"
    release = pressconv.Release(
        odd, None,
        (Heading(odd), Paragraph(odd, (Link(0, 9, "https://example.org/\U0001f389"),)), ListBlock((Text(odd),), ordered=True)),
    )  # fmt: skip
    path = tmp_path / "odd.pdf"
    path.write_bytes(pdf_bytes(release, system_fonts=False))
    assert judged(path) == []


EXPECTED_STRUCTURE = """\
Document
  H1 "Council agrees <budget> & sets council tax"
  P "21 February 2024"
  P "By Jane Smith"
  P "Northshire Council"
  P "Northshire Council has agreed its budget for 2024/25, details at"
    Link "www.northshire.gov.uk/budget"
      OBJR
    "today."
  P "The budget includes:"
  L
    LI
      Lbl "•"
      LBody "£2m for road repairs"
    LI
      Lbl "•"
      LBody "a new library in Eastford"
    LI
      Lbl "•"
      LBody "free parking on Sundays"
  H2 "What happens next"
  P "Council tax bills will be sent out in March."
  L
    LI
      Lbl "3."
      LBody "Bills are posted."
    LI
      Lbl "4."
      LBody "Payments start in April."
  P "ENDS"
  Sect
    H2 "Notes to editors"
    L
      LI
        Lbl "1."
        LBody "The council serves 300,000 residents."
      LI
        Lbl "2."
        LBody "Its budget is £1.2bn."
    P "About Northshire: a <script>alert(1)</script> county in the north."
  Sect
    H2 "Media contact"
    P "Jane Smith, Press Officer"
    P "Tel: 01234 567890"
    P
      Link "press@northshire.gov.uk"
        OBJR"""


def outline(struct: str) -> str:
    """`pdfinfo -struct-text` condensed: an element's first text on its line, other texts on their own, OBJR for
    an annotation (pdfinfo prints "Object N G"), whitespace at the ends of texts trimmed."""
    lines: list[str] = []
    opened = False  # the last line is an element that has no text yet
    for raw in struct.splitlines():
        indent, item = len(raw) - len(raw.lstrip()), raw.strip()
        if not item:
            continue
        if item.startswith('"'):
            text = '"' + item[1:-1].strip() + '"'
            if opened:
                lines[-1] += " " + text
            else:
                lines.append(" " * indent + text)
            opened = False
        elif re.fullmatch(r"Object \d+ \d+", item):
            lines.append(" " * indent + "OBJR")
            opened = False
        else:
            lines.append(" " * indent + re.sub(r" \((block|inline)\)$", "", item))
            opened = True
    return "\n".join(lines)


def test_screen_reader_order_reads_like_the_release(tmp_path: Path) -> None:
    path = tmp_path / "structured.pdf"
    path.write_bytes(pdf_bytes(structured_release()))
    assert outline(struct_text(path)) == EXPECTED_STRUCTURE


@pytest.mark.xdist_group("fixture-pdfs")
@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_struct_text_has_every_paragraph_in_order_and_no_furniture(
    fixture: Fixture, fixture_pdfs: dict[str, tuple[Path, list[str]]]
) -> None:
    release = fixture.release()
    path = fixture_pdfs[fixture.name][0]
    struct = struct_text(path)
    assert "Page 1 of" not in struct
    # pdfinfo prints a paragraph's text in pieces (around a link); compare without whitespace.
    texts = "".join(line.strip()[1:-1] for line in struct.splitlines() if line.strip().startswith('"'))
    shown = shown_title(release.title, release.language)  # an untitled release's H1 names its kind
    if any(needs_shaping(text) for text in (shown, *release.paragraphs)):
        # Shaped text (Arabic, Hebrew, Devanagari) is drawn glyph by glyph in visual order: its elements carry
        # their logical text as /ActualText, which assistive technology reads and pdfinfo does not print.
        texts = "".join(_actual_texts(path))
    flat = "".join(texts.split())
    assert re.match(_drawn("".join(shown.split())), flat)
    position = 0
    for paragraph in shown_paragraphs(release):
        found = re.compile(_drawn("".join(paragraph.split()))).search(flat, position)
        assert found is not None, paragraph
        position = found.start()


def _actual_texts(path: Path) -> list[str]:
    """The /ActualText of every structure element that has one, in the tree's order."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Array):
                stack.extend(reversed(list(element)))
            elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
                if "/ActualText" in element:
                    found.append(str(element.ActualText))
                elif "/K" in element:
                    stack.append(element.K)
    return found


def _drawn(text: str) -> str:
    """A pattern for `text` as pdfinfo prints it: poppler shows the glyphs drawn, so a character no
    installed font has (a machine with only DejaVu) appears as the placeholder □ (its real value is in
    /ActualText, which pdftotext reads); invisible format characters are not drawn at all."""
    return "".join(
        "" if unicodedata.category(char) == "Cf" else f"(?:{re.escape(char)}|\u25a1)" for char in text
    )


def test_bundle_contents_are_a_toc_and_chapters_are_bookmarked(tmp_path: Path) -> None:
    path = tmp_path / "bundle.pdf"
    data = bundle_bytes()
    path.write_bytes(data)
    condensed = outline(struct_text(path))
    assert condensed.startswith('Document\n  H1 "Releases <2024> & co"\n  H2 "Contents"\n  TOC\n    TOCI\n      Link "')
    assert condensed.count("TOCI") == 6
    assert condensed.count('\n  Sect\n    H2 "') == 6  # each release in its own section, its title an H2
    reader = pypdf.PdfReader(io.BytesIO(data))
    titles = [release.title for release in (*(fixture.release() for fixture in all_fixtures()[:5]), structured_release())]
    assert [item.title for item in reader.outline] == titles  # type: ignore[union-attr]
    # Each contents entry's link goes to the page its release starts on, and says which.
    first_page = reader.pages[0]
    links = [annotation.get_object() for annotation in first_page["/Annots"]]
    assert links and all("/Dest" in link and re.search(r"\(Page \d+ of \d+\)$", str(link["/Contents"])) for link in links)


def test_catalog_pages_and_metadata_say_what_the_standards_ask(tmp_path: Path) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes(structured_release()))) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "en-GB"
        assert bool(root.MarkInfo.Marked) is True
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        intent = root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert intent.DestOutputProfile.read_bytes() == SRGB_PROFILE.read_bytes()
        for page in pdf.pages:
            assert "/StructParents" in page.obj
            if "/Annots" in page.obj:
                assert page.obj.Tabs == pikepdf.Name.S
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == "Council agrees <budget> & sets council tax"
            assert xmp["dc:creator"] == ["Jane Smith"]
            assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "A"
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["pdf:Producer"] == pdf.docinfo.Producer == "pressconv"
            assert xmp["xmp:CreateDate"].startswith("2024-02-21T00:00:00")
        assert str(pdf.docinfo.Title) == "Council agrees <budget> & sets council tax"
        assert str(pdf.docinfo.Source) == URL
        assert "/Trapped" not in pdf.docinfo


def test_every_link_is_an_annotation_with_its_uri_alternate_text_and_structure(tmp_path: Path) -> None:
    data = pdf_bytes(structured_release())
    reader = pypdf.PdfReader(io.BytesIO(data))
    annotations = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])]
    assert sorted(str(annotation["/A"]["/URI"]) for annotation in annotations) == sorted([URL, "mailto:press@northshire.gov.uk"])
    for annotation in annotations:
        assert annotation["/Subtype"] == "/Link" and str(annotation["/Contents"])
        assert int(annotation["/F"]) & 4  # printable (PDF/A)
        assert "/StructParent" in annotation


def test_fonts_are_embedded_with_clean_to_unicode_maps() -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes(structured_release()))) as pdf:
        fonts = [font for page in pdf.pages for font in page.Resources.Font.values()]
        assert fonts
        for font in fonts:
            assert "/FontFile2" in font.FontDescriptor
            cmap = font.ToUnicode.read_bytes().decode("ascii")
            targets = re.findall(r"<[0-9A-F]{2}> <([0-9A-F]+)>", cmap)
            assert targets
            assert not {"0000", "FEFF", "FFFE"} & set(targets)


def test_writing_a_pdf_patches_nothing_in_reportlab() -> None:
    """The ToUnicode fix lives in pressconv's own font class: reportlab's function is untouched for everyone else."""
    from reportlab.pdfbase import ttfonts

    before = ttfonts.makeToUnicodeCMap
    pdf_bytes(pressconv.Release("Party \U0001f389", None, ("x",)))
    assert ttfonts.makeToUnicodeCMap is before
    assert "<00> <0000>" in ttfonts.makeToUnicodeCMap("X", [0, 65])  # reportlab's own behaviour, unchanged


def test_bundles_are_reproducible() -> None:
    assert bundle_bytes() == bundle_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(releases)
def test_any_valid_release_is_pdf_ua_and_pdf_a(tmp_path: Path, release: pressconv.Release) -> None:
    """Any text and any block structure the model accepts (page-validation is in-process, so this stays fast)."""
    path = tmp_path / "any.pdf"
    path.write_bytes(pdf_bytes(release, system_fonts=False))
    assert [*pdf_ua_failures(path, "ua1"), *pdf_ua_failures(path, "2a")] == []


def test_a_release_in_another_language_says_so_on_its_section_of_a_bundle() -> None:
    welsh = pressconv.Release("Cyngor yn cytuno", None, ("Testun.",), language="cy")
    buffer = io.BytesIO()
    get_writer("pdf").write_collection(Collection("Bundle", (structured_release(), welsh)), buffer)  # type: ignore[attr-defined]
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        sections = [kid for kid in pdf.Root.StructTreeRoot.K.K if str(kid.S) == "/Sect"]
        assert [str(section.get("/Lang", "")) for section in sections] == ["", "cy"]


def test_eight_threads_write_identical_bytes() -> None:
    from concurrent.futures import ThreadPoolExecutor

    release = structured_release()
    expected = pdf_bytes(release)
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: pdf_bytes(release), range(32))) == {expected}


def test_author_defaults_to_the_byline_and_can_be_emptied() -> None:
    def author(**options: object) -> object:
        metadata = pypdf.PdfReader(io.BytesIO(pdf_bytes(structured_release(), **options))).metadata
        assert metadata is not None
        return metadata.get("/Author")

    assert author() == "Jane Smith"
    assert author(author="Press Office") == "Press Office"
    assert author(author="") is None  # an empty author is left out (and so is dc:creator)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(writable_text, st.lists(releases, max_size=4))
def test_any_bundle_is_pdf_ua_and_pdf_a(tmp_path: Path, title: str, members: list[pressconv.Release]) -> None:
    writer = get_writer("pdf")
    buffer = io.BytesIO()
    writer.write_collection(Collection(title, tuple(members)), buffer, writer.options_type(system_fonts=False))  # type: ignore[attr-defined]
    path = tmp_path / "any-bundle.pdf"
    path.write_bytes(buffer.getvalue())
    assert [*pdf_ua_failures(path, "ua1"), *pdf_ua_failures(path, "2a")] == []
