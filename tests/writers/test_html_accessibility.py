"""HTML accessibility and validity: axe-core (WCAG 2.0–2.2 A/AA and best practice) in light and dark schemes, the Nu checker."""

from __future__ import annotations

import dataclasses
import datetime
import io
import itertools
from pathlib import Path

import pytest

import pressconv
from conftest import all_fixtures
from pressconv.model import Collection, Release
from pressconv.writers import get_writer
from samples import structured_release

LANGUAGE_FIXTURES = ("script-", "bilingual-")


def _pages(directory: Path) -> dict[str, Path]:
    """The pages judged: the structured release, a right-to-left one, three fixtures, a bundle of every fixture."""
    pages: dict[str, Release | Collection] = {
        "structured": structured_release(),
        "arabic": dataclasses.replace(structured_release("ar"), title="المجلس يوافق على الميزانية"),
        # No title: the page heads itself with the kind of document, its subheadings stay under it.
        "untitled": dataclasses.replace(structured_release(), title=None),
    }
    fixtures = [fixture.release() for fixture in all_fixtures()]
    # A few fixtures with structure (lists, subheadings, notes, contacts) on pages of their own, and the seed;
    # every fixture is also a chapter of the bundle (axe takes seconds a page, so not all of them twice).
    structured = [name for name in (fixture.name for fixture in all_fixtures()) if name.startswith("structure-")][:3]
    for fixture, release in zip(all_fixtures(), fixtures, strict=True):
        # The scripts and bilingual fixtures too: right to left, shaped scripts, language of parts (issue 26).
        if fixture.name in structured or fixture.name == "blue-light-integration" or fixture.name.startswith(LANGUAGE_FIXTURES):
            pages[f"fixture-{fixture.name}"] = release
    twin = dataclasses.replace(structured_release(), date=datetime.date(2024, 3, 1))
    pages["bundle"] = Collection("Press releases <2024>", (structured_release(), twin, *fixtures), "en-GB")
    paths = {}
    for name, document in pages.items():
        buffer = io.BytesIO()
        if isinstance(document, Collection):
            get_writer("html").write_collection(document, buffer)  # type: ignore[attr-defined]
        else:
            pressconv.write(document, "html", buffer)
        path = directory / f"{name.replace('/', '-')}.html"
        path.write_bytes(buffer.getvalue())
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _pages(tmp_path_factory.mktemp("html-pages"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(pages: dict[str, Path], scheme: str) -> None:
    from judges import axe_violations_many

    found = axe_violations_many(list(pages.values()), scheme)  # type: ignore[arg-type]
    shown = {name: [f"{f['rule']}: {f['location']} {f['html']}" for f in findings] for name, findings in found.items()}
    assert {name: lines for name, lines in shown.items() if lines} == {}, scheme


def test_nu_html_checker_accepts_structured_pages_and_bundles(pages: dict[str, Path]) -> None:
    from judges import nu_findings

    assert nu_findings(list(pages.values())) == []


def test_the_page_has_one_main_landmark_and_declares_both_colour_schemes(pages: dict[str, Path]) -> None:
    from bs4 import BeautifulSoup

    for name, path in pages.items():
        soup = BeautifulSoup(path.read_bytes(), "html.parser")
        assert len(soup.find_all("main")) == 1, name
        assert soup.find("meta", attrs={"name": "color-scheme"})["content"] == "light dark"
        assert "prefers-color-scheme: dark" in soup.find("style").string
        levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), (name, levels)


def test_a_user_stylesheet_does_not_declare_a_dark_scheme_it_may_not_have() -> None:
    buffer = io.BytesIO()
    pressconv.write(structured_release(), "html", buffer, css=b"body { color: navy; }")
    assert b'name="color-scheme"' not in buffer.getvalue()


def test_a_stylesheet_that_is_not_utf8_is_refused_up_front() -> None:
    for fmt in ("html", "epub"):
        writer = get_writer(fmt)
        options = pressconv.writers.make_options(writer, {"css": b"p { content: '\xff\xfe'; }"})
        with pytest.raises(pressconv.OptionError, match="not UTF-8"):
            writer.check(options)  # type: ignore[attr-defined]
        writer.check(pressconv.writers.make_options(writer, {"css": b"\xef\xbb\xbfp { color: navy; }"}))  # type: ignore[attr-defined]
