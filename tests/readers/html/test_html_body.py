"""What the html reader keeps of a page's body and what it leaves out (and reports): repeats judged by the
page's elements, site sections and teasers in any lexicon language, disclosures for the page-chrome step."""

from __future__ import annotations

from typing import Any

import pressconv
from conftest import ROOT
from pressconv.model import Release
from pressconv.options import ReadOptions
from pressconv.readers.html import HtmlReader

PROSE = "This sentence is long enough, with a comma or two, to read as a paragraph of the release itself."


def read(markup: str, **options: Any) -> Release:
    return HtmlReader().read(markup.encode("utf-8"), ReadOptions(**options))


def page(body: str, lang: str = "en-GB") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'></head><body>{body}</body></html>"


def test_items_repeated_across_the_pages_own_lists_stay_through_the_cleaner() -> None:
    lists = "".join(f"<h2>Plan {name}</h2><ul><li>Unlimited swimming at both pools</li><li>{extra}</li></ul>"
                    for name, extra in (("A", "Parking included"), ("B", "Gym included")))  # fmt: skip
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{lists}</article>"))
    assert release.repeats_judged
    cleaned, removed = pressconv.clean(release)
    assert removed == ()
    assert cleaned.paragraphs.count("Unlimited swimming at both pools") == 2


def test_a_block_twice_in_a_row_and_a_screen_only_copy_are_reported_repeats() -> None:
    body = (f"<article><h1>Title</h1><div class='lead hidden-xs'><p>First {PROSE}</p></div><p>Second {PROSE}</p>"
            f"<p>Second {PROSE}</p><p>Third {PROSE}</p><div class='visible-xs'><p>First {PROSE}</p></div></article>")  # fmt: skip
    release = read(page(body))
    assert release.paragraphs == (f"First {PROSE}", f"Second {PROSE}", f"Third {PROSE}")
    repeats = [(removal.text, removal.duplicate_of) for removal in release.removed if removal.reason == "repeated-paragraph"]
    assert repeats == [(f"Second {PROSE}", 3), (f"First {PROSE}", 2)]


def test_the_text_readers_repeats_are_still_removed() -> None:
    release = pressconv.parse(
        f"Council opens new depot\n\n{PROSE}\n\nOther {PROSE}\n\n{PROSE}\n\nOther {PROSE}\n".encode(), reader="text"
    )
    assert not release.repeats_judged
    _, removed = pressconv.clean(release)
    assert f"Other {PROSE}" in [removal.text for removal in removed if removal.reason == "repeated-paragraph"]


def test_a_section_label_over_links_in_another_language_is_left_out_and_reported() -> None:
    teasers = "".join(f"<div><p>{kicker}</p><p><a href='/presse/{n}'>Meldung Nummer {n}</a></p></div>"
                      for n, kicker in ((1, "Verkehr"), (2, "Bauen")))  # fmt: skip
    body = f"<article><h1>Titel</h1><p>{PROSE}</p><p>Other {PROSE}</p><p>Mehr zum Thema</p>{teasers}</article>"
    release = read(page(body, "de-DE"))
    assert release.paragraphs == (PROSE, f"Other {PROSE}")
    furniture = [removal.text for removal in release.removed if removal.reason == "page-furniture"]
    assert furniture == ["Mehr zum Thema", "Verkehr", "Meldung Nummer 1", "Bauen", "Meldung Nummer 2"]


def test_a_run_of_teasers_after_the_last_paragraph_goes_but_the_releases_own_links_stay() -> None:
    teasers = "".join(f"<div class='card'><a href='/stories/{n}'>Another story number {n}</a></div>" for n in range(3))
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{teasers}</article>"))
    assert release.paragraphs == (PROSE,)
    assert [removal.text for removal in release.removed] == [f"Another story number {n}" for n in range(3)]
    documents = "".join(f"<p><a href='/files/report-{n}.pdf'>Report part {n}</a></p>" for n in range(3))
    kept = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{documents}</article>"))
    assert kept.paragraphs == (PROSE, "Report part 0", "Report part 1", "Report part 2")
    links = "".join(f"<p><a href='/stories/{n}'>Another story number {n}</a></p>" for n in range(2))
    two = read(page(f"<article><h1>Title</h1><p>{PROSE}</p><p>Other {PROSE}</p>{links}</article>"))
    assert len(two.paragraphs) == 4  # two links may be the release's own: they stay


def test_an_advertising_disclosure_is_removed_and_reported_by_the_page_chrome_step() -> None:
    disclosure = "Advertising disclosure: We may receive compensation for some of the links in our stories."
    result = pressconv.convert(
        page(f"<article><h1>Title</h1><p>{PROSE}</p><p>{disclosure}</p><p>Other {PROSE}</p></article>").encode(),
        to="json",
        read_options=ReadOptions(reader="html"),
    )
    assert [(removal.reason, removal.text) for removal in result.removed] == [("page-chrome", disclosure)]


def test_the_new_fixtures_exist() -> None:
    # One page per kind of defect, invented for this project (never a peer's page).
    for name in ("page-repeats-plans", "site-sections-de", "teasers-after-article"):
        assert (ROOT / "fixtures" / "html" / f"{name}.html").is_file()


def test_a_page_its_script_fills_in_is_read_from_its_noscript() -> None:
    body = (f"<div class='post'><h1>Title</h1><div class='post-body'><script type='text/template'><p>{PROSE}</p></script>"
            f"<noscript><p>{PROSE}</p><p>Other {PROSE}</p></noscript></div></div>")  # fmt: skip
    assert read(page(body)).paragraphs == (PROSE, f"Other {PROSE}")
    # A page that shows its text never reads its <noscript> ("Please enable JavaScript").
    shown = f"<article><h1>Title</h1><p>{PROSE}</p><noscript><p>Please turn on scripts to see the map.</p></noscript></article>"
    assert read(page(shown)).paragraphs == (PROSE,)


def test_widget_lines_in_german_are_removed_by_the_chrome_step_and_reported() -> None:
    widgets = ("Beitrag teilen:", "Artikel bewerten", "Rezept drucken Bei Pinterest speichern", "Zurück zu allen Meldungen",
               "Gefällt mir Wird geladen...", "Themen: Radverkehr Kreistag")  # fmt: skip
    body = "".join(f"<p>{line}</p>" for line in widgets)
    prose = "Der Kreis baut neue Radwege, sagte der Landrat, und zwar bis 2026 an drei Straßen."
    release = read(page(f"<article><h1>Neue Radwege</h1><p>{prose}</p>{body}</article>", "de-DE"))
    cleaned, removed = pressconv.clean(release)
    assert cleaned.paragraphs == (prose,)
    assert [removal.text for removal in removed if removal.reason == "page-chrome"] == list(widgets)


def test_a_promotion_label_over_an_unlinked_headline_is_left_out_but_not_over_a_sentence() -> None:
    body = (f"<article><h1>Title</h1><p>{PROSE}</p><p>Read: Council opens a second library in Fenby</p>"
            f"<p>Watch: the mayor opened the library this morning.</p></article>")  # fmt: skip
    release = read(page(body))
    assert release.paragraphs == (PROSE, "Watch: the mayor opened the library this morning.")
    assert "Read: Council opens a second library in Fenby" in [removal.text for removal in release.removed]


def test_subscription_and_donation_appeals_are_removed_by_the_chrome_step_and_reported() -> None:
    appeals = ("To read the rest of this story, please subscribe to the Fenby Gazette for £1 a week.",
               "We rely on your support to keep local news free for everyone in the valley.",
               "Subscribe now to our weekend edition for the full story.")  # fmt: skip
    body = "".join(f"<p>{line}</p>" for line in appeals)
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{body}</article>"))
    cleaned, removed = pressconv.clean(release)
    assert cleaned.paragraphs == (PROSE,)
    assert [removal.text for removal in removed if removal.reason == "page-chrome"] == list(appeals)


def test_a_promotion_set_as_a_heading_is_left_out() -> None:
    promo = "<h6><b>Watch:</b> <a href='/v/1'>Council opens a library</a></h6>"
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{promo}</article>"))
    assert release.paragraphs == (PROSE,)


def test_a_news_ticker_and_a_call_to_action_box_inside_the_article_are_furniture() -> None:
    ticker = "<div class='breaking-news'><p><a href='/a'>Bridge closed for repairs</a> and more from the valley today</p></div>"
    cta = "<div class='support-cta'><p>Support our newsroom: every gift keeps the reporting free.</p></div>"
    release = read(page(f"<article><h1>Title</h1>{ticker}<p>{PROSE}</p><p>Second {PROSE}</p>{cta}</article>"))
    assert release.paragraphs == (PROSE, f"Second {PROSE}")
    left_out = [removal.text for removal in release.removed if removal.reason == "page-furniture"]
    assert "Support our newsroom: every gift keeps the reporting free." in left_out


def test_a_credit_on_a_line_of_its_own_and_app_promotions_are_left_out_and_reported() -> None:
    lines = "<p>Jane Smith | Example News | Getty Images</p><p>CLICK HERE TO GET THE VALLEY NEWS APP</p>"
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p>{lines}<p>Second {PROSE}</p></article>"))
    cleaned, removed = pressconv.clean(release)
    assert cleaned.paragraphs == (PROSE, f"Second {PROSE}")
    reported = [removal.text for removal in (*release.removed, *removed)]
    assert "Jane Smith | Example News | Getty Images" in reported and "CLICK HERE TO GET THE VALLEY NEWS APP" in reported
