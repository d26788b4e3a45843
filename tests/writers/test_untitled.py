"""A release with no title, in every format: no empty heading, no body text promoted, and a document name a reader can
use — "Press release" and the date, in the release's language — from the one fallback every writer asks
(`pressconv.l10n.document_title` for metadata, `shown_title` for the top heading)."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import docx
import pypdf
import pytest

import pressconv
from pressconv.l10n import document_title, shown_title, untitled_name
from pressconv.model import Collection, Heading, Paragraph, Release
from pressconv.writers import get_writer
from pressconv.writers.base import CollectionWriter
from readback import read_html, shown_paragraphs

MAY_12 = datetime.date(2025, 5, 12)
BODY = (
    Paragraph("Le conseil fermera la passerelle de la rue des Moulins pendant trois semaines à partir du lundi 19 mai."),
    Heading("Itinéraire de remplacement"),
    Paragraph("Les piétons passeront par la rue de la Gare, où des traversées provisoires sont installées."),
)


def untitled(language: str = "fr", date: datetime.date | None = MAY_12) -> Release:
    return Release(None, date, BODY, language=language)


def written(release: Release, name: str) -> bytes:
    stream = io.BytesIO()
    pressconv.write(release, name, stream)
    return stream.getvalue()


# --- the fallback ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "dated", "undated"),
    [
        ("en-GB", "Press release, 12 May 2025", "Press release"),
        ("fr", "Communiqué de presse du 12 mai 2025", "Communiqué de presse"),
        ("de", "Pressemitteilung vom 12. Mai 2025", "Pressemitteilung"),
        ("cy", "Datganiad i'r wasg, 12 Mai 2025", "Datganiad i'r wasg"),
        ("es", "Nota de prensa del 12 de mayo de 2025", "Nota de prensa"),
        ("ga", "Preaseisiúint, 12 Bealtaine 2025", "Preaseisiúint"),
        ("ja", "Press release, 2025年5月12日", "Press release"),  # no catalogue: the English label, the CLDR date
    ],
)
def test_an_untitled_release_is_named_press_release_and_its_date_in_its_language(
    language: str, dated: str, undated: str
) -> None:
    assert untitled_name(MAY_12, language) == document_title(None, MAY_12, language) == dated
    assert untitled_name(None, language) == document_title(None, None, language) == undated
    assert shown_title(None, language) == undated  # the heading: the date stands below it already


def test_a_title_is_always_its_own_name() -> None:
    assert document_title("Bridge closes", MAY_12, "fr") == shown_title("Bridge closes", "fr") == "Bridge closes"


# --- each writer ----------------------------------------------------------------------------------------------------


def test_html_names_the_page_and_heads_it_with_the_kind_never_an_empty_heading() -> None:
    markup = written(untitled(), "html").decode("utf-8")
    page = read_html(markup)
    assert page.title == "Communiqué de presse du 12 mai 2025"
    assert page.heading == "Communiqué de presse"
    assert '<h1 class="untitled">Communiqué de presse</h1>' in markup and "<h1></h1>" not in markup
    assert page.paragraphs == shown_paragraphs(untitled())  # the body as it is, nothing promoted
    ld = json.loads(page.scripts[0])
    assert "headline" not in ld and ld["datePublished"] == "2025-05-12"  # no headline made up


def test_epub_dc_title_chapter_title_and_heading() -> None:
    from bs4 import BeautifulSoup

    with zipfile.ZipFile(io.BytesIO(written(untitled(), "epub"))) as book:
        opf = book.read("EPUB/content.opf").decode("utf-8")
        chapter = BeautifulSoup(book.read("EPUB/release.xhtml"), "lxml-xml")
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
    assert "<dc:title>Communiqué de presse du 12 mai 2025</dc:title>" in opf
    assert chapter.find("title").get_text() == "Communiqué de presse du 12 mai 2025"
    assert chapter.find("h1").get_text() == "Communiqué de presse"
    assert ">Communiqué de presse</a>" in nav


def test_pdf_title_in_the_info_dictionary_and_xmp_and_an_h1() -> None:
    import pikepdf

    data = written(untitled(), "pdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == "Communiqué de presse du 12 mai 2025"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.open_metadata()["dc:title"] == "Communiqué de presse du 12 mai 2025"  # PDF/UA asks for dc:title
    first_page = reader.pages[0].extract_text()
    assert first_page.startswith("Communiqué de presse") and "Le conseil fermera" in first_page


def test_docx_core_title_and_first_paragraph() -> None:
    document = docx.Document(io.BytesIO(written(untitled(), "docx")))
    assert document.core_properties.title == "Communiqué de presse du 12 mai 2025"
    assert [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs[:2]] == [
        ("Title", "Communiqué de presse"), ("Date", "12 mai 2025"),
    ]  # fmt: skip
    assert all(paragraph.text for paragraph in document.paragraphs if paragraph.style.name in ("Title", "Heading 1"))


def test_undated_and_untitled_is_plain_press_release_everywhere() -> None:
    release = untitled("en-GB", None)
    assert read_html(written(release, "html").decode("utf-8")).title == "Press release"
    assert docx.Document(io.BytesIO(written(release, "docx"))).core_properties.title == "Press release"
    metadata = pypdf.PdfReader(io.BytesIO(written(release, "pdf"))).metadata
    assert metadata is not None and metadata.title == "Press release"


def test_json_keeps_null_and_reads_back_as_the_same_release() -> None:
    release = untitled()
    document = json.loads(written(release, "json"))
    assert document["title"] is None and document["date"] == "2025-05-12"
    again = Release(
        document["title"], datetime.date.fromisoformat(document["date"]), tuple(document["paragraphs"]),
        language=document["language"],
    )  # fmt: skip
    assert (again.title, again.date, again.paragraphs) == (release.title, release.date, release.paragraphs)


def test_a_bundle_lists_an_untitled_release_by_its_kind_and_date() -> None:
    titled = Release("Bridge reopens", MAY_12, (Paragraph("The bridge is open again."),))
    collection = Collection("May releases", (titled, untitled("en-GB")))
    markup = written_collection(collection, "html").decode("utf-8")
    assert ">Press release — <time" in markup and "<h2></h2>" not in markup
    headings = [p.text for p in docx.Document(io.BytesIO(written_collection(collection, "docx"))).paragraphs
                if p.style.name == "Heading 1"]  # fmt: skip
    assert headings == ["Bridge reopens", "Press release"]


def written_collection(collection: Collection, name: str) -> bytes:
    writer = get_writer(name)
    assert isinstance(writer, CollectionWriter)
    stream = io.BytesIO()
    writer.write_collection(collection, stream)
    return stream.getvalue()


def test_the_epub_cover_card_says_press_release_once_and_the_date() -> None:
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(written(untitled("en-GB"), "epub"))) as book:
        card = ElementTree.fromstring(book.read("EPUB/images/cover.svg"))
        cover_page = book.read("EPUB/cover.xhtml").decode("utf-8")
    shown = ["".join(element.itertext()) for element in card.iter("{http://www.w3.org/2000/svg}text")]
    assert shown == ["Press release", "12 May 2025"]  # no label repeating the kind below
    assert 'alt="Press release, 12 May 2025"' in cover_page
