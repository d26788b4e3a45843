"""EPUB accessibility: Ace by DAISY finds nothing, epubcheck stays 0/0, and the accessibility metadata is true to the book."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest

import pressconv
from conftest import all_fixtures
from pressconv.model import Collection, Release
from pressconv.writers import get_writer
from samples import HARD_TITLES, SVG_HEAD, structured_release, tiny_png


def _book(document: Release | Collection, **options: object) -> bytes:
    buffer = io.BytesIO()
    if isinstance(document, Collection):
        writer = get_writer("epub")
        get_writer("epub").write_collection(document, buffer, pressconv.writers.make_options(writer, options))  # type: ignore[attr-defined]
    else:
        pressconv.write(document, "epub", buffer, **options)
    return buffer.getvalue()


def _books(directory: Path) -> dict[str, Path]:
    fixtures = [fixture.release() for fixture in all_fixtures()]
    twin = dataclasses.replace(structured_release(), date=datetime.date(2024, 3, 1))
    books = {
        "structured": _book(structured_release()),
        "arabic": _book(dataclasses.replace(structured_release("ar"), title="المجلس يوافق على الميزانية")),
        "welsh": _book(structured_release("cy")),
        "untitled": _book(dataclasses.replace(structured_release("cy"), title=None)),  # named "Datganiad i'r wasg, …"
        "bundle": _book(Collection("Press releases <2024>", (structured_release(), twin, *fixtures), "en-GB")),
        "png-cover": _book(structured_release(), cover=tiny_png()),
        "sanitised-svg-cover": _book(
            structured_release(),
            cover=SVG_HEAD + b' onload="x()"><script>x()</script><image href="https://x.example/a.png"/></svg>',
        ),
    }
    for fixture, release in zip(all_fixtures(), fixtures, strict=True):
        if fixture.name.startswith(("script-", "bilingual-")):  # right to left, shaped scripts, language of parts
            books[fixture.name] = _book(release)
    for name, title in HARD_TITLES.items():
        books[f"cover-{name}"] = _book(Release(title, datetime.date(2024, 2, 21), ("Text.",)))
    paths = {}
    for name, data in books.items():
        path = directory / f"{name}.epub"
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _books(tmp_path_factory.mktemp("epubs"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "structured", "arabic", "bundle", "sanitised-svg-cover", "script-arabic", "script-hindi", "bilingual-welsh-english",
        "untitled",
    ],
)
def test_ace_finds_no_violations(books: dict[str, Path], name: str) -> None:
    from judges import ace_violations

    findings = ace_violations(books[name])
    assert findings == [], "\n".join(f"{f['rule']} ({f['impact']}): {f['location']} {f['html']}" for f in findings)


def test_epubcheck_accepts_structured_books_bundles_and_covers(books: dict[str, Path]) -> None:
    from judges import epubcheck_findings

    findings = epubcheck_findings(list(books.values()))
    assert {name: found for name, found in findings.items() if found} == {}


def _opf(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read("EPUB/content.opf").decode("utf-8")


def test_the_package_declares_its_language_and_accessibility(books: dict[str, Path]) -> None:
    opf = _opf(books["welsh"])
    assert re.search(r'<package [^>]*xml:lang="cy"', opf)
    metadata = dict.fromkeys(re.findall(r'<meta property="([^"]+)">([^<]+)</meta>', opf))
    properties = [prop for prop, _ in metadata]
    for prop in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityHazard", "schema:accessibilitySummary",
                 "dcterms:conformsTo", "a11y:certifiedBy"):  # fmt: skip
        assert prop in properties, prop
    values = {(prop, value) for prop, value in metadata}
    features = {value for prop, value in values if prop == "schema:accessibilityFeature"}
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"} <= features
    assert ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA") in values
    assert ("schema:accessibilityHazard", "none") in values
    # The book is text with one image (the cover, with alternative text): textual and visual, text suffices.
    assert {value for prop, value in values if prop == "schema:accessMode"} == {"textual", "visual"}
    assert {value for prop, value in values if prop == "schema:accessModeSufficient"} == {"textual"}
    from bs4 import BeautifulSoup

    with zipfile.ZipFile(books["welsh"]) as book:
        cover_page = BeautifulSoup(book.read("EPUB/cover.xhtml"), "lxml-xml")
    assert cover_page.find("img")["alt"] == structured_release("cy").title


def test_right_to_left_books_progress_right_to_left(books: dict[str, Path]) -> None:
    opf = _opf(books["arabic"])
    assert 'page-progression-direction="rtl"' in opf
    with zipfile.ZipFile(books["arabic"]) as book:
        assert 'dir="rtl"' in book.read("EPUB/nav.xhtml").decode("utf-8")
        assert '<html xmlns="http://www.w3.org/1999/xhtml"' in book.read("EPUB/release.xhtml").decode("utf-8")
        assert 'dir="rtl"' in book.read("EPUB/release.xhtml").decode("utf-8")
