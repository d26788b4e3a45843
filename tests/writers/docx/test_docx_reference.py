"""`--reference-doc`: its design is used, its content never is; hostile files fail once, up front, clearly."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from test_docx import expected_paragraphs, paragraphs

import pressconv
from pressconv.errors import OptionError
from pressconv.model import ListBlock, Paragraph, Release, Text
from pressconv.notices import Code
from pressconv.writers.docx import DocxOptions, DocxWriter
from pressconv.writers.docx import template as docx_template
from samples import structured_release
from strategies import releases

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: Text that lives only in the hostile template's content; none of it may reach an output.
SECRETS = ("Secret template text", "Jane Reviewer", "Reviewer remark", "Secret footnote", "jreviewer", "Secret glossary",
           "Secret variable", "Secret custom property")  # fmt: skip


def png(red: int) -> bytes:
    """A 1×1 PNG, different for each `red`, so two images are two parts."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes([0, red, 0, 0]))) + chunk(b"IEND", b"")
    )


def _saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with some entries replaced or added (None removes one)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in changes:
                target.writestr(name, source.read(name))
        for name, content in changes.items():
            if content is not None:
                target.writestr(name, content)
    return output.getvalue()


def hostile_reference() -> bytes:
    """A house template as people really send it: text, a comment, a body image, a header logo, footnotes,
    a glossary, custom XML, a thumbnail, custom properties, document variables and an attached-template path."""
    document = docx.Document()  # python-docx's own template already brings custom XML and a thumbnail
    document.styles["Title"].font.size = Pt(40)
    paragraph = document.add_paragraph("Secret template text")
    document.add_comment(paragraph.runs, text="Reviewer remark", author="Jane Reviewer", initials="JR")
    document.add_picture(io.BytesIO(png(1)))
    document.sections[0].header.paragraphs[0].add_run("ACME letterhead ").add_picture(io.BytesIO(png(2)))
    data = _saved(document)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        document_rels = package.read("word/_rels/document.xml.rels").decode()
        package_rels = package.read("_rels/.rels").decode()
        settings = package.read("word/settings.xml").decode()
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    custom_type = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    types = types.replace("</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{wml}.footnotes+xml"/>'
                          f'<Override PartName="/word/glossary/document.xml" ContentType="{wml}.document.glossary+xml"/>'
                          f'<Override PartName="/docProps/custom.xml" ContentType="{custom_type}"/></Types>')  # fmt: skip
    document_rels = document_rels.replace("</Relationships>", f'<Relationship Id="rId900" Type="{R_NS}/footnotes" '
                                          'Target="footnotes.xml"/>'
                                          f'<Relationship Id="rId901" Type="{R_NS}/glossaryDocument" '
                                          'Target="glossary/document.xml"/></Relationships>')  # fmt: skip
    package_rels = package_rels.replace("</Relationships>", f'<Relationship Id="rId900" Type="{R_NS}/custom-properties" '
                                        'Target="docProps/custom.xml"/></Relationships>')  # fmt: skip
    settings = re.sub(r"(<w:zoom [^>]*/>)", r'\1<w:attachedTemplate r:id="rId900"/>', settings)
    settings = settings.replace(
        "</w:settings>", '<w:docVars><w:docVar w:name="v" w:val="Secret variable"/></w:docVars></w:settings>'
    )
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1">'
                 "<w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                 '<w:footnote w:id="1"><w:p><w:r><w:t>Secret footnote</w:t></w:r></w:p></w:footnote></w:footnotes>')  # fmt: skip
    glossary = (f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartBody>'
                "<w:p><w:r><w:t>Secret glossary</w:t></w:r></w:p>"
                "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")  # fmt: skip
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
              'fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>Secret custom property</vt:lpwstr>'
              "</property></Properties>")  # fmt: skip
    settings_rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                     f'Id="rId900" Type="{R_NS}/attachedTemplate" Target="file:///C:/Users/jreviewer/House.dotm" '
                     'TargetMode="External"/></Relationships>')  # fmt: skip
    return _rewrite(data, {
        "[Content_Types].xml": types.encode(), "word/_rels/document.xml.rels": document_rels.encode(),
        "_rels/.rels": package_rels.encode(), "word/settings.xml": settings.encode(), "word/footnotes.xml": footnotes.encode(),
        "word/glossary/document.xml": glossary.encode(), "docProps/custom.xml": custom.encode(),
        "word/_rels/settings.xml.rels": settings_rels.encode(),
    })  # fmt: skip


def write(release: Release, **options: Any) -> tuple[bytes, tuple[pressconv.Notice, ...]]:
    buffer = io.BytesIO()
    notices = pressconv.write(release, "docx", buffer, **options)
    return buffer.getvalue(), notices


def unpacked(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


# --- nothing but design is carried over ----------------------------------------------------------------


def test_the_hostile_reference_really_holds_what_must_not_leak() -> None:
    """The fixture itself: every secret and part is there to be dropped."""
    parts = unpacked(hostile_reference())
    everything = b"".join(parts.values())
    for secret in SECRETS:
        assert secret.encode() in everything, secret
    assert {"word/comments.xml", "docProps/thumbnail.jpeg", "word/glossary/document.xml", "docProps/custom.xml"} <= set(parts)
    assert any(name.startswith("customXml/") for name in parts)


def test_reference_content_never_reaches_the_output() -> None:
    data, _ = write(structured_release(), reference_doc=hostile_reference())
    parts = unpacked(data)
    for name, content in parts.items():
        for secret in SECRETS:
            assert secret.encode() not in content, (secret, name)
    names = " ".join(parts)
    for dropped in ("comments", "people", "thumbnail", "customXml", "glossary", "custom.xml", "settings.xml.rels"):
        assert dropped not in names, dropped
    # The body image is gone; the header's logo is design and stays.
    media = [name for name in parts if name.startswith("word/media/")]
    assert len(media) == 1
    header_rels = next(content for name, content in parts.items() if re.fullmatch(r"word/_rels/header\d*\.xml\.rels", name))
    assert media[0].removeprefix("word/").encode() in header_rels
    # Footnote separators stay (settings may point at them); the notes do not.
    footnotes = parts["word/footnotes.xml"].decode()
    assert 'w:type="separator"' in footnotes and 'w:id="1"' not in footnotes
    document = docx.Document(io.BytesIO(data))
    assert document.sections[0].header.paragraphs[0].text.startswith("ACME letterhead")
    assert document.styles["Title"].font.size == Pt(40)
    assert [paragraph.text for paragraph in document.paragraphs][:2] == [structured_release().title, "21 February 2024"]


def test_core_and_app_properties_come_from_the_release_not_the_template() -> None:
    reference = docx.Document()
    reference.core_properties.comments = "Secret template text"
    reference.core_properties.content_status = "Jane Reviewer draft"
    data, _ = write(Release("Title", None, (Paragraph("Body."),)), reference_doc=_saved(reference))
    parts = unpacked(data)
    assert b"Secret" not in parts["docProps/core.xml"] and b"Reviewer" not in parts["docProps/core.xml"]
    assert b"<Application>pressconv</Application>" in parts["docProps/app.xml"]


def test_output_with_a_reference_is_reproducible() -> None:
    reference = hostile_reference()
    assert write(structured_release(), reference_doc=reference)[0] == write(structured_release(), reference_doc=reference)[0]


# --- styles, numbering and furniture from the reference ------------------------------------------------


def test_missing_styles_are_added_and_named_in_a_notice() -> None:
    _, notices = write(structured_release(), reference_doc=_saved(docx.Document()))
    added = [notice for notice in notices if notice.code == Code.STYLES_ADDED]
    assert len(added) == 1
    for name in ("Date", "Notes Text", "Contact", "End Mark"):
        assert name in added[0].message
    assert "Heading 2" not in added[0].message  # python-docx's template has it: the reference's is used
    assert not [notice for notice in write(structured_release())[1] if notice.code == Code.STYLES_ADDED]


def test_the_reference_styles_are_used_by_name_even_under_other_ids() -> None:
    """A German Word names its heading style "heading 2" with the id "berschrift2": pressconv writes that id."""
    data = _saved(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    styles = styles.replace('w:styleId="Heading2"', 'w:styleId="berschrift2"')
    data, notices = write(structured_release(), reference_doc=_rewrite(data, {"word/styles.xml": styles.encode()}))
    document = unpacked(data)["word/document.xml"].decode()
    assert '<w:pStyle w:val="berschrift2"/>' in document and '<w:pStyle w:val="Heading2"/>' not in document
    assert "Heading 2" not in " ".join(notice.message for notice in notices)


def test_a_reference_list_style_keeps_its_list_definition_and_numbers_restart() -> None:
    reference = docx.Document()  # its List Number style is tied to a list definition
    release = Release("T", None, (ListBlock((Text("a"), Text("b")), ordered=True, start=5),
                                  ListBlock((Text("c"),), ordered=True)))  # fmt: skip
    document = docx.Document(io.BytesIO(write(release, reference_doc=_saved(reference))[0]))
    number_style = document.styles["List Number"].element
    style_num = number_style.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    nums = {num.numId: num for num in numbering.num_lst}
    style_abstract = nums[style_num].abstractNumId.val
    items = [
        paragraph._p for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "List Number"
    ]
    ids = [paragraph.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0] for paragraph in items]
    assert ids[0] == ids[1] != ids[2]
    for num_id, start in ((int(ids[0]), 5), (int(ids[2]), 1)):
        assert nums[num_id].abstractNumId.val == style_abstract
        assert nums[num_id].xpath("./w:lvlOverride/w:startOverride/@w:val") == [str(start)]


def test_a_reference_without_header_or_footer_gets_page_numbers() -> None:
    document = docx.Document(io.BytesIO(write(structured_release(), reference_doc=_saved(docx.Document()))[0]))
    section = document.sections[0]
    assert {"PAGE", "NUMPAGES"} <= {instr.strip() for instr in section.footer._element.xpath(".//w:fldSimple/@w:instr")}
    assert section.header.paragraphs[0].text == structured_release().title


def test_a_reference_with_its_own_footer_keeps_it() -> None:
    reference = docx.Document()
    reference.sections[0].footer.paragraphs[0].text = "ACME Ltd, registered in England"
    document = docx.Document(io.BytesIO(write(structured_release(), reference_doc=_saved(reference))[0]))
    assert document.sections[0].footer.paragraphs[0].text == "ACME Ltd, registered in England"
    assert not document.sections[0].footer._element.xpath(".//w:fldSimple")


# --- hostile files: refused once, clearly, before any work ---------------------------------------------


def _bomb(size: int) -> bytes:
    """A real template whose styles part inflates to `size` bytes of whitespace."""
    data = _saved(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml")
    padded = styles.replace(b"</w:styles>", b" " * size + b"</w:styles>")
    return _rewrite(data, {"word/styles.xml": padded})


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = _bomb(docx_template.MAX_UNPACKED_BYTES + 1)
    assert len(bomb) < 1_000_000
    with pytest.raises(OptionError, match=r"would unpack to [\d,]+ bytes") as raised:
        write(Release("T", None, ()), reference_doc=bomb)
    assert "\n" not in str(raised.value)


def test_a_part_that_inflates_too_far_is_refused() -> None:
    with pytest.raises(OptionError, match="inflates"):
        write(Release("T", None, ()), reference_doc=_bomb(4 * 1024 * 1024))


def test_too_many_parts_are_refused() -> None:
    data = _rewrite(_saved(docx.Document()), {f"junk/{n}.xml": b"<x/>" for n in range(docx_template.MAX_ENTRIES + 1)})
    with pytest.raises(OptionError, match="parts"):
        write(Release("T", None, ()), reference_doc=data)


@pytest.mark.parametrize(
    "bad",
    [b"plain text", b"PK\x03\x04junk", _rewrite(_saved(docx.Document()), {"word/document.xml": None})],
    ids=["text", "broken-zip", "no-document-part"],  # fixed ids: the zip's bytes hold the time, and xdist's workers must agree
)
def test_check_rejects_a_bad_reference_up_front(bad: bytes) -> None:
    writer = DocxWriter()
    with pytest.raises(OptionError, match="reference document"):
        writer.check(DocxOptions(reference_doc=bad))
    from pressconv._pipeline import prepare_writers

    with pytest.raises(OptionError):
        prepare_writers([writer], {"reference_doc": bad}, strict=False)


def test_check_parses_a_good_reference_up_front_and_the_house_template_not_at_all(tmp_path: Path) -> None:
    """check() parses a reference once, so the documents after it reuse that parse; the defaults need nothing loaded."""
    reference = docx.Document()
    reference.core_properties.title = f"unique {tmp_path}"  # content no other test used: a sure miss first
    data = _saved(reference)
    before = (docx_template._reference_template.cache_info(), docx_template._house_template.cache_info())
    DocxWriter().check(DocxOptions())
    DocxWriter().check(None)
    assert (docx_template._reference_template.cache_info(), docx_template._house_template.cache_info()) == before
    DocxWriter().check(DocxOptions(reference_doc=data))
    checked = docx_template._reference_template.cache_info()
    assert (checked.misses, checked.hits) == (before[0].misses + 1, before[0].hits)
    write(Release("T", None, (Paragraph("Body."),)), reference_doc=data)
    written = docx_template._reference_template.cache_info()
    assert (written.misses, written.hits) == (checked.misses, checked.hits + 1)


def test_a_reference_is_parsed_once_per_content(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.core_properties.title = f"unique {tmp_path}"  # content no other test used: a sure miss first
    path = tmp_path / "house.docx"
    path.write_bytes(_saved(reference))
    copy = tmp_path / "copy of house.docx"
    copy.write_bytes(path.read_bytes())
    before = docx_template._reference_template.cache_info()
    for number in range(5):
        write(Release(f"Release {number}", None, (Paragraph("Body."),)), reference_doc=path if number % 2 else copy)
    write(Release("Given as bytes", None, ()), reference_doc=path.read_bytes())
    after = docx_template._reference_template.cache_info()
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 5)  # keyed by content, not by name
    assert after.maxsize is not None  # bounded


# --- properties -------------------------------------------------------------------------------------------


_PYTHON_DOCX_TEMPLATE = _saved(docx.Document())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases)
def test_any_release_with_a_reference_doc_reads_back_in_the_same_styles(release: Release) -> None:
    """Styles found by name in the reference or added from the house: the reader sees the same names either way."""
    document = docx.Document(io.BytesIO(write(release, reference_doc=_PYTHON_DOCX_TEMPLATE)[0]))
    assert paragraphs(document) == expected_paragraphs(release)


def test_threads_sharing_the_parsed_templates_write_identical_bytes() -> None:
    """The parsed templates are shared by every thread and deep-copied per document: never modified."""
    from concurrent.futures import ThreadPoolExecutor

    reference = hostile_reference()
    release = structured_release()
    expected = (write(release)[0], write(release, reference_doc=reference)[0])
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda n: write(release, **({"reference_doc": reference} if n % 2 else {}))[0], range(32)))
    assert all(result == expected[n % 2] for n, result in enumerate(results))


def test_a_reference_without_a_default_paragraph_style_still_styles_plain_paragraphs() -> None:
    """LibreOffice's .docx flags no style as the default; plain paragraphs must still be in Normal."""
    data = _saved(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    reference = _rewrite(data, {"word/styles.xml": re.sub(r' w:default="1"', "", styles).encode()})
    document = docx.Document(io.BytesIO(write(structured_release(), reference_doc=reference)[0]))
    assert paragraphs(document) == expected_paragraphs(structured_release())


@pytest.mark.parametrize(
    "main_type",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    ],
)
def test_word_templates_and_macro_files_serve_as_reference_without_their_macros(main_type: str) -> None:
    template = docx.Document()
    template.styles["Title"].font.size = Pt(33)
    data = _saved(template)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", main_type)
    types = types.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    rels = rels.replace("</Relationships>", '<Relationship Id="rId999" Type="http://schemas.microsoft.com/office/2006/'
                        'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')  # fmt: skip
    reference = _rewrite(data, {"[Content_Types].xml": types.encode(), "word/_rels/document.xml.rels": rels.encode(),
                                "word/vbaProject.bin": b"Secret macro"})  # fmt: skip
    output, _ = write(structured_release(), reference_doc=reference)
    parts = unpacked(output)
    assert "word/vbaProject.bin" not in parts and b"vbaProject" not in b"".join(parts.values())
    assert b"macroEnabled" not in parts["[Content_Types].xml"] and b"template.main" not in parts["[Content_Types].xml"]
    assert docx.Document(io.BytesIO(output)).styles["Title"].font.size == Pt(33)
