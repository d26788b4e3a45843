"""What the html reader leaves out of a page is reported, block by block, as the cleaner reports what it drops."""

from __future__ import annotations

import pressconv
from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader

_PROSE = "The council approved its budget for 2024, with a comma or two, in a vote on Thursday evening."
_PAGE = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Budget approved</title></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Budget approved</h1><p>Published 7 March 2024</p>
<p>{_PROSE}</p><p>{_PROSE} It passed by 32 votes to 11.</p>
<div class="share-bar"><a href="https://x.example/share">Share on X</a></div>
<section class="comments"><h3>2 comments</h3><p>Great news for the town, at last, after years of waiting for it.</p></section>
</article>
<footer><p>© Northshire Council</p></footer>
</body></html>"""


def _release() -> pressconv.Release:
    return HtmlReader().read(_PAGE.encode(), ReadOptions())


def test_the_site_around_the_release_and_the_furniture_inside_it_are_reported() -> None:
    removed = {(removal.reason, removal.text) for removal in _release().removed}
    assert ("outside-release", "We use cookies to improve your experience. Accept all") in removed
    assert ("outside-release", "Home News") in removed
    assert ("outside-release", "© Northshire Council") in removed
    assert ("page-furniture", "Share on X") in removed
    assert ("page-furniture", "2 comments") in removed
    assert ("page-furniture", "Great news for the town, at last, after years of waiting for it.") in removed


def test_nothing_kept_or_read_as_metadata_is_reported() -> None:
    release = _release()
    reported = {removal.text for removal in release.removed}
    assert not reported & {release.title, *release.paragraphs}
    assert "Published 7 March 2024" not in reported  # the header's date line is data, not left out
    assert release.date is not None and release.date.isoformat() == "2024-03-07"


def test_positions_are_the_page_s_blocks_in_reading_order_and_the_cleaner_keeps_them() -> None:
    release = _release()
    numbers = [removal.paragraph for removal in release.removed]
    assert numbers == sorted(numbers) and numbers[0] == 1
    cleaned, _ = pressconv.clean(release)
    assert cleaned.removed[: len(release.removed)] == release.removed
    assert "block 1 of the page lies outside the release" in release.removed[0].message


def test_a_short_dated_line_near_the_headline_dates_a_page_that_says_nothing_else() -> None:
    page = (
        "<html lang='de'><body><div><h1>Neue Radwege</h1><aside><p>Pressestelle</p><p>12.03.2024, 10:30 Uhr</p></aside>"
        f"<p>{_PROSE}</p><p>Am 5. Mai 2024 beginnen die Arbeiten, {_PROSE}</p></div></body></html>"
    )
    release = HtmlReader().read(page.encode(), ReadOptions())
    assert release.date is not None and release.date.isoformat() == "2024-03-12"
    assert any(found.message == "the date is a short dated line near the headline" for found in release.notices)


def test_a_date_inside_a_sentence_of_the_body_never_dates_the_page() -> None:
    sentence = "The works start on 5 May 2024 and last a month."
    page = f"<html><body><div><h1>Roadworks</h1><p>{_PROSE} {sentence}</p></div></body></html>"
    assert HtmlReader().read(page.encode(), ReadOptions()).date is None


def test_a_related_section_inside_the_article_is_reported_as_furniture() -> None:
    page = (
        f"<html><body><article><h1>Budget approved</h1><p>{_PROSE}</p>"
        "<h2>Related news</h2><p><a href='/a'>Parking charges frozen</a></p><p><a href='/b'>New bins</a></p>"
        "</article></body></html>"
    )
    release = HtmlReader().read(page.encode(), ReadOptions())
    assert release.paragraphs == (_PROSE,)
    furniture = [(removal.reason, removal.text) for removal in release.removed]
    assert furniture == [
        ("page-furniture", "Related news"),
        ("page-furniture", "Parking charges frozen"),
        ("page-furniture", "New bins"),
    ]
    assert [removal.paragraph for removal in release.removed] == [3, 4, 5]


def test_a_noscript_that_leaves_an_element_open_does_not_swallow_the_page() -> None:
    page = f'<html><body><noscript><div id="nojs"></noscript><div><h1>Budget approved</h1><p>{_PROSE}</p></div></body></html>'
    release = HtmlReader().read(page.encode(), ReadOptions())
    assert release.title == "Budget approved" and release.paragraphs == (_PROSE,)


def test_a_section_kicker_by_the_headline_is_left_out_and_reported() -> None:
    markup = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"></head><body><article>'
        '<p><a href="/news/environment">Environment</a></p><h1>Budget approved</h1>'
        f"<p>{_PROSE}</p><p>{_PROSE} It passed.</p></article></body></html>"
    )
    release = HtmlReader().read(markup.encode(), ReadOptions())
    assert "Environment" not in release.paragraphs
    assert ("page-furniture", "Environment") in {(removal.reason, removal.text) for removal in release.removed}
