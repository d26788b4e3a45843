"""HTML output: read back independently, escaped by construction, valid for the Nu HTML checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pressconv
from conftest import FIXTURE_CASES, Fixture
from pressconv.l10n import document_title, shown_title
from readback import read_html, shown_paragraphs


def _write(release: pressconv.Release, **options: object) -> str:
    import io

    buffer = io.BytesIO()
    pressconv.write(release, "html", buffer, **options)
    return buffer.getvalue().decode("utf-8")


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_html_reads_back_as_the_model(fixture: Fixture) -> None:
    release = fixture.release()
    page = read_html(_write(release))
    assert page.lang == release.language
    # A release with no title: the page's <title> names it (with its date), its heading the kind of document.
    assert page.title == document_title(release.title, release.date, release.language)
    assert page.heading == shown_title(release.title, release.language)
    assert page.paragraphs == shown_paragraphs(release)
    if release.date is None:
        assert page.time is None
    else:
        assert page.time is not None and page.time[0] == release.date.isoformat()
    ld = json.loads(page.scripts[0])
    assert ld["@type"] == "NewsArticle" and ld.get("headline") == release.title  # none made up for an untitled one
    assert ld.get("datePublished") == (release.date.isoformat() if release.date else None)


def test_markup_in_text_stays_text() -> None:
    paragraphs = ('<script>alert("x")</script>', "&amp; S&P", "]]> </style>")
    release = pressconv.Release("A <b>bold</b> & </title> title", None, paragraphs)
    markup = _write(release)
    assert "<script>alert" not in markup and "<b>" not in markup
    page = read_html(markup)
    assert page.title == page.heading == release.title
    assert page.paragraphs == shown_paragraphs(release)
    assert "script" in page.tags and len(page.scripts) == 1  # only the JSON-LD block
    assert json.loads(page.scripts[0])["headline"] == release.title


def test_readable_date_follows_the_language() -> None:
    import datetime

    base = pressconv.Release("T", datetime.date(2014, 3, 7), ("x",))
    from pressconv.l10n import format_date

    for language, shown in [("en-GB", "7 March 2014"), ("en-US", "March 7, 2014"), ("fr", format_date(base.date, "fr"))]:
        from dataclasses import replace

        page = read_html(_write(replace(base, language=language)))
        assert page.time == ("2014-03-07", shown)


def test_custom_stylesheet_replaces_the_built_in_one(tmp_path: Path) -> None:
    css = tmp_path / "house.css"
    css.write_text("body { color: rebeccapurple; } /* </style><script>x</script> */")
    markup = _write(pressconv.Release("T", None, ("x",)), css=css)
    assert "rebeccapurple" in markup and "Georgia" not in markup
    # The CSS cannot end the <style> element and open a script: the only script is the JSON-LD block.
    scripts = read_html(markup).scripts
    assert len(scripts) == 1 and json.loads(scripts[0])["@type"] == "NewsArticle"
    assert "</style><script>" not in markup


def test_missing_stylesheet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(pressconv.OptionError, match="cannot read the stylesheet"):
        _write(pressconv.Release("T", None, ("x",)), css=tmp_path / "nope.css")


def test_nu_html_checker_finds_no_errors_or_warnings(tmp_path: Path) -> None:
    import judges

    pages = []
    for fixture in FIXTURE_CASES:
        release = fixture.values[0].release()  # type: ignore[attr-defined]
        pages.append(tmp_path / f"{release.source}.html")
        pages[-1].write_text(_write(release), encoding="utf-8")
    assert judges.nu_findings(pages) == []
