"""The html reader's publication date: every place a page states one, in order of trust (readers/html/dating.py).

Each case is a small invented page; the fixtures in fixtures/html/ (date-*.html) are fuller pages of the same kinds.
"""

from __future__ import annotations

import datetime

import pytest

from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader
from pressconv.readers.html.dating import url_date
from pressconv.readers.html.metadata import Stamp, machine_stamp

PROSE = "This sentence is long enough, with a comma or two, to read as a paragraph of the release itself."


def date_of(body: str, head: str = "", language: str = "en-GB") -> datetime.date | None:
    markup = f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    return HtmlReader().read(markup.encode(), ReadOptions()).date


def ld(published: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{published}"}}</script>'


@pytest.mark.parametrize(
    ("value", "day", "minutes"),
    [
        ("2023-11-09T01:49:09Z", datetime.date(2023, 11, 9), 109),
        ("2023-11-09T06:35:29+00:00", datetime.date(2023, 11, 9), 395),
        ("20200414T00:38:07Z", datetime.date(2020, 4, 14), 38),
        ("Wed, 04 May 2022 00:25:56 GMT", datetime.date(2022, 5, 4), 25),
        ("2023-11-08T22:35:29-08:00", datetime.date(2023, 11, 8), None),  # its own offset: the day as written
        ("2024-03-07", datetime.date(2024, 3, 7), None),
    ],
)
def test_a_stamp_keeps_its_day_as_written_and_says_when_its_time_is_utc(
    value: str, day: datetime.date, minutes: int | None
) -> None:
    assert machine_stamp(value, "test") == Stamp(day, "test", utc_minutes=minutes)


def test_a_utc_stamp_may_be_the_day_before_only_in_the_morning_and_the_day_after_only_in_the_afternoon() -> None:
    day = datetime.date(2024, 7, 12)
    early, late = Stamp(day, "t", utc_minutes=3 * 60), Stamp(day, "t", utc_minutes=23 * 60)
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)
    assert early.may_be_local(before) and not early.may_be_local(after)
    assert late.may_be_local(after) and not late.may_be_local(before)
    assert not Stamp(day, "t").may_be_local(before)  # a date at a local offset or without a time is its own day


def test_a_utc_stamp_a_day_ahead_of_the_pages_own_time_gives_way_to_it() -> None:
    time = "<p><time datetime='2024-07-11T20:40:00-07:00'>July 11, 2024</time></p>"
    assert date_of(f"<article><h1>Title</h1>{time}<p>{PROSE}</p></article>", ld("2024-07-12T03:40:00Z")) == datetime.date(
        2024, 7, 11
    )


def test_a_utc_stamp_at_midday_keeps_its_day_whatever_the_page_prints() -> None:
    # 12:30 UTC is 11 March nowhere on Earth: the printed "11 March" is some other date (a site header's today).
    assert date_of(f"<article><h1>Title</h1><p>11 March 2024</p><p>{PROSE}</p></article>", ld("2024-03-12T12:30:00Z")) == (
        datetime.date(2024, 3, 12)
    )


def test_a_stamp_at_a_local_offset_is_never_moved() -> None:
    page = f"<article><h1>Title</h1><p>6 March 2024</p><p>{PROSE}</p></article>"
    assert date_of(page, ld("2024-03-07T01:00:00+01:00")) == datetime.date(2024, 3, 7)


def test_a_date_published_outside_the_article_object_or_in_broken_json_is_read() -> None:
    broken = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2022-01-10T22:06:08:684Z",}</script>'
    assert date_of(f"<article><h1>Title</h1><p>{PROSE}</p></article>", broken) == datetime.date(2022, 1, 10)


def test_a_time_in_an_element_named_as_the_date_outside_the_article_is_read() -> None:
    body = (
        f"<div class='main'><h1>Title</h1><div class='text'><p>{PROSE}</p><p>{PROSE}</p></div></div>"
        "<div class='side'><div class='published'><time datetime='2020-06-22T09:30:00+02:00'>a while ago</time></div></div>"
    )
    assert date_of(body) == datetime.date(2020, 6, 22)


def test_an_update_named_element_never_dates_the_page() -> None:
    body = f"<div class='main'><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p></div><div class='last-updated-date'>3 May 2021</div>"
    assert date_of(body) is None


def test_a_date_in_a_sidebar_or_footer_never_dates_the_page() -> None:
    body = (
        f"<article><h1>Title</h1><p>{PROSE}</p></article><aside><p class='date'>3 May 2021</p></aside><footer>4 May 2021</footer>"
    )
    assert date_of(body) is None


def test_a_date_glued_to_the_bylines_last_word_is_read() -> None:
    body = f"<article><h1>Title</h1><div><span>Jane Smith</span><span>3.11.2023</span></div><p>{PROSE}</p></article>"
    assert date_of(body, language="de") == datetime.date(2023, 11, 3)


def test_the_dateline_under_a_byline_is_read() -> None:
    body = f"<article><h1>Title</h1><p>Jane Smith, health reporter</p><p>LEEDS, 4 June 2024 – {PROSE}</p></article>"
    assert date_of(body) == datetime.date(2024, 6, 4)


def test_a_dated_heading_just_above_the_article_dates_it_but_a_dated_sentence_does_not() -> None:
    above = f"<div><h2>Friday 7 June 2024</h2><article><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p></article></div>"
    assert date_of(above) == datetime.date(2024, 6, 7)
    sentence = (
        f"<div><h2>Our fair on 7 June 2024 will be the biggest yet</h2><article><h1>Title</h1><p>{PROSE}</p></article></div>"
    )
    assert date_of(sentence) is None


def test_a_date_leading_the_headline_dates_the_page() -> None:
    assert date_of(f"<div><h1>18.01.2024 - Club wins the relay race</h1><p>{PROSE}</p></div>", language="de") == (
        datetime.date(2024, 1, 18)
    )


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.org/news/2024/03/07/budget", datetime.date(2024, 3, 7)),
        ("https://example.org/2024-03-07-budget", datetime.date(2024, 3, 7)),
        ("https://example.org/news/2024/03/budget", None),  # no day: no date
        ("https://example.org/2024/13/40/x", None),
        (None, None),
    ],
)
def test_the_address_gives_a_date_only_with_year_month_and_day(url: str | None, day: datetime.date | None) -> None:
    assert url_date(url) == day


def test_a_declared_date_the_page_also_prints_wins_over_a_json_ld_date_alone() -> None:
    head = ld("2023-11-03T10:25:56+01:00") + "<meta property='article:published_time' content='2023-11-06T14:25:00+01:00'>"
    body = f"<article><h1>Title</h1><p>Published 6 November 2023</p><p>{PROSE}</p></article>"
    assert date_of(body, head) == datetime.date(2023, 11, 6)
    alone = f"<article><h1>Title</h1><p>{PROSE}</p></article>"  # printed nowhere: the most trusted declaration stands
    assert date_of(alone, head) == datetime.date(2023, 11, 3)


def test_the_date_in_a_details_list_in_an_aside_of_the_article_is_read() -> None:
    details = "<aside class='details'><dl><dt>Datum</dt><dd>12.01.2017</dd><dt>Kategorie</dt><dd>Technik</dd></dl></aside>"
    body = f"<div><h1>Titel</h1></div><article><div><p>{PROSE}</p><p>{PROSE}</p></div>{details}</article>"
    assert date_of(body, language="de") == datetime.date(2017, 1, 12)


def test_the_date_in_a_posts_footer_line_is_read_when_the_page_has_no_other() -> None:
    footer = "<div class='post-footer'>Posted on 14 December 2015 by Jo</div>"
    body = f"<div class='post'><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p>{footer}</div>"
    assert date_of(body) == datetime.date(2015, 12, 14)


def test_a_placeholder_stamp_is_no_date_and_no_error() -> None:
    # CMSs write "0001-01-01T00:00:00Z" (or the Unix epoch's first day) for a date they never set: no date is
    # stated there (a date that is not there stays unknown), and there is no day before the year 1 to weigh.
    page = f"<article><h1>Title</h1><p>11 March 2024</p><p>{PROSE}</p></article>"
    for placeholder in ("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1900-01-01", "Mon, 01 Jan 1900 00:00:00 GMT"):
        assert date_of(page, ld(placeholder)) == datetime.date(2024, 3, 11)
    for placeholder in ("0001-01-01T00:00:00Z", "1970-01-01", "1900-01-01", "Mon, 01 Jan 1900 00:00:00 GMT"):
        assert machine_stamp(placeholder, "test") is None, placeholder
