"""EPUB output: epubcheck-clean for every fixture, read back by ebooklib and pandoc, reproducible."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import judges
import pressconv
from conftest import FIXTURE_CASES, Fixture, all_fixtures, folded
from pressconv.l10n import document_title, shown_title
from readback import shown_paragraphs
from samples import tiny_png
from strategies import releases


def epub_bytes(release: pressconv.Release, **options: object) -> bytes:
    buffer = io.BytesIO()
    pressconv.write(release, "epub", buffer, **options)
    return buffer.getvalue()


def test_epubcheck_reports_no_errors_or_warnings(tmp_path: Path) -> None:
    books = []
    for fixture in all_fixtures():
        path = tmp_path / f"{fixture.name}.epub"
        path.write_bytes(epub_bytes(fixture.release()))
        books.append(path)
    long_release = pressconv.Release(
        "A very long release " * 12,
        datetime.date(2020, 1, 2),
        tuple(f"Paragraph {n}: " + "lorem ipsum dolor " * 200 for n in range(300)),
    )
    extras = {
        "long": epub_bytes(long_release),
        "user-cover": epub_bytes(pressconv.Release("Covered", None, ("Text.",)), cover=_write(tmp_path / "c.png", tiny_png())),
        "svg-cover": epub_bytes(
            pressconv.Release("Covered", None, ("Text.",)),
            cover=_write(tmp_path / "c.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="6" height="9"/>'),
        ),
        "custom-css": epub_bytes(
            pressconv.Release("Styled", None, ("Text.",)), css=_write(tmp_path / "s.css", b"p { color: navy; }")
        ),
        "all-options": epub_bytes(
            pressconv.Release("Opts", None, ("T.",), source_url="https://example.org/r/1"),
            author="Press Office",
            publisher="Council",
            identifier="urn:isbn:9780000000002",
        ),
    }
    for name, data in extras.items():
        books.append(_write(tmp_path / f"{name}.epub", data))
    findings = judges.epubcheck_findings(books)
    assert {name: found for name, found in findings.items() if found} == {}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_ebooklib_reads_back_the_model(fixture: Fixture, tmp_path: Path) -> None:
    from bs4 import BeautifulSoup
    from ebooklib import ITEM_DOCUMENT, epub

    release = fixture.release()
    path = _write(tmp_path / "book.epub", epub_bytes(release))
    book = epub.read_epub(str(path), {"ignore_ncx": True})
    assert book.get_metadata("DC", "title")[0][0] == document_title(release.title, release.date, release.language)
    assert book.get_metadata("DC", "language")[0][0] == release.language
    assert [value for value, _ in book.get_metadata("DC", "date")] == ([release.date.isoformat()] if release.date else [])
    chapter = next(item for item in book.get_items_of_type(ITEM_DOCUMENT) if item.file_name == "release.xhtml")
    article = BeautifulSoup(chapter.get_content(), "lxml-xml").find("article")
    assert article.find("h1").get_text() == shown_title(release.title, release.language)
    # Every piece of body text (paragraphs, subheadings, list items, contact lines) in order, the header aside.
    # ebooklib pretty-prints what it reads (a <p> holding only a link gains newlines), so whitespace is folded.
    units = article.find_all(["p", "li", "h2", "h3", "h4", "h5", "h6"])
    texts = [folded(unit.get_text()) for unit in units if not unit.find_parent("header")]
    assert texts == [folded(text) for text in shown_paragraphs(release)]


def test_pandoc_reads_title_and_every_paragraph(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    for fixture in all_fixtures():
        release = fixture.release()
        path = _write(tmp_path / f"{fixture.name}.epub", epub_bytes(release))
        text = folded(pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none", "--standalone"]))
        for paragraph in (shown_title(release.title, release.language), *shown_paragraphs(release)):
            assert folded(paragraph) in text, (fixture.name, paragraph)


def test_same_release_gives_identical_bytes_and_a_stable_identifier() -> None:
    release = all_fixtures()[0].release()
    assert epub_bytes(release) == epub_bytes(release)
    opf = _opf(epub_bytes(release))
    identifier = re.search(r"<dc:identifier[^>]*>([^<]+)<", opf)
    assert identifier is not None and identifier.group(1).startswith("urn:uuid:")
    other = _opf(epub_bytes(pressconv.Release(release.title, release.date, (*release.paragraphs, "One more."))))
    assert identifier.group(1) not in other
    assert "urn:isbn:9780000000002" in _opf(epub_bytes(release, identifier="urn:isbn:9780000000002"))


def test_opf_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    release = pressconv.Release("Llyfr", datetime.date(2014, 3, 7), ("Testun.",), language="cy")
    opf = _opf(epub_bytes(release, author="Swyddfa", publisher="Cyngor"))
    assert opf.count('property="dcterms:modified"') == 1
    assert '<meta property="dcterms:modified">2014-03-07T00:00:00Z</meta>' in opf
    assert "<dc:language>cy</dc:language>" in opf and "<dc:date>2014-03-07</dc:date>" in opf
    assert ">Swyddfa</dc:creator>" in opf and "<dc:publisher>Cyngor</dc:publisher>" in opf
    for prop in ("accessMode", "accessModeSufficient", "accessibilityFeature", "accessibilityHazard", "accessibilitySummary"):
        assert f'property="schema:{prop}"' in opf
    assert "Ebook-lib" not in opf and 'properties="cover-image"' in opf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "2023-11-14T22:13:20Z" in _opf(epub_bytes(release))


def test_user_cover_and_css_are_used(tmp_path: Path) -> None:
    release = pressconv.Release("Covered", None, ("Text.",))
    data = epub_bytes(
        release, cover=_write(tmp_path / "c.png", tiny_png()), css=_write(tmp_path / "s.css", b"p { color: navy; }")
    )
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert book.read("EPUB/images/cover.png") == tiny_png()
        assert book.read("EPUB/style/book.css") == b"p { color: navy; }"
        assert book.infolist()[0].filename == "mimetype" and book.infolist()[0].compress_type == zipfile.ZIP_STORED
    with pytest.raises(pressconv.OptionError, match="not a PNG, JPEG"):
        epub_bytes(release, cover=_write(tmp_path / "c.txt", b"not an image"))


def _opf(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return book.read("EPUB/content.opf").decode("utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases)
def test_any_valid_release_is_written(release: pressconv.Release) -> None:
    opf = _opf(epub_bytes(release))
    assert "<dc:title>" in opf


def test_a_title_that_looks_like_the_shell_s_body_tag_stays_text() -> None:
    release = pressconv.Release("A <body /> title", None, ("Text <body /> too.",))
    with zipfile.ZipFile(io.BytesIO(epub_bytes(release))) as book:
        chapter = book.read("EPUB/release.xhtml").decode()
    assert chapter.count("<body>") == 1 and chapter.count("</body>") == 1
    assert "<title>A &lt;body /&gt; title</title>" in chapter and "<p>Text &lt;body /&gt; too.</p>" in chapter


@given(st.text(max_size=80))
def test_content_identifiers_are_the_uuid_module_s_uuid5(name: str) -> None:
    import uuid

    from pressconv.writers.epub import book

    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/pressconv/#epub")
    assert namespace.bytes == book._NAMESPACE
    assert book.uuid5(book._NAMESPACE, name) == str(uuid.uuid5(namespace, name))
