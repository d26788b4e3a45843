"""The html reader's title: no section label glued to the headline, never the site's name (readers/html/titling.py).

Each case is a small invented page; fixtures/html/title-*.html are fuller pages of the same kinds.
"""

from __future__ import annotations

import pytest

from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader

PROSE = "This sentence is long enough, with a comma or two, to read as a paragraph of the release itself."


def title_of(body: str, head: str = "") -> str:
    markup = f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    return HtmlReader().read(markup.encode(), ReadOptions()).title


@pytest.mark.parametrize(
    "h1",
    [
        "<span class='kicker'>Politics</span> <span>Council approves new budget</span>",
        "<span>Politics</span><br><span>Council approves new budget</span>",
        "<small>7 March 2024</small> Council approves new budget",
        "Council approves new budget <small>07.03.2024 • News, Council</small>",
    ],
)
def test_a_label_or_a_date_line_in_the_h1_is_not_the_headline(h1: str) -> None:
    assert title_of(f"<article><h1>{h1}</h1><p>{PROSE}</p></article>") == "Council approves new budget"


def test_a_lead_in_the_page_does_not_declare_comes_off_the_headline() -> None:
    head = "<meta property='og:title' content='Council approves new budget'>"
    assert title_of(f"<article><h1>Local News | Council approves new budget</h1><p>{PROSE}</p></article>", head) == (
        "Council approves new budget"
    )


def test_a_headline_the_page_declares_whole_keeps_its_first_words() -> None:
    head = "<title>Plan vélo : 250 millions pour les pistes | Ministère</title><meta property='og:site_name' content='Ministère'>"
    assert title_of(f"<article><h1>Plan vélo : 250 millions pour les pistes</h1><p>{PROSE}</p></article>", head) == (
        "Plan vélo : 250 millions pour les pistes"
    )


def test_a_person_named_first_in_the_headline_is_not_a_label() -> None:
    assert title_of(f"<article><h1><b>Jane Smith</b> named chief executive of the council</h1><p>{PROSE}</p></article>") == (
        "Jane Smith named chief executive of the council"
    )


def test_the_sites_name_as_the_only_h1_gives_way_to_the_declared_headline() -> None:
    head = (
        "<title>Allotment list reopens | Greenhollow Growers</title><meta property='og:site_name' content='Greenhollow Growers'>"
    )
    body = f"<div><h1>Greenhollow Growers</h1></div><div class='post'><h2>Allotment list reopens</h2><p>{PROSE}</p></div>"
    assert title_of(body, head) == "Allotment list reopens"


def test_a_logo_h1_linking_home_gives_way_to_the_title_elements_headline() -> None:
    head = "<title>Riverside Blog » Archive » Flood defences finished on time</title>"
    body = f"<h1><a href='https://riverside.example/'>Riverside Blog</a></h1><div><p>{PROSE}</p><p>{PROSE}</p></div>"
    assert title_of(body, head) == "Flood defences finished on time"


def test_with_nothing_declared_the_shown_headline_stays() -> None:
    assert title_of(f"<article><h1>Council approves new budget</h1><p>{PROSE}</p></article>") == "Council approves new budget"
